/** metrics.k8s.io/v1beta1 NodeMetrics and PodMetrics, computed on read from the usage profiles (nothing stored). */
import { usageList, type Amounts } from '../amounts.ts';
import type { KubeObject, Node, Pod } from '../objects.ts';
import type { ResourceType } from '../resources.ts';
import type { ControllerEnvironment } from './environment.ts';
import { splitKey } from './environment.ts';
import type { Kubelets } from './kubelet.ts';
import { containerUsageModels } from './container-usage.ts';

/** What the system daemons of a node use besides pods. */
const systemUsage: Amounts = { cpu: 0.1, memory: 512 * 2 ** 20 };

export class Metrics {
  private readonly environment: ControllerEnvironment;
  private readonly kubelets: Kubelets;

  constructor(environment: ControllerEnvironment, kubelets: Kubelets) {
    this.environment = environment;
    this.kubelets = kubelets;
  }

  list(type: ResourceType, namespace: string | undefined): KubeObject[] {
    return type.kind === 'NodeMetrics' ? this.nodes() : this.pods(namespace);
  }

  private containerUsage(pod: Pod, now: number): { name: string; usage: Amounts }[] {
    return containerUsageModels(pod).map((model) => ({ name: model.container, usage: model.at(now / 1000) }));
  }

  private running(pod: Pod): boolean {
    return pod.status?.phase === 'Running' && !this.kubelets.heartbeatStopped(pod.spec.nodeName ?? '');
  }

  private pods(namespace: string | undefined): KubeObject[] {
    const { store, types, clock } = this.environment;
    const now = clock.now();
    const result: KubeObject[] = [];
    for (const { object } of store.scan(types.pod, { namespace })) {
      const pod = object as Pod;
      if (!this.running(pod)) continue;
      result.push({
        kind: 'PodMetrics',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: clock.timestamp(), ...(pod.metadata.labels === undefined ? {} : { labels: pod.metadata.labels }) },
        timestamp: clock.timestamp(now),
        window: '15s',
        containers: this.containerUsage(pod, now).map(({ name, usage }) => ({ name, usage: usageList(usage) })),
      });
    }
    return result;
  }

  private nodes(): KubeObject[] {
    const { store, types, clock, pods } = this.environment;
    const now = clock.now();
    const result: KubeObject[] = [];
    for (const { object } of store.scan(types.node)) {
      const node = object as Node;
      const name = node.metadata.name ?? '';
      if (this.kubelets.heartbeatStopped(name)) continue;
      const total = { ...systemUsage };
      for (const key of pods.podKeys(name)) {
        const { namespace, name: podName } = splitKey(key);
        const pod = store.get(types.pod, namespace, podName) as Pod | undefined;
        if (pod === undefined || !this.running(pod)) continue;
        for (const { usage } of this.containerUsage(pod, now)) {
          total.cpu += usage.cpu;
          total.memory += usage.memory;
        }
      }
      result.push({
        kind: 'NodeMetrics',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: { name, creationTimestamp: clock.timestamp(), ...(node.metadata.labels === undefined ? {} : { labels: node.metadata.labels }) },
        timestamp: clock.timestamp(now),
        window: '20s',
        usage: usageList(total),
      });
    }
    return result;
  }
}
