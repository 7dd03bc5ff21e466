/**
 * kubelet's port-forward over SPDY (portforward.k8s.io): per forwarded connection the client opens
 * an error stream and a data stream sharing a requestID and naming the port. Once both are there,
 * the data stream is piped to the container's port; a failure is written on the error stream.
 * Both streams are half-closed when the port's connection ends, which is what kubectl waits for.
 */
import type { Duplex } from 'node:stream';
import type { Pod } from '../objects.ts';
import type { ContainerPorts } from './container-ports.ts';
import { SpdySession, type SpdyStream } from './spdy-session.ts';

interface Pair {
  error?: SpdyStream;
  data?: SpdyStream;
}

/** The requestID header, or as kubelet pairs streams of old clients without one: data follows error. */
function requestIdOf(stream: SpdyStream, type: string): string {
  return stream.headers.get('requestid') ?? String(type === 'data' ? stream.id - 2 : stream.id);
}

function forward(error: SpdyStream, data: SpdyStream, pod: Pod, ports: ContainerPorts): void {
  // The client half-closes the error stream at once; nothing is read from it.
  error.resume();
  const portText = data.headers.get('port') ?? '';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
  const connection = port > 0 && port < 65536 ? ports.connect(pod, port) : { ok: false as const, message: `invalid port header ${JSON.stringify(portText)}` };
  if (!connection.ok) {
    error.end(connection.message);
    data.resume();
    data.end();
    return;
  }
  const { socket } = connection;
  socket.on('error', () => socket.destroy());
  data.on('error', () => data.destroy());
  error.on('error', () => error.destroy());
  data.pipe(socket);
  socket.pipe(data);
  socket.once('close', () => {
    if (!data.writableEnded) data.end();
    error.end();
  });
  data.once('close', () => socket.destroy());
}

/** Serves port-forward streams on a SPDY connection over `transport` (an upgraded socket or a WebSocket tunnel). */
export function forwardOverSpdy(transport: Duplex, pod: Pod, ports: ContainerPorts): SpdySession {
  const pairs = new Map<string, Pair>();
  return new SpdySession(transport, (stream) => {
    const type = stream.headers.get('streamtype') ?? '';
    if (type !== 'error' && type !== 'data') {
      stream.destroy();
      return;
    }
    const id = requestIdOf(stream, type);
    const pair = pairs.get(id) ?? {};
    pair[type] = stream;
    pairs.set(id, pair);
    stream.once('close', () => pairs.delete(id));
    if (pair.error === undefined || pair.data === undefined) return;
    pairs.delete(id);
    forward(pair.error, pair.data, pod, ports);
  });
}
