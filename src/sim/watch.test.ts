import assert from 'node:assert/strict';
import { request } from 'node:https';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { call, watchEvents } from './test-helpers.ts';

describe('watch streams', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, frozenClock: true, keepAliveMs: 50, log: () => undefined });
  });
  after(() => sim.close());

  it('sends bookmarks with the current resourceVersion when allowed', async () => {
    const events = await watchEvents(sim, '/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true', 2);
    assert.deepEqual(events.map((event) => event['type']), ['BOOKMARK', 'BOOKMARK']);
    const version = Number((events[0]?.['object'] as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
    assert.equal(version, sim.store.resourceVersion);
  });

  it('lists current objects as ADDED when no resourceVersion is given, filtered by label', async () => {
    for (const [name, tier] of [['one', 'a'], ['two', 'b']]) {
      await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: JSON.stringify({ metadata: { name, labels: { tier } } }) });
    }
    // The legacy /watch/ path prefix works like ?watch=1.
    const events = await watchEvents(sim, '/api/v1/watch/namespaces/default/configmaps?labelSelector=tier%3Db', 1);
    assert.deepEqual(events.map((event) => [event['type'], (event['object'] as { metadata: { name: string } }).metadata.name]), [['ADDED', 'two']]);
  });

  it('turns updates that leave or enter a selector into DELETED and ADDED, as the watch cache does', async () => {
    const version = sim.store.resourceVersion;
    const relabel = (tier: string): Promise<unknown> =>
      call(sim, '/api/v1/namespaces/default/configmaps/one', { method: 'PATCH', contentType: 'application/merge-patch+json', body: JSON.stringify({ metadata: { labels: { tier } } }) });
    await relabel('b');
    await relabel('c');
    const events = await watchEvents(sim, `/api/v1/namespaces/default/configmaps?watch=true&labelSelector=tier%3Db&resourceVersion=${version}`, 2);
    assert.deepEqual(events.map((event) => [event['type'], (event['object'] as { metadata: { name: string } }).metadata.name]), [['ADDED', 'one'], ['DELETED', 'one']]);
  });

  it('ends the stream after timeoutSeconds', async () => {
    const started = performance.now();
    const events = await watchEvents(sim, `/api/v1/nodes?watch=true&timeoutSeconds=1&resourceVersion=${sim.store.resourceVersion}`, 1000);
    assert.ok(events.every((event) => event['type'] !== 'ADDED'));
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 5_000, `${elapsed} ms`);
  });

  it('sends one-row Tables when kubectl get -w asks for them', async () => {
    const events = await new Promise<string>((resolve) => {
      const headers = { Authorization: `Bearer ${sim.tokens.admin}`, Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
      const watch = request(`${sim.url}/api/v1/nodes?watch=true`, { ca: sim.caPem, headers }, (response) => {
        response.once('data', (chunk: Buffer) => {
          watch.destroy();
          resolve(chunk.toString('utf8'));
        });
      });
      // Destroying the request after the first chunk is how the test ends the watch.
      watch.on('error', () => undefined);
      watch.end();
    });
    const event = JSON.parse(events.split('\n')[0] ?? '') as { type: string; object: { kind: string; rows: { cells: unknown[] }[] } };
    assert.equal(event.object.kind, 'Table');
    assert.deepEqual(event.object.rows[0]?.cells.slice(0, 2), ['node-0001', 'Ready']);
  });

  it('keeps a watch whose timeoutSeconds is past what a timer can hold open (it used to end at once)', async () => {
    const events = await watchEvents(sim, `/api/v1/nodes?watch=true&allowWatchBookmarks=true&timeoutSeconds=1000000000000&resourceVersion=${sim.store.resourceVersion}`, 2);
    assert.deepEqual(events.map((event) => event['type']), ['BOOKMARK', 'BOOKMARK']);
  });
});
