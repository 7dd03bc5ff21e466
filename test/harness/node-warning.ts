// A Warning event on one of the simulated cluster's nodes, as a kubelet records one when it cannot
// free disk space, so the Explorer has a node's Events to show.
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

/** Records the event through the sim's API and returns the node's name. */
export async function recordNodeWarning(kubeconfigPath: string): Promise<string> {
  const config = new KubeConfig();
  config.loadFromFile(kubeconfigPath);
  const api = config.makeApiClient(CoreV1Api);
  const node = (await api.listNode()).items[0]?.metadata?.name;
  if (node === undefined) throw new Error('the simulated cluster has no node');
  const now = new Date();
  await api.createNamespacedEvent({
    namespace: 'default',
    body: {
      metadata: { name: `${node}.free-disk-space`, namespace: 'default' },
      involvedObject: { kind: 'Node', name: node, uid: node },
      type: 'Warning',
      reason: 'FreeDiskSpaceFailed',
      message: 'Failed to garbage collect required amount of images. Attempted to free 4294967296 bytes, but only found 0 bytes eligible to free.',
      source: { component: 'kubelet', host: node },
      count: 3,
      firstTimestamp: new Date(now.getTime() - 10 * 60_000),
      lastTimestamp: now,
    },
  });
  return node;
}
