import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

const workload = (kind: 'StatefulSet' | 'DaemonSet', name: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind,
    metadata: { name },
    spec: { ...extra, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'redis:7' }] } } },
  });

describe('StatefulSets and DaemonSets', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 3, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  const podsOf = (app: string): Pod[] =>
    [...sim.store.scan(sim.controllers.types.pod, { namespace: 'default' })].map(({ object }) => object as Pod).filter((pod) => pod.metadata.labels?.['app'] === app);

  it('starts a StatefulSet’s pods one at a time, in ordinal order, and scales down from the top', async () => {
    assert.equal((await call(sim, '/apis/apps/v1/namespaces/default/statefulsets', { method: 'POST', body: workload('StatefulSet', 'db', { replicas: 3 }) })).status, 201);
    sim.settle();
    assert.deepEqual(podsOf('db').map((pod) => pod.metadata.name), ['db-0']);
    sim.advance(1_000);
    assert.deepEqual(podsOf('db').map((pod) => pod.metadata.name).sort(), ['db-0', 'db-1']);
    sim.advance(5_000);
    assert.deepEqual(podsOf('db').map((pod) => pod.metadata.name).sort(), ['db-0', 'db-1', 'db-2']);
    await call(sim, '/apis/apps/v1/namespaces/default/statefulsets/db/scale', { method: 'PATCH', contentType: 'application/merge-patch+json', body: '{"spec":{"replicas":1}}' });
    sim.advance(2_000);
    assert.deepEqual(podsOf('db').map((pod) => pod.metadata.name), ['db-0']);
  });

  it('runs one DaemonSet pod per node, and none on a node whose taint it does not tolerate', async () => {
    const tainted = sim.store.get(sim.controllers.types.node, undefined, 'node-0003');
    assert.ok(tainted !== undefined);
    sim.store.update(sim.controllers.types.node, { ...tainted, spec: { ...(tainted['spec'] as object), taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } });
    assert.equal((await call(sim, '/apis/apps/v1/namespaces/default/daemonsets', { method: 'POST', body: workload('DaemonSet', 'agent') })).status, 201);
    sim.settle();
    sim.advance(2_000);
    assert.deepEqual(podsOf('agent').map((pod) => pod.spec.nodeName).sort(), ['node-0001', 'node-0002']);
    const status = sim.store.get(sim.controllers.types.daemonSet, 'default', 'agent')?.['status'] as { desiredNumberScheduled: number; numberReady: number };
    assert.deepEqual([status.desiredNumberScheduled, status.numberReady], [2, 2]);
  });
});
