import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

describe('the ServiceAccount controller', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 3, frozenClock: true, log: () => undefined });
    sim.settle();
  });
  after(() => sim.close());

  const account = (namespace: string): unknown => sim.store.get(sim.controllers.types.serviceAccount, namespace, 'default');

  it('gives every seeded namespace a default ServiceAccount, and only that one', () => {
    const namespaces = [...sim.store.scan(sim.controllers.types.namespace, {})].map(({ object }) => object.metadata.name ?? '');
    assert.ok(namespaces.length >= 4);
    for (const namespace of namespaces) assert.ok(account(namespace) !== undefined, namespace);
    assert.equal([...sim.store.scan(sim.controllers.types.serviceAccount, {})].length, namespaces.length);
  });

  it('creates one with a new namespace and brings it back when deleted', async () => {
    assert.equal((await call(sim, '/api/v1/namespaces', { method: 'POST', body: JSON.stringify({ metadata: { name: 'new-team' } }) })).status, 201);
    sim.settle();
    assert.ok(account('new-team') !== undefined);
    assert.equal((await call(sim, '/api/v1/namespaces/new-team/serviceaccounts/default', { method: 'DELETE' })).status, 200);
    sim.settle();
    assert.ok(account('new-team') !== undefined);
  });

  it('answers a TokenRequest with an opaque token and its expiry', async () => {
    const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 7200 } });
    const reply = await call(sim, '/api/v1/namespaces/default/serviceaccounts/default/token', { method: 'POST', body });
    assert.equal(reply.status, 201);
    const status = reply.json['status'] as { token: string; expirationTimestamp: string };
    assert.match(status.token, /^[A-Za-z0-9_-]{64}$/);
    assert.equal(Date.parse(status.expirationTimestamp) - Date.parse(sim.clock.timestamp()), 7_200_000);
    const missing = await call(sim, '/api/v1/namespaces/default/serviceaccounts/nobody/token', { method: 'POST', body });
    assert.equal(missing.status, 404);
  });
});
