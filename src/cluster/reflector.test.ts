// The reflector's loop against servers that misbehave in ways the sim does not (issue 12): every
// continue token expired (the list restarts once, then backs off, instead of looping); a watch that
// fails once (the state goes back to synced when the next one is accepted); and a first list filled
// page by page.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient } from './api-client.ts';
import { Reflector, type ResourceState } from './reflector.ts';
import { SlimStore } from './slim-store.ts';

/** A plain-http server answering `handler`, and a client of it. */
async function serve(handler: RequestListener): Promise<{ server: Server; client: ApiClient }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const config = new KubeConfig();
  // client-node sends to http:// only with TLS verification off.
  config.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return { server, client: new ApiClient('ctx', config) };
}

type Item = { meta: { namespace: string; name: string } };

const page = (names: readonly string[], token?: string): string =>
  JSON.stringify({ metadata: { resourceVersion: '1', ...(token === undefined ? {} : { continue: token }) }, items: names.map((name) => ({ metadata: { name } })) });

const trimName = (raw: unknown): Item => ({ meta: { namespace: '', name: (raw as { metadata: { name: string } }).metadata.name } });

describe('Reflector', () => {
  it('restarts a list whose continue token expired once, then backs off', async () => {
    const requests: string[] = [];
    // The first page always comes with a continue token, which is always 410 Gone.
    const { server, client } = await serve((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      requests.push(url.searchParams.has('continue') ? 'continue' : 'list');
      response.writeHead(url.searchParams.has('continue') ? 410 : 200, { 'Content-Type': 'application/json' });
      response.end(url.searchParams.has('continue') ? '{"kind":"Status","code":410,"message":"continue token expired"}' : '{"metadata":{"resourceVersion":"1","continue":"t"},"items":[]}');
    });
    const states: ResourceState[] = [];
    let backedOff = (): void => undefined;
    const firstBackOff = new Promise<void>((resolve) => (backedOff = resolve));
    const reflector = new Reflector<{ meta: { namespace: string; name: string } }>({
      client,
      path: '/api/v1/pods',
      resource: 'pods',
      trim: () => ({ meta: { namespace: '', name: '' } }),
      store: new SlimStore(),
      onState: (state) => states.push(state),
      sleep: async () => backedOff(),
    });
    try {
      reflector.start();
      await firstBackOff;
      assert.deepEqual(requests, ['list', 'continue', 'list', 'continue']);
      assert.equal(states.at(-1)?.error?.kind, 'gone');
    } finally {
      reflector.dispose();
      client.dispose();
      server.close();
    }
  });

  it('reports synced again once a watch is accepted after a failed one, though no event comes', { timeout: 10_000 }, async () => {
    let watches = 0;
    const { server, client } = await serve((request, response) => {
      const watch = new URL(request.url ?? '/', 'http://x').searchParams.has('watch');
      if (watch) watches += 1;
      if (watch && watches === 1) {
        response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end('{"kind":"Status","code":500,"message":"etcd is down"}');
        return;
      }
      // The second watch stays open and silent.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (watch) response.flushHeaders();
      else response.end(page(['a']));
    });
    const phases: string[] = [];
    let resynced = (): void => undefined;
    const done = new Promise<void>((resolve) => (resynced = resolve));
    const reflector = new Reflector<Item>({
      client,
      path: '/api/v1/pods',
      resource: 'pods',
      trim: trimName,
      store: new SlimStore(),
      onState: (state) => {
        phases.push(state.phase);
        if (phases.length === 4) resynced();
      },
      sleep: async () => undefined,
    });
    try {
      reflector.start();
      await done;
      assert.deepEqual(phases, ['connecting', 'synced', 'error', 'synced']);
    } finally {
      reflector.dispose();
      client.dispose();
      server.closeAllConnections();
      server.close();
    }
  });

  it('fills an empty store page by page on its first list when asked, from a small first page, and replaces it at the end', async () => {
    const limits: string[] = [];
    const { server, client } = await serve((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (url.searchParams.has('watch')) return;
      limits.push(url.searchParams.get('limit') ?? '');
      response.end(url.searchParams.has('continue') ? page(['c']) : page(['a', 'b'], 'next'));
    });
    const store = new SlimStore<Item>();
    const sizes: number[] = [];
    store.onDidChange(() => sizes.push(store.size));
    let synced = (): void => undefined;
    const done = new Promise<void>((resolve) => (synced = resolve));
    const reflector = new Reflector<Item>({ client, path: '/api/v1/nodes', resource: 'nodes', trim: trimName, store, fillPerPage: true, onState: (state) => state.phase === 'synced' && synced() });
    try {
      reflector.start();
      await done;
      // A change after each page, then the list's replace.
      assert.deepEqual(sizes, [2, 3, 3]);
      assert.deepEqual(limits, ['100', '500']);
    } finally {
      reflector.dispose();
      client.dispose();
      server.closeAllConnections();
      server.close();
    }
  });
});
