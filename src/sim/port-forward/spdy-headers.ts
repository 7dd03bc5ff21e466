/**
 * SPDY/3 header blocks: a count, then length-prefixed names and values (several values of a name
 * joined by NUL), zlib-compressed with the SPDY dictionary. Each direction is ONE zlib stream for
 * the whole connection, each block ending on a sync flush, so the codec keeps its inflater and
 * deflater and feeds blocks through them in order.
 */
import { constants, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { spdyDictionary } from './spdy-dictionary.ts';
import { SpdyProtocolError } from './spdy-frames.ts';

/** Header names are lower case in SPDY/3; values as sent. */
export type SpdyHeaders = ReadonlyMap<string, string>;

/** A decompressed block larger than this is refused (a stream's headers are a few dozen bytes). */
const maxBlockBytes = 64 * 1024;

function flushThrough(stream: Inflate | Deflate, input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.write(input);
    stream.flush(constants.Z_SYNC_FLUSH, () => {
      stream.off('error', reject);
      const output: Buffer[] = [];
      for (let chunk = stream.read() as Buffer | null; chunk !== null; chunk = stream.read() as Buffer | null) output.push(chunk);
      resolve(Buffer.concat(output));
    });
  });
}

export function parseHeaderBlock(block: Buffer): SpdyHeaders {
  const headers = new Map<string, string>();
  let offset = 0;
  const read = (): string => {
    if (offset + 4 > block.length) throw new SpdyProtocolError('truncated header block');
    const length = block.readUInt32BE(offset);
    offset += 4;
    if (offset + length > block.length) throw new SpdyProtocolError('truncated header block');
    offset += length;
    return block.toString('latin1', offset - length, offset);
  };
  if (block.length < 4) throw new SpdyProtocolError('truncated header block');
  const count = block.readUInt32BE(0);
  offset = 4;
  for (let index = 0; index < count; index += 1) {
    const name = read();
    headers.set(name.toLowerCase(), read().split('\0')[0] ?? '');
  }
  return headers;
}

export function headerBlock(headers: SpdyHeaders): Buffer {
  const parts: Buffer[] = [Buffer.alloc(4)];
  parts[0]?.writeUInt32BE(headers.size);
  for (const [name, value] of headers) {
    for (const text of [name, value]) {
      const bytes = Buffer.from(text, 'latin1');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      parts.push(length, bytes);
    }
  }
  return Buffer.concat(parts);
}

export class HeaderCodec {
  private readonly inflater = createInflate({ dictionary: spdyDictionary });
  private readonly deflater = createDeflate({ dictionary: spdyDictionary });

  async decode(compressed: Buffer): Promise<SpdyHeaders> {
    const block = await flushThrough(this.inflater, compressed);
    if (block.length > maxBlockBytes) throw new SpdyProtocolError('header block too large');
    return parseHeaderBlock(block);
  }

  encode(headers: SpdyHeaders): Promise<Buffer> {
    return flushThrough(this.deflater, headerBlock(headers));
  }

  dispose(): void {
    this.inflater.destroy();
    this.deflater.destroy();
  }
}
