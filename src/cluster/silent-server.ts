// For tests: a TLS server that completes the handshake and then never answers, what a hung API
// server or a black-holing proxy looks like to a client. Tests use it to show that every request
// the service starts ends when it is disposed. The certificate comes from the caller (the sim's).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient } from './api-client.ts';

export interface SilentServer {
  readonly url: string;
  /** A client of context "silent" that trusts the server's certificate. */
  client(): ApiClient;
  /** Resolves once `count` connections are open at the same time. */
  opened(count: number): Promise<void>;
  /** Resolves when the client has closed every connection it opened. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

export async function startSilentServer(certificates: { readonly caPem: string; readonly certPem: string; readonly keyPem: string }): Promise<SilentServer> {
  const sockets = new Set<TLSSocket>();
  const waiters = new Set<() => void>();
  const settle = (): void => {
    for (const waiter of waiters) waiter();
  };
  const server = createServer({ cert: certificates.certPem, key: certificates.keyPem }, (socket) => {
    sockets.add(socket);
    // Requests are read and dropped: the client waits for headers that never come.
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      settle();
    });
    settle();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const until = (condition: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (!condition()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    client: () => {
      const config = new KubeConfig();
      config.loadFromOptions({
        clusters: [{ name: 'c', server: url, caData: Buffer.from(certificates.caPem).toString('base64'), skipTLSVerify: false }],
        users: [{ name: 'u', token: 'silent-token' }],
        contexts: [{ name: 'silent', cluster: 'c', user: 'u' }],
        currentContext: 'silent',
      });
      return new ApiClient('silent', config);
    },
    opened: (count) => until(() => sockets.size >= count),
    allClosed: () => until(() => sockets.size === 0),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
