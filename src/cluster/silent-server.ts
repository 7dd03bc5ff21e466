// For tests: a TLS server that completes the handshake and then never answers, what a hung API
// server or a black-holing proxy looks like to a client. Tests use it to show that every request
// the service starts ends when it is disposed. The certificate comes from the caller (the sim's).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';

export interface SilentServer {
  readonly url: string;
  /** Resolves once `count` connections are open at the same time. */
  opened(count: number): Promise<void>;
  /** Resolves when the client has closed every connection it opened. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

export async function startSilentServer(certificates: { readonly certPem: string; readonly keyPem: string }): Promise<SilentServer> {
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
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    opened: (count) => until(() => sockets.size >= count),
    allClosed: () => until(() => sockets.size === 0),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
