/** Starts the Prometheus listener on 127.0.0.1 and hands back its URL and a close that ends open connections. */
import type { AddressInfo } from 'node:net';
import { createPrometheusServer, type PrometheusSource } from './server.ts';

export interface PrometheusListener {
  readonly url: string;
  close(): Promise<void>;
}

export function startPrometheus(source: PrometheusSource, port: number): Promise<PrometheusListener> {
  const server = createPrometheusServer(source);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
}
