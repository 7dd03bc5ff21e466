/**
 * SPDY/3.1 frames (draft 3.1, section 2.2), the transport of kubectl's port-forward: an 8-byte
 * header, then a control frame's typed body or a data frame's payload. Reading takes whole frames
 * off a ByteQueue; writing builds the few frames a server sends.
 */
import type { ByteQueue } from '../streams/byte-queue.ts';

export const spdyVersion = 3;

export const frameType = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;

export const flagFin = 0x01;

/** RST_STREAM status codes used here. */
export const rstStatus = { protocolError: 1, refusedStream: 3, cancel: 5 } as const;

/** The largest frame body the 24-bit length allows. */
export const maxFrameBody = 0xffffff;
/** Control frames carry ids and header blocks: a larger one is an attack, not a client. */
const maxControlBody = 64 * 1024;

export type SpdyFrame =
  | { readonly kind: 'data'; readonly streamId: number; readonly fin: boolean; readonly data: Buffer }
  | { readonly kind: 'control'; readonly version: number; readonly type: number; readonly flags: number; readonly body: Buffer };

export class SpdyProtocolError extends Error {}

/** The next whole frame, or undefined while its bytes have not all arrived. */
export function readFrame(queue: ByteQueue): SpdyFrame | undefined {
  if (queue.length < 8) return undefined;
  const header = queue.peek(8);
  const word = header.readUInt32BE(0);
  const flags = header[4] ?? 0;
  const length = header.readUIntBE(5, 3);
  const control = (word & 0x80000000) !== 0;
  if (control && length > maxControlBody) throw new SpdyProtocolError(`control frame of ${length} bytes`);
  if (queue.length < 8 + length) return undefined;
  queue.skip(8);
  const body = queue.take(length);
  if (!control) return { kind: 'data', streamId: word & 0x7fffffff, fin: (flags & flagFin) !== 0, data: body };
  return { kind: 'control', version: (word >>> 16) & 0x7fff, type: word & 0xffff, flags, body };
}

/** The stream id in the first four bytes of a control frame's body (SYN_STREAM, SYN_REPLY, RST_STREAM, ...). */
export function bodyStreamId(body: Buffer): number {
  if (body.length < 4) throw new SpdyProtocolError('control frame too short');
  return body.readUInt32BE(0) & 0x7fffffff;
}

export function controlFrame(type: number, flags: number, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE((0x80000000 | (spdyVersion << 16) | type) >>> 0, 0);
  header[4] = flags;
  header.writeUIntBE(body.length, 5, 3);
  return Buffer.concat([header, body]);
}

/** The 8-byte header of a data frame; the payload (at most maxFrameBody) is written after it. */
export function dataHeader(streamId: number, length: number, fin: boolean): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(streamId & 0x7fffffff, 0);
  header[4] = fin ? flagFin : 0;
  header.writeUIntBE(length, 5, 3);
  return header;
}

function words(...values: number[]): Buffer {
  const body = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => body.writeUInt32BE(value >>> 0, index * 4));
  return body;
}

export function synReply(streamId: number, headerBlock: Buffer): Buffer {
  return controlFrame(frameType.synReply, 0, Buffer.concat([words(streamId), headerBlock]));
}

export function rstStream(streamId: number, status: number): Buffer {
  return controlFrame(frameType.rstStream, 0, words(streamId, status));
}

export function goAway(lastGoodStreamId: number, status: number): Buffer {
  return controlFrame(frameType.goAway, 0, words(lastGoodStreamId, status));
}

export function ping(id: number): Buffer {
  return controlFrame(frameType.ping, 0, words(id));
}
