/**
 * The server side of RFC 6455 for the sim's streaming subresources (exec, attach, port-forward):
 * the handshake with the subprotocol the caller chose, then messages (client frames are masked,
 * fragments joined, bounded), pings answered and a close echoed. No extensions: kubectl and
 * client-node offer none that the apiserver accepts either.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ByteQueue } from './byte-queue.ts';

const acceptGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** The largest message a client may send: a stdin or port-forward chunk is far smaller. */
const maxMessageBytes = 16 * 1024 * 1024;

const opcode = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface WebSocketHandlers {
  message(data: Buffer, binary: boolean): void;
  /** Once, when the connection is gone (close frame, end or error). */
  closed(): void;
}

export function isWebSocketRequest(request: IncomingMessage): boolean {
  return (request.headers.upgrade ?? '').toLowerCase() === 'websocket' && typeof request.headers['sec-websocket-key'] === 'string';
}

/** The subprotocols the client offers, in its order of preference. */
export function offeredProtocols(request: IncomingMessage): string[] {
  return (request.headers['sec-websocket-protocol'] ?? '').split(',').map((each) => each.trim()).filter((each) => each !== '');
}

/** Answers the handshake (101) with `protocol` ('' for none) and returns the open connection. */
export function acceptWebSocket(request: IncomingMessage, socket: Duplex, head: Buffer, protocol: string, handlers: WebSocketHandlers): WebSocket {
  const key = String(request.headers['sec-websocket-key']);
  const accept = createHash('sha1').update(key + acceptGuid).digest('base64');
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${accept}`, ...(protocol === '' ? [] : [`Sec-WebSocket-Protocol: ${protocol}`]), '', ''].join('\r\n'));
  return new WebSocket(socket, head, handlers);
}

/** XORs the client's mask into the payload in place, four bytes at a time (a DataView reads unaligned words). */
function unmask(payload: Buffer, mask: Buffer): Buffer {
  const view = new DataView(payload.buffer, payload.byteOffset, payload.length);
  const word = mask.readUInt32LE(0);
  const whole = payload.length & ~3;
  for (let index = 0; index < whole; index += 4) view.setUint32(index, view.getUint32(index, true) ^ word, true);
  for (let index = whole; index < payload.length; index += 1) payload[index] = (payload[index] ?? 0) ^ (mask[index & 3] ?? 0);
  return payload;
}

function frameHeader(code: number, length: number): Buffer {
  if (length < 126) return Buffer.from([0x80 | code, length]);
  if (length < 0x10000) {
    const header = Buffer.alloc(4);
    header[0] = 0x80 | code;
    header[1] = 126;
    header.writeUInt16BE(length, 2);
    return header;
  }
  const header = Buffer.alloc(10);
  header[0] = 0x80 | code;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header;
}

export class WebSocket {
  private readonly socket: Duplex;
  private readonly handlers: WebSocketHandlers;
  private readonly queue = new ByteQueue();
  private fragments: Buffer[] = [];
  private fragmentsBinary = true;
  private fragmentBytes = 0;
  private closing = false;
  private gone = false;

  constructor(socket: Duplex, head: Buffer, handlers: WebSocketHandlers) {
    this.socket = socket;
    this.handlers = handlers;
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.finish());
    socket.on('end', () => socket.end());
    if (head.length > 0) this.receive(head);
  }

  /**
   * Sends one message, given whole or in parts (a channel byte, then a payload: no copy to join them);
   * false when the socket's buffer is full (wait for onDrain).
   */
  send(data: Buffer | readonly Buffer[], binary = true): boolean {
    if (this.closing || this.socket.destroyed) return false;
    const parts = Buffer.isBuffer(data) ? [data] : data;
    this.socket.cork();
    let flushed = this.socket.write(frameHeader(binary ? opcode.binary : opcode.text, parts.reduce((total, part) => total + part.length, 0)));
    for (const part of parts) flushed = this.socket.write(part);
    this.socket.uncork();
    return flushed;
  }

  onDrain(listener: () => void): void {
    this.socket.once('drain', listener);
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  /** Sends a close frame (1000 normal) and ends the connection. */
  close(code = 1000, reason = ''): void {
    if (this.closing) return;
    this.closing = true;
    const body = Buffer.alloc(2 + Buffer.byteLength(reason));
    body.writeUInt16BE(code, 0);
    body.write(reason, 2);
    this.socket.write(Buffer.concat([frameHeader(opcode.close, body.length), body]));
    this.socket.end();
  }

  private finish(): void {
    if (this.gone) return;
    this.gone = true;
    this.handlers.closed();
  }

  private receive(chunk: Buffer): void {
    this.queue.push(chunk);
    while (!this.socket.destroyed && this.readFrame());
  }

  /** One complete frame off the queue; false when more bytes are needed. */
  private readFrame(): boolean {
    if (this.queue.length < 2) return false;
    const start = this.queue.peek(2);
    const first = start[0] ?? 0;
    const second = start[1] ?? 0;
    if ((second & 0x80) === 0) return this.fail(1002, 'client frames must be masked');
    const short = second & 0x7f;
    const lengthBytes = short === 126 ? 2 : short === 127 ? 8 : 0;
    const headerLength = 2 + lengthBytes + 4;
    if (this.queue.length < headerLength) return false;
    const header = this.queue.peek(headerLength);
    const length = short === 126 ? header.readUInt16BE(2) : short === 127 ? Number(header.readBigUInt64BE(2)) : short;
    if (length > maxMessageBytes || this.fragmentBytes + length > maxMessageBytes) return this.fail(1009, 'message too big');
    if (this.queue.length < headerLength + length) return false;
    const mask = Buffer.from(header.subarray(headerLength - 4, headerLength));
    this.queue.skip(headerLength);
    // In place: the socket handed its chunks to this parser alone.
    const payload = unmask(this.queue.take(length), mask);
    this.frame(first & 0x0f, (first & 0x80) !== 0, payload);
    return true;
  }

  private frame(code: number, final: boolean, payload: Buffer): void {
    if (code === opcode.ping) {
      if (!this.closing) this.socket.write(Buffer.concat([frameHeader(opcode.pong, payload.length), payload]));
      return;
    }
    if (code === opcode.pong) return;
    if (code === opcode.close) {
      this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
      return;
    }
    if (code !== opcode.continuation) this.fragmentsBinary = code === opcode.binary;
    if (final && this.fragments.length === 0) {
      this.handlers.message(payload, this.fragmentsBinary);
      return;
    }
    this.fragments.push(payload);
    this.fragmentBytes += payload.length;
    if (!final) return;
    const message = Buffer.concat(this.fragments);
    this.fragments = [];
    this.fragmentBytes = 0;
    this.handlers.message(message, this.fragmentsBinary);
  }

  private fail(code: number, reason: string): false {
    this.close(code, reason);
    this.socket.destroy();
    return false;
  }
}
