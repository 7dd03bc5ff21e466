import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../objects.ts';
import { conditionOf } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

const deployment = (image: string, replicas: number, requests = { cpu: '100m', memory: '64Mi' }): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image, resources: { requests } }] } } },
  });

describe('Deployments, ReplicaSets and the scheduler', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 3, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  const list = <T extends KubeObject>(type: keyof Sim['controllers']['types']): T[] =>
    [...sim.store.scan(sim.controllers.types[type], { namespace: 'default' })].map(({ object }) => object as T);
  const live = (): Pod[] => list<Pod>('pod').filter((pod) => pod.metadata.labels?.['app'] === 'web');

  it('creates a ReplicaSet and runs its pods on the nodes', async () => {
    assert.equal((await call(sim, '/apis/apps/v1/namespaces/default/deployments', { method: 'POST', body: deployment('nginx:1.26', 4) })).status, 201);
    sim.settle();
    sim.advance(2_000);
    assert.equal(list<ReplicaSet>('replicaSet').length, 1);
    assert.equal(live().filter((pod) => pod.status?.phase === 'Running').length, 4);
    // Least-allocated scoring spreads them (the 16-core node takes more).
    assert.ok(new Set(live().map((pod) => pod.spec.nodeName)).size >= 2);
    const status = list<Deployment>('deployment')[0]?.status as { availableReplicas: number; conditions: { type: string; reason: string }[] };
    assert.equal(status.availableReplicas, 4);
    assert.equal(status.conditions.find((condition) => condition.type === 'Progressing')?.reason, 'NewReplicaSetAvailable');
  });

  it('rolls a new image out within maxSurge 1 and maxUnavailable 1 (25% of 4)', async () => {
    await call(sim, '/apis/apps/v1/namespaces/default/deployments/web', { method: 'PUT', body: deployment('nginx:1.27', 4) });
    sim.settle();
    for (let second = 0; second < 20; second += 1) {
      const pods = live();
      assert.ok(pods.length <= 5, `${pods.length} pods at once`);
      assert.ok(pods.filter((pod) => conditionOf(pod.status?.conditions, 'Ready')?.status === 'True').length >= 3);
      sim.advance(500);
    }
    const sets = list<ReplicaSet>('replicaSet');
    assert.equal(sets.length, 2);
    assert.deepEqual(sets.map((set) => set.spec.replicas).sort(), [0, 4]);
    assert.ok(live().every((pod) => pod.spec.containers[0]?.image === 'nginx:1.27'));
    assert.equal(list<Deployment>('deployment')[0]?.metadata.annotations?.['deployment.kubernetes.io/revision'], '2');
  });

  it('restarts through the restartedAt template annotation, as kubectl rollout restart does', async () => {
    const before = new Set(live().map((pod) => pod.metadata.name));
    const patch = JSON.stringify({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-11-25T00:00:00Z' } } } } });
    await call(sim, '/apis/apps/v1/namespaces/default/deployments/web', { method: 'PATCH', contentType: 'application/strategic-merge-patch+json', body: patch });
    sim.settle();
    sim.advance(15_000);
    assert.equal(live().length, 4);
    assert.ok(live().every((pod) => !before.has(pod.metadata.name)));
    assert.equal(list<ReplicaSet>('replicaSet').length, 3);
  });

  it('reports ImagePullBackOff, then ProgressDeadlineExceeded once progressDeadlineSeconds pass without progress', async () => {
    const manifest = JSON.parse(deployment('registry.example/app:does-not-exist', 1)) as { metadata: { name: string }; spec: Record<string, unknown> };
    manifest.metadata.name = 'broken';
    manifest.spec['progressDeadlineSeconds'] = 60;
    manifest.spec['selector'] = { matchLabels: { app: 'broken' } };
    (manifest.spec['template'] as { metadata: { labels: Record<string, string> } }).metadata.labels = { app: 'broken' };
    await call(sim, '/apis/apps/v1/namespaces/default/deployments', { method: 'POST', body: JSON.stringify(manifest) });
    sim.settle();
    sim.advance(2_000);
    const pod = list<Pod>('pod').find((each) => each.metadata.labels?.['app'] === 'broken');
    assert.equal(pod?.status?.containerStatuses?.[0]?.state['waiting']?.['reason'], 'ImagePullBackOff');
    const progressing = (): { status: string; reason: string } | undefined =>
      ((sim.store.get(sim.controllers.types.deployment, 'default', 'broken')?.['status'] as { conditions: { type: string; status: string; reason: string }[] }).conditions).find((each) => each.type === 'Progressing');
    assert.equal(progressing()?.reason, 'ReplicaSetUpdated');
    sim.advance(60_000);
    assert.deepEqual([progressing()?.status, progressing()?.reason], ['False', 'ProgressDeadlineExceeded']);
  });

  it('leaves a pod that fits nowhere Pending with a FailedScheduling event naming the resource', async () => {
    await call(sim, '/apis/apps/v1/namespaces/default/deployments', { method: 'POST', body: deployment('big:1', 1, { cpu: '64', memory: '1Gi' }).replace('"web"', '"huge"').replace(/"app":"web"/g, '"app":"huge"') });
    sim.settle();
    sim.advance(2_000);
    const pod = list<Pod>('pod').find((each) => each.metadata.labels?.['app'] === 'huge');
    assert.equal(pod?.status?.phase, 'Pending');
    const scheduled = conditionOf(pod?.status?.conditions, 'PodScheduled');
    assert.deepEqual([scheduled?.status, scheduled?.reason], ['False', 'Unschedulable']);
    assert.match(scheduled?.message ?? '', /^0\/3 nodes are available: 3 Insufficient cpu\./);
    const events = list<KubeObject>('event').filter((event) => event['reason'] === 'FailedScheduling');
    assert.equal(events.length, 1);
    assert.equal((events[0]?.['involvedObject'] as { name: string }).name, pod?.metadata.name);
  });
});
