import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubeObject } from './objects.ts';
import { startSim, type Sim } from './sim.ts';
import { call, type Reply } from './test-helpers.ts';

describe('evictions honour PodDisruptionBudgets', () => {
  let sim: Sim;
  const post = (path: string, body: unknown): Promise<Reply> => call(sim, path, { method: 'POST', body: JSON.stringify(body) });
  const pods = (): string[] =>
    [...sim.store.scan(sim.controllers.types.pod, { namespace: 'default' })].map(({ object }) => object).filter((pod) => pod.metadata.deletionTimestamp === undefined).map((pod) => pod.metadata.name ?? '');
  const evict = (name: string): Promise<Reply> => post(`/api/v1/namespaces/default/pods/${name}/eviction`, { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } });

  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
    const template = { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres' }] } };
    assert.equal((await post('/apis/apps/v1/namespaces/default/deployments', { metadata: { name: 'db' }, spec: { replicas: 3, selector: { matchLabels: { app: 'db' } }, template } })).status, 201);
    assert.equal((await post('/apis/policy/v1/namespaces/default/poddisruptionbudgets', { metadata: { name: 'db' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'db' } } } })).status, 201);
    sim.settle();
    sim.advance(5_000);
  });
  after(() => sim.close());

  it('evicts one pod, then answers 429 until the replacement is healthy', async () => {
    const [first, second] = pods();
    assert.equal((await evict(first ?? '')).status, 201);
    const refused = await evict(second ?? '');
    assert.equal(refused.status, 429);
    assert.equal(refused.json['message'], "Cannot evict pod as it would violate the pod's disruption budget.");
    assert.match(JSON.stringify(refused.json['details']), /The disruption budget db needs 2 healthy pods and has 2 currently/);
    sim.advance(60_000);
    const budget = sim.store.get(sim.controllers.types.podDisruptionBudget, 'default', 'db') as KubeObject;
    assert.equal((budget['status'] as { disruptionsAllowed: number }).disruptionsAllowed, 1);
    assert.equal((await evict(second ?? '')).status, 201);
  });

  it('marks the evicted pod a DisruptionTarget before it goes, and its kubelet stops its containers', async () => {
    sim.advance(60_000);
    const [victim] = pods();
    let last: KubeObject | undefined;
    const stop = sim.store.subscribe((event) => {
      if (event.resource === sim.controllers.types.pod && event.object.metadata.name === victim) last = event.object;
    });
    assert.equal((await evict(victim ?? '')).status, 201);
    stop();
    sim.settle();
    const condition = (last?.['status'] as { conditions: Record<string, unknown>[] }).conditions.find((each) => each['type'] === 'DisruptionTarget');
    assert.deepEqual({ ...condition, lastTransitionTime: undefined }, { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: undefined });
    const reasons = [...sim.store.scan(sim.controllers.types.event, { namespace: 'default' })].map(({ object }) => object).filter((event) => (event['involvedObject'] as { name: string }).name === victim).map((event) => event['reason']);
    assert.ok(reasons.includes('Killing'), reasons.join(', '));
  });
});
