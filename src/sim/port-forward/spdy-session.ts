/**
 * The server end of a SPDY/3.1 connection as kubelet's port-forward serves it (spdystream in Go):
 * the client opens every stream (SYN_STREAM with headers), the server replies (SYN_REPLY), then
 * both sides send data and half-close with FIN. Each stream is a Duplex, so it pipes to whatever
 * serves it with back-pressure. Pings are echoed; GOAWAY, RST_STREAM and a dropped transport end
 * the streams. spdystream does no flow control (it ignores WINDOW_UPDATE), so neither does this.
 */
import { Duplex } from 'node:stream';
import { ByteQueue } from '../streams/byte-queue.ts';
import { HeaderCodec, type SpdyHeaders } from './spdy-headers.ts';
import { bodyStreamId, dataHeader, flagFin, frameType, goAway, maxFrameBody, ping, readFrame, rstStatus, rstStream, SpdyProtocolError, spdyVersion, synReply, type SpdyFrame } from './spdy-frames.ts';

/** GOAWAY status codes (SPDY/3.1 section 2.6.6). */
const goAwayStatus = { ok: 0, protocolError: 1, internalError: 2 } as const;
/** How long a peer may keep the connection after our GOAWAY. */
const CLOSE_GRACE_MS = 5000;
/** Streams open at once on one connection: kubectl opens two per forwarded TCP connection. */
const maxOpenStreams = 1000;

export class SpdyStream extends Duplex {
  readonly id: number;
  readonly headers: SpdyHeaders;
  private readonly session: SpdySession;
  /** Set when the session waits for this stream to take more data. */
  wake: (() => void) | undefined;

  constructor(session: SpdySession, id: number, headers: SpdyHeaders) {
    super({ allowHalfOpen: true });
    this.session = session;
    this.id = id;
    this.headers = headers;
  }

  override _read(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.session.sendData(this.id, chunk, false, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.session.sendData(this.id, Buffer.alloc(0), true, callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this._read();
    this.session.forget(this, !this.writableFinished || !this.readableEnded);
    callback(error);
  }
}

export class SpdySession {
  private readonly transport: Duplex;
  private readonly codec = new HeaderCodec();
  private readonly streams = new Map<number, SpdyStream>();
  private readonly onStream: (stream: SpdyStream) => void;
  private lastStreamId = 0;
  private closed = false;

  /** Starts reading `transport`; `onStream` is called with each stream the client opens, once replied to. */
  constructor(transport: Duplex, onStream: (stream: SpdyStream) => void) {
    this.transport = transport;
    this.onStream = onStream;
    transport.on('error', () => this.close());
    transport.on('close', () => this.close());
    void this.run();
  }

  /** Sends a GOAWAY and ends the connection and its streams. */
  close(status: number = goAwayStatus.ok): void {
    if (this.closed) return;
    this.closed = true;
    for (const stream of this.streams.values()) stream.destroy();
    this.streams.clear();
    this.codec.dispose();
    if (this.transport.writable) this.transport.end(goAway(this.lastStreamId, status));
    // A peer that keeps the connection open after the GOAWAY is cut off.
    setTimeout(() => this.transport.destroy(), CLOSE_GRACE_MS).unref();
  }

  sendData(streamId: number, data: Buffer, fin: boolean, callback: (error?: Error | null) => void): void {
    if (this.closed || !this.transport.writable) return callback(new Error('the SPDY connection is closed'));
    let flushed = true;
    this.transport.cork();
    for (let offset = 0; offset < data.length || (offset === 0 && fin); offset += maxFrameBody) {
      const piece = data.subarray(offset, offset + maxFrameBody);
      const last = offset + maxFrameBody >= data.length;
      this.transport.write(dataHeader(streamId, piece.length, fin && last));
      if (piece.length > 0) flushed = this.transport.write(piece);
      if (last) break;
    }
    this.transport.uncork();
    if (flushed) callback();
    else this.transport.once('drain', () => callback());
  }

  /** A stream gone: the peer is told with RST_STREAM (CANCEL) when it ended before both halves closed. */
  forget(stream: SpdyStream, reset: boolean): void {
    if (this.streams.get(stream.id) !== stream) return;
    this.streams.delete(stream.id);
    if (reset && !this.closed && this.transport.writable) this.transport.write(rstStream(stream.id, rstStatus.cancel));
  }

  /** Reads until the transport ends: leaving a for-await early would destroy it with the GOAWAY unsent. */
  private async run(): Promise<void> {
    const queue = new ByteQueue();
    try {
      for await (const chunk of this.transport) {
        if (this.closed) continue;
        queue.push(chunk as Buffer);
        try {
          for (let frame = readFrame(queue); frame !== undefined && !this.closed; frame = readFrame(queue)) await this.handle(frame);
        } catch (error) {
          this.close(error instanceof SpdyProtocolError ? goAwayStatus.protocolError : goAwayStatus.internalError);
        }
      }
    } catch {
      // The transport failed: nothing more can be said to the peer.
    }
    this.close();
  }

  private async handle(frame: SpdyFrame): Promise<void> {
    if (frame.kind === 'data') return this.deliver(frame.streamId, frame.data, frame.fin);
    if (frame.version !== spdyVersion) throw new SpdyProtocolError(`SPDY version ${frame.version}`);
    switch (frame.type) {
      case frameType.synStream:
        return this.open(frame.body, (frame.flags & flagFin) !== 0);
      case frameType.rstStream:
        this.streams.get(bodyStreamId(frame.body))?.destroy();
        return;
      case frameType.ping:
        // Odd ids are the client's pings, answered with the same frame; even ones would be answers to ours.
        if (frame.body.length >= 4 && (frame.body.readUInt32BE(0) & 1) === 1) this.transport.write(ping(frame.body.readUInt32BE(0)));
        return;
      case frameType.goAway:
        this.close();
        return;
      case frameType.headers:
        // Headers after the SYN still belong to the shared zlib stream: decode to keep it in step.
        await this.codec.decode(frame.body.subarray(4));
        return;
      default:
        // SETTINGS and WINDOW_UPDATE: spdystream ignores flow control, and there is nothing to set.
        return;
    }
  }

  private async open(body: Buffer, fin: boolean): Promise<void> {
    const id = bodyStreamId(body);
    // SYN_STREAM: stream id, associated id, priority and slot, then the header block.
    const headers = await this.codec.decode(body.subarray(10));
    if (id <= this.lastStreamId || id % 2 === 0) {
      this.transport.write(rstStream(id, rstStatus.protocolError));
      return;
    }
    this.lastStreamId = id;
    if (this.streams.size >= maxOpenStreams) {
      this.transport.write(rstStream(id, rstStatus.refusedStream));
      return;
    }
    const stream = new SpdyStream(this, id, headers);
    this.streams.set(id, stream);
    this.transport.write(synReply(id, await this.codec.encode(new Map())));
    if (fin) stream.push(null);
    this.onStream(stream);
  }

  private async deliver(streamId: number, data: Buffer, fin: boolean): Promise<void> {
    const stream = this.streams.get(streamId);
    if (stream === undefined || stream.destroyed) return;
    if (data.length > 0 && !stream.push(data)) await new Promise<void>((resolve) => (stream.wake = resolve));
    if (fin) stream.push(null);
  }
}
