// The reflector's loop against a server that misbehaves in ways the sim does not (issue 12):
// every continue token expired. The list restarts once, then backs off, instead of looping.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient } from './api-client.ts';
import { Reflector, type ResourceState } from './reflector.ts';
import { SlimStore } from './slim-store.ts';

describe('Reflector', () => {
  it('restarts a list whose continue token expired once, then backs off', async () => {
    const requests: string[] = [];
    // The first page always comes with a continue token, which is always 410 Gone.
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://x');
      requests.push(url.searchParams.has('continue') ? 'continue' : 'list');
      response.writeHead(url.searchParams.has('continue') ? 410 : 200, { 'Content-Type': 'application/json' });
      response.end(url.searchParams.has('continue') ? '{"kind":"Status","code":410,"message":"continue token expired"}' : '{"metadata":{"resourceVersion":"1","continue":"t"},"items":[]}');
    });
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
    const client = new ApiClient('ctx', config);
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
});
