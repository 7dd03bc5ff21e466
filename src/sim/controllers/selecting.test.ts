import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubeObject } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';
import { desiredHealthy } from './disruption.ts';

const post = async (sim: Sim, path: string, body: Record<string, unknown>): Promise<void> => {
  const reply = await call(sim, path, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(reply.status, 201, reply.text);
  sim.settle();
};

describe('PodDisruptionBudget status and Service endpoints, kept from the selected pods', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
    await post(sim, '/apis/apps/v1/namespaces/default/deployments', {
      metadata: { name: 'web' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] } } },
    });
    await post(sim, '/apis/policy/v1/namespaces/default/poddisruptionbudgets', { metadata: { name: 'web' }, spec: { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } } });
    await post(sim, '/api/v1/namespaces/default/services', { metadata: { name: 'web', labels: { tier: 'front' } }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
    sim.advance(5_000);
  });
  after(() => sim.close());

  const get = (type: keyof Sim['controllers']['types'], name: string): KubeObject | undefined => sim.store.get(sim.controllers.types[type], 'default', name);
  const slices = (): KubeObject[] =>
    [...sim.store.scan(sim.controllers.types.endpointSlice, { namespace: 'default' })].map(({ object }) => object).filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === 'web');

  it('scales minAvailable and maxUnavailable percentages up, as the disruption controller does', () => {
    assert.equal(desiredHealthy({ minAvailable: '50%' }, 3), 2);
    assert.equal(desiredHealthy({ maxUnavailable: '50%' }, 3), 1);
    assert.equal(desiredHealthy({ maxUnavailable: 1 }, 3), 2);
    assert.equal(desiredHealthy({}, 3), 0);
  });

  it('counts expected, healthy and desired pods and the disruptions allowed', () => {
    const status = get('podDisruptionBudget', 'web')?.['status'] as Record<string, unknown>;
    assert.deepEqual([status['expectedPods'], status['currentHealthy'], status['desiredHealthy'], status['disruptionsAllowed']], [3, 3, 2, 1]);
    assert.equal((status['conditions'] as { reason: string }[])[0]?.reason, 'SufficientPods');
  });

  it('lists the ready pods in the Endpoints and one EndpointSlice, on the named target port', () => {
    const subsets = get('endpoints', 'web')?.['subsets'] as { addresses: { ip: string }[]; ports: unknown[] }[];
    assert.equal(subsets[0]?.addresses.length, 3);
    assert.deepEqual(subsets[0]?.ports, [{ name: 'http', port: 8080, protocol: 'TCP' }]);
    assert.equal(get('endpoints', 'web')?.metadata.labels?.['tier'], 'front');
    assert.equal(slices().length, 1);
    const slice = slices()[0] as KubeObject;
    assert.equal((slice['endpoints'] as unknown[]).length, 3);
    assert.equal(slice.metadata.ownerReferences?.[0]?.kind, 'Service');
  });

  it('follows the pods when the Deployment scales to one', async () => {
    const reply = await call(sim, '/apis/apps/v1/namespaces/default/deployments/web', { method: 'PATCH', contentType: 'application/merge-patch+json', body: JSON.stringify({ spec: { replicas: 1 } }) });
    assert.equal(reply.status, 200);
    sim.settle();
    sim.advance(60_000);
    const status = get('podDisruptionBudget', 'web')?.['status'] as Record<string, unknown>;
    assert.deepEqual([status['expectedPods'], status['currentHealthy'], status['desiredHealthy'], status['disruptionsAllowed']], [1, 1, 1, 0]);
    assert.equal((status['conditions'] as { reason: string }[])[0]?.reason, 'InsufficientPods');
    assert.equal((get('endpoints', 'web')?.['subsets'] as { addresses: unknown[] }[])[0]?.addresses.length, 1);
    assert.equal((slices()[0]?.['endpoints'] as unknown[]).length, 1);
  });

  it('drops the Endpoints and the slices with the Service', async () => {
    assert.equal((await call(sim, '/api/v1/namespaces/default/services/web', { method: 'DELETE' })).status, 200);
    sim.settle();
    assert.equal(get('endpoints', 'web'), undefined);
    assert.equal(slices().length, 0);
  });
});
