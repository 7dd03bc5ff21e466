/**
 * One exec or attach over a WebSocket: the client's stdin, resize and close-channel messages go to
 * the simulated process, its stdout and stderr come back on their channels (one stream, CR LF
 * newlines, when a TTY is asked for), and its outcome is written on the error channel before the
 * connection closes. Closing the connection ends the process.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { channel, errorChannelMessage, parseResize, type ExecProtocol, type Outcome } from './channel-protocol.ts';
import type { ProcessIo } from './container-runtime.ts';
import { InputQueue } from './input-queue.ts';
import { Interrupter } from './shell.ts';
import { crlf, TtyDiscipline } from './tty-discipline.ts';
import { acceptWebSocket } from './websocket.ts';

export interface SessionOptions {
  readonly protocol: ExecProtocol;
  readonly tty: boolean;
  readonly stdin: boolean;
  readonly stdout: boolean;
  readonly stderr: boolean;
  /** Terminal size changes (the shell exports COLUMNS and LINES). */
  readonly resized: (width: number, height: number) => void;
}

const utf8 = (data: string | Uint8Array): Buffer => (typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength));

/** Upgrades the connection and runs `start` as its process; resolves when the connection is gone. */
export function runSession(request: IncomingMessage, socket: Duplex, head: Buffer, options: SessionOptions, start: (io: ProcessIo) => Promise<Outcome>): Promise<void> {
  const stdin = new InputQueue();
  const ended = new AbortController();
  const interrupter = new Interrupter();
  return new Promise((resolve) => {
    const send = (number: number, data: string | Uint8Array): void => {
      const text = options.tty && typeof data === 'string' ? crlf(data) : data;
      const payload = utf8(text);
      if (payload.length > 0 && !ended.signal.aborted) ws.send(Buffer.concat([Buffer.from([number]), payload]));
    };
    const discipline = options.tty ? new TtyDiscipline(stdin, { echo: (text) => send(channel.stdout, text), interrupt: () => interrupter.interrupt() }) : undefined;
    const ws = acceptWebSocket(request, socket, head, options.protocol, {
      message: (data, binary) => {
        // The base64 protocols are not offered, so a text message is a client error: ignored, as the kubelet drops unknown frames.
        if (!binary || data.length === 0) return;
        const payload = data.subarray(1);
        const number = data[0];
        if (number === channel.stdin && options.stdin) {
          if (discipline === undefined) stdin.push(new Uint8Array(payload));
          else discipline.receive(payload.toString('utf8'));
        } else if (number === channel.resize) {
          const size = parseResize(payload.toString('utf8'));
          if (size !== undefined) options.resized(size.width, size.height);
        } else if (number === channel.close && payload[0] === channel.stdin) {
          stdin.end();
        }
      },
      closed: () => {
        ended.abort();
        stdin.end();
        stdin.interrupt();
        resolve();
      },
    });
    if (!options.stdin) stdin.end();
    const io: ProcessIo = {
      stdin,
      out: (data) => (options.stdout ? send(channel.stdout, data) : undefined),
      err: (data) => (options.tty ? send(channel.stdout, data) : options.stderr ? send(channel.stderr, data) : undefined),
      signal: ended.signal,
      tty: options.tty,
      interrupter,
    };
    const internal = (error: unknown): Outcome => ({ failure: `Internal error occurred: ${error instanceof Error ? error.message : String(error)}`, reason: 'InternalError', code: 500 });
    void start(io)
      .catch(internal)
      .then((outcome) => {
        const message = errorChannelMessage(options.protocol, outcome);
        if (message !== undefined) send(channel.error, message);
        ws.close();
      });
  });
}
