import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { call, watchEvents } from './test-helpers.ts';

interface Listed {
  metadata: { continue?: string; resourceVersion: string };
  items: { metadata: { name: string; labels?: Record<string, string>; managedFields?: { manager: string; operation: string }[] }; data?: Record<string, string>; spec?: Record<string, unknown> }[];
}

const deployment = (replicas: number, image = 'nginx:1.27'): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } } },
});

describe('sim API: list, get, patch, apply, delete and watch', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 3, pods: 40, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  it('pages a list with limit and continue, every pod exactly once', async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const reply = await call(sim, `/api/v1/pods?limit=7${token === undefined ? '' : `&continue=${token}`}`);
      const list = reply.json as unknown as Listed;
      names.push(...list.items.map((item) => item.metadata.name));
      token = list.metadata.continue;
      pages += 1;
    } while (token !== undefined);
    assert.equal(names.length, 40);
    assert.equal(new Set(names).size, 40);
    assert.ok(pages >= 6);
    assert.equal((await call(sim, '/api/v1/pods?continue=garbage')).status, 400);
  });

  it('filters by label and field selectors', async () => {
    const all = (await call(sim, '/api/v1/pods')).json as unknown as Listed;
    const app = all.items[0]?.metadata.labels?.['app'] ?? '';
    const byLabel = (await call(sim, `/api/v1/pods?labelSelector=${encodeURIComponent(`app=${app}`)}`)).json as unknown as Listed;
    assert.ok(byLabel.items.length > 0 && byLabel.items.every((item) => item.metadata.labels?.['app'] === app));
    const onNode = (await call(sim, `/api/v1/pods?fieldSelector=${encodeURIComponent('spec.nodeName=node-0002')}`)).json as unknown as Listed;
    assert.ok(onNode.items.length > 0 && onNode.items.every((item) => item.spec?.['nodeName'] === 'node-0002'));
    const running = (await call(sim, `/api/v1/pods?fieldSelector=${encodeURIComponent('status.phase!=Running')}`)).json as unknown as Listed;
    assert.equal(running.items.length, 0);
    assert.equal((await call(sim, '/api/v1/pods?fieldSelector=spec.bogus%3Dx')).status, 400);
  });

  it('answers Tables with kubectl columns when asked as=Table', async () => {
    const reply = await call(sim, '/api/v1/pods?limit=2', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    assert.equal(reply.json['kind'], 'Table');
    const columns = (reply.json['columnDefinitions'] as { name: string; priority: number }[]).map((column) => `${column.name}:${column.priority}`);
    assert.deepEqual(columns.slice(0, 7), ['Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1']);
    const row = (reply.json['rows'] as { cells: unknown[]; object: { kind: string } }[])[0];
    assert.equal(row?.cells[2], 'Running');
    assert.equal(row?.object.kind, 'PartialObjectMetadata');
  });

  it('applies merge, strategic-merge and JSON patches', async () => {
    const body = JSON.stringify(deployment(1));
    assert.equal((await call(sim, '/apis/apps/v1/namespaces/default/deployments', { method: 'POST', body })).status, 201);
    const merge = await call(sim, '/apis/apps/v1/namespaces/default/deployments/web', { method: 'PATCH', contentType: 'application/merge-patch+json', body: '{"metadata":{"labels":{"tier":"front"}}}' });
    assert.deepEqual((merge.json['metadata'] as { labels: unknown }).labels, { tier: 'front' });
    const strategic = await call(sim, '/apis/apps/v1/namespaces/default/deployments/web', {
      method: 'PATCH',
      contentType: 'application/strategic-merge-patch+json',
      body: JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } } }),
    });
    const containers = (strategic.json['spec'] as { template: { spec: { containers: { name: string }[] } } }).template.spec.containers;
    assert.deepEqual(containers.map((container) => container.name), ['web', 'sidecar']);
    assert.equal((strategic.json['metadata'] as { generation: number }).generation, 2);
    const json = await call(sim, '/apis/apps/v1/namespaces/default/deployments/web', { method: 'PATCH', contentType: 'application/json-patch+json', body: '[{"op":"replace","path":"/spec/replicas","value":2}]' });
    assert.equal((json.json['spec'] as { replicas: number }).replicas, 2);
    const scale = await call(sim, '/apis/apps/v1/namespaces/default/deployments/web/scale', { method: 'PATCH', contentType: 'application/merge-patch+json', body: '{"spec":{"replicas":3}}' });
    assert.deepEqual([scale.json['kind'], (scale.json['spec'] as { replicas: number }).replicas], ['Scale', 3]);
  });

  it('server-side apply: 409 between managers, force takes the field over', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/applied?fieldManager=';
    const applied: Record<string, unknown> = { ...deployment(2), metadata: { name: 'applied', namespace: 'default' } };
    const first = await call(sim, `${path}alice`, { method: 'PATCH', contentType: 'application/apply-patch+yaml', body: JSON.stringify(applied) });
    assert.equal(first.status, 201);
    const changed = { ...applied, spec: { ...(applied['spec'] as object), replicas: 5 } };
    const conflict = await call(sim, `${path}bob`, { method: 'PATCH', contentType: 'application/apply-patch+yaml', body: JSON.stringify(changed) });
    assert.equal(conflict.status, 409);
    assert.match(String(conflict.json['message']), /conflict with "alice"/);
    assert.equal((conflict.json['details'] as { causes: { field: string }[] }).causes[0]?.field, '.spec.replicas');
    const forced = await call(sim, `${path}bob&force=true`, { method: 'PATCH', contentType: 'application/apply-patch+yaml', body: JSON.stringify(changed) });
    assert.equal(forced.status, 200);
    assert.equal((forced.json['spec'] as { replicas: number }).replicas, 5);
    const managers = (forced.json['metadata'] as { managedFields: { manager: string; operation: string }[] }).managedFields.map((entry) => `${entry.manager}/${entry.operation}`);
    assert.deepEqual(managers.sort(), ['alice/Apply', 'bob/Apply']);
  });

  it('deletes owned objects with the owner, and keeps them with propagationPolicy=Orphan', async () => {
    const make = async (name: string): Promise<void> => {
      const body = JSON.stringify({ ...deployment(2), metadata: { name, namespace: 'default' }, spec: { ...(deployment(2)['spec'] as object), selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
      await call(sim, '/apis/apps/v1/namespaces/default/deployments', { method: 'POST', body });
      sim.settle();
    };
    const podsOf = async (name: string): Promise<number> => ((await call(sim, `/api/v1/namespaces/default/pods?labelSelector=app%3D${name}`)).json as unknown as Listed).items.length;
    await make('cascade');
    assert.equal(await podsOf('cascade'), 2);
    await call(sim, '/apis/apps/v1/namespaces/default/deployments/cascade', { method: 'DELETE', body: '{"propagationPolicy":"Background"}' });
    assert.equal(await podsOf('cascade'), 0);
    await make('orphans');
    await call(sim, '/apis/apps/v1/namespaces/default/deployments/orphans?propagationPolicy=Orphan', { method: 'DELETE' });
    sim.settle();
    assert.equal(await podsOf('orphans'), 2);
  });

  it('watches from a resourceVersion, and answers 410 Gone for a too-old one', async () => {
    const list = (await call(sim, '/api/v1/namespaces/default/configmaps')).json as unknown as Listed;
    const events = await watchEvents(sim, `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata.resourceVersion}`, 2, async () => {
      await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: '{"metadata":{"name":"watched"}}' });
      await call(sim, '/api/v1/namespaces/default/configmaps/watched', { method: 'DELETE' });
    });
    assert.deepEqual(events.map((event) => event['type']), ['ADDED', 'DELETED']);
    const gone = await watchEvents(sim, '/api/v1/pods?watch=true&resourceVersion=1', 1);
    assert.equal(gone[0]?.['type'], 'ERROR');
    assert.deepEqual([(gone[0]?.['object'] as { code: number; reason: string }).code, (gone[0]?.['object'] as { reason: string }).reason], [410, 'Expired']);
  });

  it('answers the next watch with 410 after that fault, and drops open watches', async () => {
    sim.applyFault({ type: 'goneNextWatch' });
    const current = String(sim.store.resourceVersion);
    const gone = await watchEvents(sim, `/api/v1/pods?watch=true&resourceVersion=${current}`, 1);
    assert.equal((gone[0]?.['object'] as { code: number }).code, 410);
    const dropped = await watchEvents(sim, `/api/v1/pods?watch=true&resourceVersion=${current}`, 1, async () => sim.applyFault({ type: 'dropWatches' }));
    assert.deepEqual(dropped, []);
  });
});
