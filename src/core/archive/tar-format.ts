/**
 * The ustar header layout (POSIX.1-1988) shared by the tar reader and writer: field offsets and
 * widths, octal numbers and the header checksum. Pure: bytes in, bytes out.
 */
export const BLOCK = 512;

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface TarEntry {
  /** As stored: '/'-separated, never interpreted here (entry-path.ts decides what is safe). */
  readonly path: string;
  readonly type: TarEntryType;
  /** Permission bits (0o644, 0o755...). */
  readonly mode: number;
  /** Seconds since the epoch. */
  readonly mtime: number;
  readonly data: Uint8Array;
  /** A symlink's target. */
  readonly linkName: string;
}

/** [offset, width] of each header field. */
export const field = {
  name: [0, 100],
  mode: [100, 8],
  uid: [108, 8],
  gid: [116, 8],
  size: [124, 12],
  mtime: [136, 12],
  checksum: [148, 8],
  typeflag: [156, 1],
  linkName: [157, 100],
  magic: [257, 6],
  version: [263, 2],
  prefix: [345, 155],
} as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const text = (bytes: Uint8Array): string => decoder.decode(bytes);

/** A NUL-terminated string field. */
export function readString(header: Uint8Array, [offset, width]: readonly [number, number]): string {
  const bytes = header.subarray(offset, offset + width);
  const end = bytes.indexOf(0);
  return text(end === -1 ? bytes : bytes.subarray(0, end));
}

/** An octal number field (NUL or space terminated); undefined when it is not one. */
export function readOctal(header: Uint8Array, place: readonly [number, number]): number | undefined {
  const value = readString(header, place).trim();
  if (value === '') return 0;
  return /^[0-7]+$/.test(value) ? parseInt(value, 8) : undefined;
}

export function writeOctal(header: Uint8Array, [offset, width]: readonly [number, number], value: number): void {
  header.set(utf8(`${value.toString(8).padStart(width - 1, '0')}\0`), offset);
}

/** The sum of the header's bytes with the checksum field read as eight spaces. */
export function checksumOf(header: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1) {
    const [offset, width] = field.checksum;
    sum += index >= offset && index < offset + width ? 0x20 : (header[index] ?? 0);
  }
  return sum;
}

export const paddedSize = (size: number): number => Math.ceil(size / BLOCK) * BLOCK;
