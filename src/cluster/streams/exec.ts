// exec and attach streams through client-node's Exec and Attach (WebSocket, v5.channel.k8s.io down
// to channel.k8s.io). Our socket factory hands client-node a `ws` WebSocket that also reads the body
// of a refused upgrade, so a 403 or a stopped container says why instead of "Unexpected server
// response". A session owns its WebSocket and streams: dispose() (or the signal) closes them all.
import { PassThrough, Writable } from 'node:stream';
import { Attach, Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
// Not re-exported by the package's index; the same module Exec and Attach use (the package has no exports map).
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import WebSocket from 'isomorphic-ws';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import type { ClusterError } from '../cluster-error.ts';
import { connectError, endOf, type ExecEnd, type ExecWhere, type Refusal } from './exec-errors.ts';

export interface ExecTarget {
  readonly context: string;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
}

export interface StreamOptions {
  readonly tty: boolean;
  /** Whether the session writes to the process's stdin. */
  readonly stdin: boolean;
  readonly onStdout: (data: Buffer) => void;
  /** With a TTY, stderr arrives on stdout. */
  readonly onStderr?: (data: Buffer) => void;
  /** The terminal's size at the start (TTY only). */
  readonly size?: { readonly width: number; readonly height: number };
  readonly signal?: AbortSignal;
}

/** How a session ended: an exit code (exec), the error channel's error, or the connection closing (attach, dispose). */
export type SessionEnd = ExecEnd | { readonly closed: true };

export interface StreamSession {
  write(data: string | Buffer): void;
  /** Ends stdin (v5's close channel; older protocols close the connection). */
  endInput(): void;
  /** Sends the terminal's size on the resize channel (TTY sessions). */
  resize(width: number, height: number): void;
  readonly ended: Promise<SessionEnd>;
  /** Closes the WebSocket and every stream; idempotent. */
  dispose(): void;
}

/** A refused upgrade's body is a Status or a short text: read at most this much of it. */
const MAX_REFUSAL_BYTES = 64 * 1024;

interface ClientSocket {
  on(event: 'unexpected-response', listener: (request: unknown, response: NodeJS.ReadableStream & { statusCode?: number }) => void): void;
  on(event: 'close', listener: () => void): void;
  once(event: 'close', listener: () => void): void;
  readonly protocol: string;
  readonly readyState: number;
  close(): void;
  terminate(): void;
}

/** A stdout that client-node sees as a terminal: its size changes reach the resize channel. */
class TerminalOutput extends Writable {
  columns: number;
  rows: number;

  constructor(write: (data: Buffer) => void, size: { width: number; height: number }) {
    super({ write: (chunk: Buffer, _encoding, callback) => (write(chunk), callback()) });
    this.columns = size.width;
    this.rows = size.height;
  }

  resize(width: number, height: number): void {
    this.columns = width;
    this.rows = height;
    this.emit('resize');
  }
}

const sink = (write: (data: Buffer) => void): Writable => new Writable({ write: (chunk: Buffer, _encoding, callback) => (write(chunk), callback()) });

function handlerFor(config: KubeConfig, refused: (refusal: Refusal) => void): WebSocketHandler {
  const factory = (uri: string, protocols: string[], options: object): ClientSocket => {
    const socket = new WebSocket(uri, protocols, options) as ClientSocket;
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        if (body.length < MAX_REFUSAL_BYTES) body += chunk.toString('utf8');
      });
      response.on('end', () => {
        refused({ code: response.statusCode ?? 0, body: body.slice(0, MAX_REFUSAL_BYTES) });
        socket.terminate();
      });
      response.on('error', () => socket.terminate());
    });
    return socket;
  };
  // Our own idle streams: client-node's default would end process.stdout on a close-channel message.
  const streams = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  return new WebSocketHandler(config, factory as unknown as ConstructorParameters<typeof WebSocketHandler>[1], streams);
}

async function open(config: KubeConfig, target: ExecTarget, subresource: 'exec' | 'attach', command: readonly string[], options: StreamOptions): Promise<Result<StreamSession, ClusterError>> {
  const where: ExecWhere = { ...target, subresource };
  let refusal: Refusal | undefined;
  let finish: (end: SessionEnd) => void = () => undefined;
  const ended = new Promise<SessionEnd>((resolve) => (finish = resolve));
  const stdin = options.stdin ? new PassThrough() : null;
  const stdout = options.tty ? new TerminalOutput(options.onStdout, { width: options.size?.width ?? 80, height: options.size?.height ?? 24 }) : sink(options.onStdout);
  const stderr = options.tty ? null : sink(options.onStderr ?? (() => undefined));
  const handler = handlerFor(config, (refused) => (refusal = refused));
  const onStatus = (status: V1Status): void => finish(endOf(where, command, status as Parameters<typeof endOf>[2]));
  let socket: ClientSocket;
  try {
    const opened =
      subresource === 'exec'
        ? await new Exec(config, handler).exec(target.namespace, target.pod, target.container, [...command], stdout, stderr, stdin, options.tty, onStatus)
        : await new Attach(config, handler).attach(target.namespace, target.pod, target.container, stdout, stderr, stdin, options.tty);
    socket = opened as unknown as ClientSocket;
  } catch (error) {
    stdin?.destroy();
    return err(connectError(where, refusal, error));
  }
  let disposed = false;
  const dispose = (): void => {
    if (disposed) return;
    disposed = true;
    options.signal?.removeEventListener('abort', dispose);
    stdin?.destroy();
    stdout.destroy();
    stderr?.destroy();
    if (socket.readyState === 0 || socket.readyState === 1) socket.close();
    finish({ closed: true });
  };
  socket.once('close', dispose);
  if (options.signal?.aborted === true) dispose();
  options.signal?.addEventListener('abort', dispose, { once: true });
  return ok({
    write: (data) => void (!disposed && stdin?.write(data)),
    endInput: () => void (!disposed && stdin?.end()),
    resize: (width, height) => {
      if (stdout instanceof TerminalOutput && !disposed) stdout.resize(width, height);
    },
    ended,
    dispose,
  });
}

/** Runs `command` in the container; the session ends with its exit code. */
export function startExec(config: KubeConfig, target: ExecTarget, command: readonly string[], options: StreamOptions): Promise<Result<StreamSession, ClusterError>> {
  return open(config, target, 'exec', command, options);
}

/** Attaches to the container's main process (its stdin when the container keeps it open). */
export function startAttach(config: KubeConfig, target: ExecTarget, options: StreamOptions): Promise<Result<StreamSession, ClusterError>> {
  return open(config, target, 'attach', [], options);
}
