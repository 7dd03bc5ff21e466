import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubeObject, Pod } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

const pod = (name: string, spec: Record<string, unknown>): string => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
const container = (image: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name: 'main', image, ...extra });

describe('the events the sim\'s kubelets, scheduler and node controller record', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  /** `reason: message` of the events about one object, oldest first. */
  const eventsOf = (kind: string, name: string): string[] =>
    [...sim.store.scan(sim.controllers.types.event)]
      .map(({ object }) => object as KubeObject & { involvedObject: { kind: string; name: string }; reason: string; message: string; firstTimestamp: string; metadata: { resourceVersion: string } })
      .filter((event) => event.involvedObject.kind === kind && event.involvedObject.name === name)
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((event) => `${event.reason}: ${event.message}`);
  const create = async (path: string, body: string): Promise<void> => {
    assert.equal((await call(sim, path, { method: 'POST', body })).status, 201);
    sim.settle();
  };
  const stored = (name: string): Pod => sim.store.get(sim.controllers.types.pod, 'default', name) as Pod;

  it('a started pod: Scheduled, then per container Pulling, Pulled with the image, Created and Started', async () => {
    await create('/api/v1/namespaces/default/pods', pod('web', { containers: [container('nginx:1.27')] }));
    sim.advance(1_500);
    const events = eventsOf('Pod', 'web');
    assert.match(events[0] ?? '', /^Scheduled: Successfully assigned default\/web to /);
    assert.deepEqual(events.slice(1, 2), ['Pulling: Pulling image "nginx:1.27"']);
    assert.match(events[2] ?? '', /^Pulled: Successfully pulled image "nginx:1\.27" in 1s \(1s including waiting\)\. Image size: \d+ bytes\.$/);
    assert.deepEqual(events.slice(3), ['Created: Created container: main', 'Started: Started container main']);
    const started = [...sim.store.scan(sim.controllers.types.event)].map(({ object }) => object).find((event) => event['reason'] === 'Started');
    assert.deepEqual((started?.['involvedObject'] as { fieldPath: string }).fieldPath, 'spec.containers{main}');
    assert.equal((started?.['source'] as { host: string }).host, stored('web').spec.nodeName);
  });

  it('the same IfNotPresent image on the same node is already present', async () => {
    const node = stored('web').spec.nodeName;
    await create('/api/v1/namespaces/default/pods', pod('web2', { nodeName: node, containers: [container('nginx:1.27')] }));
    sim.advance(1_500);
    assert.ok(eventsOf('Pod', 'web2').includes('Pulled: Container image "nginx:1.27" already present on machine'));
  });

  it('a deleted running pod: Killing its containers', async () => {
    assert.equal((await call(sim, '/api/v1/namespaces/default/pods/web2', { method: 'DELETE' })).status, 200);
    sim.settle();
    assert.ok(eventsOf('Pod', 'web2').includes('Killing: Stopping container main'));
  });

  it('an image no registry has: the failed pull, ErrImagePull, the back-off and ImagePullBackOff', async () => {
    await create('/api/v1/namespaces/default/pods', pod('bad', { containers: [container('nonexistent:1')] }));
    sim.advance(1_500);
    const events = eventsOf('Pod', 'bad').slice(1);
    assert.equal(events[0], 'Pulling: Pulling image "nonexistent:1"');
    assert.match(events[1] ?? '', /^Failed: Failed to pull image "nonexistent:1": rpc error: code = NotFound/);
    assert.deepEqual(events.slice(2), ['Failed: Error: ErrImagePull', 'BackOff: Back-off pulling image "nonexistent:1"', 'Failed: Error: ImagePullBackOff']);
    assert.equal(stored('bad').status?.containerStatuses?.[0]?.state['waiting']?.['reason'], 'ImagePullBackOff');
  });

  it('a missing ConfigMap: ContainerCreating with FailedMount, counted again on retry, then the pod starts once it exists', async () => {
    const volumes = [{ name: 'config', configMap: { name: 'app-config' } }, { name: 'maybe', secret: { secretName: 'absent', optional: true } }];
    await create('/api/v1/namespaces/default/pods', pod('mounts', { containers: [container('nginx:1.27')], volumes }));
    sim.advance(1_500);
    assert.equal(stored('mounts').status?.phase, 'Pending');
    assert.equal(stored('mounts').status?.containerStatuses?.[0]?.state['waiting']?.['reason'], 'ContainerCreating');
    const failed = 'FailedMount: MountVolume.SetUp failed for volume "config" : configmap "app-config" not found';
    assert.ok(eventsOf('Pod', 'mounts').includes(failed));
    sim.advance(61_000);
    const counted = [...sim.store.scan(sim.controllers.types.event)].map(({ object }) => object).find((event) => event['reason'] === 'FailedMount');
    assert.equal(counted?.['count'], 2);
    await create('/api/v1/namespaces/default/configmaps', JSON.stringify({ metadata: { name: 'app-config' }, data: { a: '1' } }));
    sim.advance(100);
    assert.equal(stored('mounts').status?.phase, 'Running');
    assert.ok(eventsOf('Pod', 'mounts').includes('Started: Started container main'));
  });

  it('a missing PersistentVolumeClaim: FailedScheduling naming it, scheduled once it exists', async () => {
    await create('/api/v1/namespaces/default/pods', pod('claims', { containers: [container('nginx:1.27')], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }));
    assert.match(eventsOf('Pod', 'claims')[0] ?? '', /^FailedScheduling: 0\/2 nodes are available: persistentvolumeclaim "data" not found\. preemption: /);
    const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    await create('/api/v1/namespaces/default/persistentvolumeclaims', JSON.stringify(claim));
    assert.notEqual(stored('claims').spec.nodeName, undefined);
  });

  it('a node that joins: RegisteredNode from the node controller, NodeReady from its kubelet', async () => {
    await create('/api/v1/nodes', JSON.stringify({ metadata: { name: 'late' }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } }));
    sim.advance(11_000);
    const events = eventsOf('Node', 'late');
    assert.ok(events.includes('RegisteredNode: Node late event: Registered Node late in Controller'), events.join('\n'));
    assert.ok(events.includes('NodeReady: Node late status is now: NodeReady'), events.join('\n'));
    const seeded = [...sim.store.scan(sim.controllers.types.node)].map(({ object }) => object.metadata.name ?? '').find((name) => name !== 'late') ?? '';
    assert.match(seeded, /^node-/);
    assert.deepEqual(eventsOf('Node', seeded), [], 'nodes there at start have no events');
  });

  it('a cordon and an uncordon (kubectl drain\'s first and last step): NodeNotSchedulable, then NodeSchedulable from the kubelet', async () => {
    const cordon = (unschedulable: boolean): Promise<unknown> =>
      call(sim, '/api/v1/nodes/late', { method: 'PATCH', contentType: 'application/strategic-merge-patch+json', body: JSON.stringify({ spec: { unschedulable } }) });
    await cordon(true);
    await cordon(true);
    await cordon(false);
    sim.settle();
    assert.deepEqual(eventsOf('Node', 'late').filter((event) => /Schedulable/.test(event)), ['NodeNotSchedulable: Node late status is now: NodeNotSchedulable', 'NodeSchedulable: Node late status is now: NodeSchedulable']);
  });
});
