// One accepted local connection carried to the pod: client-node's PortForward opens a WebSocket
// (v4.channel.k8s.io, channel 0 data, 1 errors) per connection, as kubelet expects. Bytes are
// counted both ways; the tunnel's end reports why, so the forward can tell a dead pod (re-resolve)
// from a port nobody listens on (say so).
import type { Socket } from 'node:net';
import { Transform, Writable } from 'node:stream';
import type { PortForward } from '@kubernetes/client-node';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import { detailText, errorFromException, errorFromResponse, type ClusterError, type Operation } from '../cluster-error.ts';

export interface TunnelEnds {
  readonly context: string;
  readonly namespace: string;
  readonly pod: string;
  readonly port: number;
}

export interface TunnelCounters {
  received(bytes: number): void;
  sent(bytes: number): void;
}

function operationOf(ends: TunnelEnds): Operation {
  return { context: ends.context, verb: 'create', resource: `pods/portforward ${ends.namespace}/${ends.pod}` };
}

/**
 * What a failed WebSocket upgrade means: the ws client reports a refusal only as "Unexpected server
 * response: N" (no body), a socket failure as the socket's error. A 400 is a pod that is not running.
 */
function upgradeError(ends: TunnelEnds, error: unknown): ClusterError {
  const cause = typeof error === 'object' && error !== null && 'error' in error ? error.error : error;
  const text = cause instanceof Error ? cause.message : String(cause);
  const code = Number(/Unexpected server response: (\d+)/.exec(text)?.[1] ?? 0);
  if (code === 0) return errorFromException(operationOf(ends), cause);
  const refused = errorFromResponse(operationOf(ends), code, undefined, null);
  return code === 400 ? { ...refused, kind: 'notFound' } : refused;
}

/** Carries `socket` to the pod until either side ends; an error when the upgrade failed or the pod reported one. */
export async function carry(forwarder: PortForward, ends: TunnelEnds, socket: Socket, counters: TunnelCounters): Promise<Result<void, ClusterError>> {
  let errorText = '';
  const errors = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      if (errorText.length < 4096) errorText += chunk.toString('utf8');
      callback();
    },
  });
  const output = new Writable({
    write: (chunk: Buffer, _encoding, callback) => {
      counters.received(chunk.length);
      if (socket.write(chunk)) callback();
      else socket.once('drain', () => callback());
    },
  });
  // client-node reads its input only once the WebSocket is open: what arrives before waits here.
  const input = new Transform({
    transform: (chunk: Buffer, _encoding, callback) => {
      counters.sent(chunk.length);
      callback(null, chunk);
    },
  });
  socket.pipe(input);
  socket.on('error', () => socket.destroy());
  let opened: Awaited<ReturnType<PortForward['portForward']>>;
  try {
    opened = await forwarder.portForward(ends.namespace, ends.pod, [ends.port], output, errors, input);
  } catch (error) {
    socket.destroy();
    return err(upgradeError(ends, error));
  }
  const ws = typeof opened === 'function' ? opened() : opened;
  if (ws === null) {
    socket.destroy();
    return err(errorFromException(operationOf(ends), new Error('no connection')));
  }
  await new Promise<void>((resolve) => {
    ws.on('close', () => {
      output.end(() => socket.end());
      resolve();
    });
    ws.on('error', () => ws.terminate());
    socket.once('close', () => ws.close());
  });
  const message = errorText.trim();
  return message === '' ? ok(undefined) : err({ kind: 'server', message: `port ${ends.port} of pod ${ends.namespace}/${ends.pod} in context "${ends.context}": ${detailText(message)}` });
}
