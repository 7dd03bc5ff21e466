// Which local ports a forward may take: a port is free when 127.0.0.1 can listen on it now (the
// forward listens there only), and a spare is one the system hands out for port 0.
import { createServer } from 'node:net';

/** The port listened on, or undefined when it is taken (or not allowed). */
function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : undefined));
    });
  });
}

export interface LocalPorts {
  /** The candidates 127.0.0.1 can listen on now. */
  readonly free: ReadonlySet<number>;
  /** A free port for a remote port whose own number is taken. */
  readonly spare: number;
}

export async function localPorts(candidates: readonly number[]): Promise<LocalPorts> {
  const checked = await Promise.all(candidates.map(tryListen));
  return { free: new Set(checked.filter((port) => port !== undefined)), spare: (await tryListen(0)) ?? 0 };
}
