import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { call, watchEvents } from './test-helpers.ts';

const event = (name: string, type: string, reason: string, pod: string): string =>
  JSON.stringify({
    metadata: { name },
    type,
    reason,
    message: `${reason} on ${pod}`,
    involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: pod, uid: `uid-${pod}`, fieldPath: 'spec.containers{main}' },
    source: { component: 'kubelet' },
  });

const names = (reply: { json: Record<string, unknown> }): string[] => (reply.json['items'] as { metadata: { name: string } }[]).map((item) => item.metadata.name);

describe('sim protocol details real clients rely on', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 3, pods: 9, log: () => undefined });
    for (const [name, type, reason, pod] of [['e1', 'Warning', 'BackOff', 'a'], ['e2', 'Normal', 'Pulled', 'a'], ['e3', 'Warning', 'Failed', 'b']] as const) {
      assert.equal((await call(sim, '/api/v1/namespaces/default/events', { method: 'POST', body: event(name, type, reason, pod) })).status, 201);
    }
  });
  after(() => sim.close());

  it('selects events by type, reason, source and involvedObject fields', async () => {
    const select = async (selector: string): Promise<string[]> => names(await call(sim, `/api/v1/namespaces/default/events?fieldSelector=${encodeURIComponent(selector)}`));
    assert.deepEqual(await select('type=Warning'), ['e1', 'e3']);
    assert.deepEqual(await select('reason=Pulled'), ['e2']);
    assert.deepEqual(await select('involvedObject.kind=Pod,involvedObject.apiVersion=v1,involvedObject.name=a'), ['e1', 'e2']);
    assert.deepEqual(await select('involvedObject.uid=uid-b,involvedObject.namespace=default,involvedObject.fieldPath=spec.containers{main}'), ['e3']);
    assert.deepEqual(await select('source=kubelet,type!=Normal'), ['e1', 'e3']);
    assert.equal((await call(sim, '/api/v1/namespaces/default/events?fieldSelector=spec.bogus%3Dx')).status, 400);
  });

  it('a paged list carries remainingItemCount unless a selector is set', async () => {
    const page = await call(sim, '/api/v1/pods?limit=4');
    const metadata = page.json['metadata'] as { continue?: string; remainingItemCount?: number };
    assert.equal(metadata.remainingItemCount, 5);
    const next = await call(sim, `/api/v1/pods?limit=4&continue=${metadata.continue ?? ''}`);
    assert.equal((next.json['metadata'] as { remainingItemCount?: number }).remainingItemCount, 1);
    const table = await call(sim, '/api/v1/pods?limit=4', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    assert.equal((table.json['metadata'] as { remainingItemCount?: number }).remainingItemCount, 5);
    const selected = await call(sim, '/api/v1/pods?limit=4&labelSelector=app');
    assert.equal((selected.json['metadata'] as { remainingItemCount?: number }).remainingItemCount, undefined);
    const last = await call(sim, '/api/v1/pods?limit=100');
    assert.equal((last.json['metadata'] as { remainingItemCount?: number }).remainingItemCount, undefined);
  });

  it('reads booleans as the server does: watch=True streams, dryRun=bogus is 422', async () => {
    const events = await watchEvents(sim, '/api/v1/namespaces/default/configmaps?watch=True&allowWatchBookmarks=1', 1, () =>
      call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: JSON.stringify({ metadata: { name: 'seen' } }) }),
    );
    assert.equal((events[0]?.['object'] as { metadata: { name: string } }).metadata.name, 'seen');
    const bogus = await call(sim, '/api/v1/namespaces/default/configmaps?dryRun=bogus', { method: 'POST', body: JSON.stringify({ metadata: { name: 'dry' } }) });
    assert.equal(bogus.status, 422);
    assert.equal((bogus.json['details'] as { causes: { field: string }[] }).causes[0]?.field, 'dryRun');
    const forced = await call(sim, '/api/v1/namespaces/default/configmaps/seen?force=false', { method: 'PATCH', body: '{"data":{"a":"b"}}', contentType: 'application/merge-patch+json' });
    assert.equal(forced.status, 422);
    assert.match(String(forced.json['message']), /^PatchOptions\.meta\.k8s\.io "" is invalid: force: Forbidden: may not be specified for non-apply patch$/);
  });

  it('orphanDependents=True orphans, and with a propagationPolicy too is 422', async () => {
    const owner = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: JSON.stringify({ metadata: { name: 'owner' } }) });
    const uid = (owner.json['metadata'] as { uid: string }).uid;
    const child = JSON.stringify({ metadata: { name: 'child', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid }] } });
    assert.equal((await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: child })).status, 201);
    const both = await call(sim, '/api/v1/namespaces/default/configmaps/owner?orphanDependents=true&propagationPolicy=Background', { method: 'DELETE' });
    assert.equal(both.status, 422);
    assert.match(String(both.json['message']), /propagationPolicy: Invalid value: "Background": orphanDependents and deletionPropagation cannot be both set/);
    assert.equal((await call(sim, '/api/v1/namespaces/default/configmaps/owner?orphanDependents=True', { method: 'DELETE' })).status, 200);
    const kept = await call(sim, '/api/v1/namespaces/default/configmaps/child');
    assert.equal((kept.json['metadata'] as { ownerReferences?: unknown[] }).ownerReferences?.length ?? 0, 0);
  });

  it('an unknown path is NotFound with empty details, as kube-apiserver answers', async () => {
    const reply = await call(sim, '/api/v1/namespaces/default/pods/x/ephemeralcontainers', { method: 'PATCH', body: '{}', contentType: 'application/strategic-merge-patch+json' });
    assert.equal(reply.status, 404);
    assert.deepEqual(reply.json['details'], {});
  });

  it('a 403 names the subresource and a 422 on options carries its causes', async () => {
    const pods = (await call(sim, '/api/v1/pods?limit=1')).json['items'] as { metadata: { namespace: string; name: string } }[];
    const { namespace, name } = pods[0]?.metadata ?? { namespace: '', name: '' };
    const eviction = await call(sim, `/api/v1/namespaces/${namespace}/pods/${name}/eviction`, { method: 'POST', token: 'readOnly', body: '{}' });
    assert.equal(eviction.status, 403);
    assert.match(String(eviction.json['message']), /cannot create resource "pods\/eviction" in API group ""/);
    const log = await call(sim, `/api/v1/namespaces/${namespace}/pods/${name}/log?tailLines=-1`);
    assert.equal(log.status, 422);
    assert.deepEqual(log.json['details'], { name, kind: 'PodLogOptions', causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'tailLines' }] });
  });

  it('answers rules reviews and whoami, and honours impersonation for the admin only', async () => {
    const rules = await call(sim, '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { method: 'POST', token: 'readOnly', body: JSON.stringify({ spec: { namespace: 'default' } }) });
    assert.equal(rules.status, 201);
    const status = rules.json['status'] as { resourceRules: { verbs: string[] }[]; incomplete: boolean };
    assert.deepEqual(status.resourceRules[0]?.verbs, ['get', 'list', 'watch']);
    assert.equal(status.incomplete, false);
    const whoami = await call(sim, '/apis/authentication.k8s.io/v1/selfsubjectreviews', { method: 'POST', body: '{}' });
    assert.deepEqual(whoami.json['status'], { userInfo: { username: 'kube-workbench-sim-admin', groups: ['system:masters', 'system:authenticated'] } });
  });
});
