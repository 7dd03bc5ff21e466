// The client's faults found by issue 12: an invalid server URL fails as a value (no exception
// escapes a fire-and-forget request), credentials in the URL are neither sent nor shown, a context
// naming a missing user says so, and dispose() cancels requests a silent server never answers.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { KubeConfig } from '@kubernetes/client-node';
import { makeCertificates, type Certificates } from '../sim/certificates.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { ApiClient } from './api-client.ts';
import { ClusterConnection } from './cluster-connection.ts';
import { startSilentServer } from './silent-server.ts';

let sim: Sim;
let certificates: Certificates;
before(async () => {
  [sim, certificates] = await Promise.all([startSim({ nodes: 1, log: () => undefined }), makeCertificates()]);
});
after(() => sim.close());

const marker = 'kwbMARKERpassword7';

function clientFor(server: string, options: { token?: string; user?: string } = {}): ApiClient {
  const config = new KubeConfig();
  config.loadFromOptions({
    // client-node sends to http:// only with TLS verification off.
    clusters: [{ name: 'c', server, caData: Buffer.from(sim.caPem).toString('base64'), skipTLSVerify: server.startsWith('http:') }],
    users: [{ name: 'u', token: options.token ?? sim.tokens.admin }],
    contexts: [{ name: 'ctx', cluster: 'c', user: options.user ?? 'u' }],
    currentContext: 'ctx',
  });
  return new ApiClient('ctx', config);
}

describe('ApiClient', () => {
  it('answers an invalid server URL with a kubeconfig error, not an exception, and never shows its password', async () => {
    const answer = await clientFor(`https://user:${marker}@[bad`).request('/version', { verb: 'get', resource: 'version' });
    assert.ok(!answer.ok);
    assert.equal(answer.error.kind, 'kubeconfig');
    assert.equal(answer.error.message, 'the server of context "ctx" is not a valid URL: https://[bad');
  });

  it('neither sends nor shows a user name and password in the server URL', async () => {
    const withPassword = sim.url.replace('https://', `https://admin:${marker}@`);
    const answer = await clientFor(withPassword).request('/version', { verb: 'get', resource: 'version' });
    assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
    const refused = await clientFor(`https://admin:${marker}@127.0.0.1:9`).request('/version', { verb: 'get', resource: 'version' });
    assert.ok(!refused.ok);
    assert.ok(!refused.error.message.includes(marker), refused.error.message);
  });

  it('names a user the context refers to that no kubeconfig defines, instead of a TLS failure', async () => {
    const answer = await clientFor(sim.url, { user: 'ghost' }).request('/version', { verb: 'get', resource: 'version' });
    assert.ok(!answer.ok);
    assert.equal(answer.error.message, 'context "ctx" names user "ghost", which no kubeconfig file defines');
  });

  it('cancels a request a server never answers when disposed, and fails later ones at once', async () => {
    const silent = await startSilentServer(certificates);
    try {
      const client = silent.client();
      const pending = client.request('/version', { verb: 'get', resource: 'version' });
      await silent.opened(1);
      client.dispose();
      const answer = await pending;
      assert.ok(!answer.ok);
      assert.equal(answer.error.message, 'get version in context "silent" cancelled: the connection was closed');
      await silent.allClosed();
      const later = await client.request('/version', { verb: 'get', resource: 'version' });
      assert.ok(!later.ok && /cancelled/.test(later.error.message));
    } finally {
      await silent.close();
    }
  });

  it('leaves no connection open once a connection to a silent server is disposed mid-request', async () => {
    const silent = await startSilentServer(certificates);
    try {
      const connection = new ClusterConnection({ client: silent.client(), namespace: '' });
      connection.start(['nodes', 'leases', 'pods']);
      // The version read and the lease list (nodes follow the leases) are waiting for the server.
      await silent.opened(2);
      connection.dispose();
      await silent.allClosed();
      assert.equal(connection.state('nodes').phase, 'connecting');
    } finally {
      await silent.close();
    }
  });

  it('sends requests one after another over kept-alive TLS connections instead of a handshake each, and reads gzipped answers', async () => {
    let handshakes = 0;
    // Gzipped when asked, as kube-apiserver answers big lists.
    const server = createTlsServer({ cert: certificates.certPem, key: certificates.keyPem }, (request, response) => {
      const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      response.writeHead(200, { 'Content-Type': 'application/json', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
      response.end(gzip ? gzipSync('{"items":["gzipped"]}') : '{"items":[]}');
    });
    server.on('secureConnection', () => (handshakes += 1));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const config = new KubeConfig();
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    config.loadFromOptions({
      clusters: [{ name: 'c', server: url, caData: Buffer.from(certificates.caPem).toString('base64') }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
      currentContext: 'ctx',
    });
    const client = new ApiClient('ctx', config);
    try {
      for (let page = 0; page < 6; page += 1) {
        const answer = await client.request('/api/v1/pods', { verb: 'list', resource: 'pods' });
        assert.deepEqual(answer, { ok: true, value: { items: ['gzipped'] } });
      }
      // undici frees a socket a tick after its body is read, so the request sent at once may open a second one.
      assert.ok(handshakes <= 2, `${handshakes} TLS handshakes for 6 requests`);
    } finally {
      client.dispose();
      server.closeAllConnections();
      server.close();
    }
  });

  it('reads no more than the start of an endless error body, and ends a stream whose line never ends', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    let sent = 0;
    // Answers every request with an endless body: a 500 for /version, a 200 stream otherwise.
    const endless: Server = createServer((request, response) => {
      response.writeHead(request.url?.startsWith('/version') ? 500 : 200, { 'Content-Type': 'text/plain' });
      const write = (): void => {
        while (!response.destroyed && response.write(chunk)) sent += chunk.length;
      };
      response.on('drain', write);
      write();
    });
    endless.listen(0, '127.0.0.1');
    await once(endless, 'listening');
    try {
      const client = clientFor(`http://127.0.0.1:${(endless.address() as AddressInfo).port}`);
      const answer = await client.request('/version', { verb: 'get', resource: 'version' });
      assert.ok(!answer.ok);
      assert.equal(answer.error.message, `server error (500): get version in context "ctx": ${'x'.repeat(200)}`);
      assert.ok(sent < 32 * 1024 * 1024, `${sent} bytes sent before the client stopped reading`);
      const end = await client.streamLines('/api/v1/namespaces/a/pods/b/log', { verb: 'get logs of', resource: 'pod a/b' }, () => assert.fail('no line'));
      assert.deepEqual(end, { kind: 'error', error: { kind: 'server', message: 'get logs of pod a/b in context "ctx": the server sent a line longer than 64 MB' } });
      client.dispose();
    } finally {
      endless.closeAllConnections();
      endless.close();
    }
  });
});
