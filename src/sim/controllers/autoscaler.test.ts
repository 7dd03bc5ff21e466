import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubeObject } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';
import { proposedReplicas } from './autoscaler.ts';

const hpa = (utilization: number): string =>
  JSON.stringify({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'api' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: utilization } } }] },
  });

describe('the horizontal pod autoscaler', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 3, frozenClock: true, log: () => undefined });
    // The steady profile hovers near 60% of requests.
    const deployment = { metadata: { name: 'api' }, spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:1', resources: { requests: { cpu: '100m' } } }] } } } };
    assert.equal((await call(sim, '/apis/apps/v1/namespaces/default/deployments', { method: 'POST', body: JSON.stringify(deployment) })).status, 201);
    sim.settle();
    sim.advance(5_000);
  });
  after(() => sim.close());

  const replicas = (): number => ((sim.store.get(sim.controllers.types.deployment, 'default', 'api') as KubeObject)['spec'] as { replicas: number }).replicas;
  const status = (): Record<string, unknown> => (sim.store.get(sim.controllers.types.horizontalPodAutoscaler, 'default', 'api') as KubeObject)['status'] as Record<string, unknown>;

  it('proposes replicas from the usage ratio, keeping them within the 10% tolerance', () => {
    assert.equal(proposedReplicas(4, 60, 30), 8);
    assert.equal(proposedReplicas(4, 32, 30), 4);
    assert.equal(proposedReplicas(5, 60, 200), 2);
  });

  it('scales the Deployment up from its pods usage, up to maxReplicas, with currentMetrics', async () => {
    assert.equal((await call(sim, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', { method: 'POST', body: hpa(30) })).status, 201);
    // A new HPA is synced at once, then every 15 s.
    sim.settle();
    const metric = (status()['currentMetrics'] as { resource: { name: string; current: { averageUtilization: number } } }[])[0];
    const utilization = metric?.resource.current.averageUtilization ?? 0;
    assert.equal(metric?.resource.name, 'cpu');
    assert.ok(utilization > 45 && utilization < 75, JSON.stringify(metric));
    const first = Math.min(5, Math.ceil((2 * utilization) / 30));
    assert.ok(first >= 4);
    assert.equal(replicas(), first);
    assert.deepEqual([status()['currentReplicas'], status()['desiredReplicas']], [2, first]);
    const events = [...sim.store.scan(sim.controllers.types.event, { namespace: 'default' })].map(({ object }) => object).filter((event) => event['reason'] === 'SuccessfulRescale');
    assert.equal(String(events[0]?.['message']), `New size: ${first}; reason: cpu resource utilization (percentage of request) above target`);
    sim.advance(15_000);
    assert.equal(replicas(), 5);
    assert.equal(status()['desiredReplicas'], 5);
    const entries = (sim.store.get(sim.controllers.types.deployment, 'default', 'api') as KubeObject).metadata.managedFields ?? [];
    assert.deepEqual(entries.filter((entry) => entry.subresource === 'scale').map(({ manager, operation, apiVersion, fieldsV1 }) => ({ manager, operation, apiVersion, fieldsV1 })), [
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', fieldsV1: { 'f:spec': { 'f:replicas': {} } } },
    ]);
  });

  it('scales down only once five minutes have passed since the last scale', async () => {
    const reply = await call(sim, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/api', { method: 'PUT', body: hpa(200) });
    assert.equal(reply.status, 200, reply.text);
    sim.advance(60_000);
    assert.equal(replicas(), 5);
    assert.equal(status()['desiredReplicas'], 5);
    sim.advance(5 * 60_000);
    assert.equal(replicas(), 2);
  });

  it('reports a target that does not exist', async () => {
    const missing = JSON.parse(hpa(50)) as { metadata: { name: string }; spec: { scaleTargetRef: { name: string } } };
    missing.metadata.name = 'ghost';
    missing.spec.scaleTargetRef.name = 'ghost';
    assert.equal((await call(sim, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', { method: 'POST', body: JSON.stringify(missing) })).status, 201);
    sim.settle();
    const conditions = ((sim.store.get(sim.controllers.types.horizontalPodAutoscaler, 'default', 'ghost') as KubeObject)['status'] as { conditions: { type: string; reason: string }[] }).conditions;
    assert.deepEqual(conditions.map((each) => [each.type, each.reason]), [['AbleToScale', 'FailedGetScale']]);
  });
});
