/**
 * Reads a tar archive held in memory: ustar, PAX (`path`, `linkpath`, `size`) and GNU long names,
 * the formats GNU tar, busybox and Go's archive/tar write. Bounded: a hostile or corrupt archive
 * is an error value, never a loop or an allocation larger than the archive itself.
 */
import { err, ok, type Result } from '../result.ts';
import { BLOCK, checksumOf, field, paddedSize, readOctal, readString, text, type TarEntry, type TarEntryType } from './tar-format.ts';

export interface TarLimits {
  /** Entries, headers of PAX and long names not counted. */
  readonly maxEntries: number;
}

const defaultLimits: TarLimits = { maxEntries: 100_000 };

function entryType(flag: string): TarEntryType {
  if (flag === '0' || flag === '\0' || flag === '' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  return 'other';
}

/** "<length> key=value\n" records; the ones we use, later ones winning. */
function paxRecords(data: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  for (const line of text(data).split('\n')) {
    const match = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (match !== null) records.set(match[1] ?? '', match[2] ?? '');
  }
  return records;
}

const isZeroBlock = (block: Uint8Array): boolean => block.every((byte) => byte === 0);

export function readTar(archive: Uint8Array, limits: TarLimits = defaultLimits): Result<TarEntry[], string> {
  const entries: TarEntry[] = [];
  let offset = 0;
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (isZeroBlock(block)) return ok(entries);
    if (readOctal(block, field.checksum) !== checksumOf(block)) return err(`tar header at byte ${offset} has a bad checksum`);
    const declared = readOctal(block, field.size);
    if (declared === undefined) return err(`tar header at byte ${offset} has a bad size`);
    const flag = readString(block, field.typeflag);
    const paxSize = pax.get('size');
    const size = paxSize !== undefined && /^\d+$/.test(paxSize) ? Number(paxSize) : declared;
    const start = offset + BLOCK;
    if (start + paddedSize(size) > archive.length) return err(`tar entry at byte ${offset} is cut short`);
    const data = archive.subarray(start, start + size);
    offset = start + paddedSize(size);
    if (flag === 'x') pax = paxRecords(data);
    else if (flag === 'L') longName = readString(data, [0, data.length]);
    else if (flag === 'K') longLink = readString(data, [0, data.length]);
    else if (flag !== 'g') {
      if (entries.length >= limits.maxEntries) return err(`the archive has more than ${limits.maxEntries} entries`);
      const prefix = readString(block, field.prefix);
      const name = readString(block, field.name);
      entries.push({
        path: pax.get('path') ?? longName ?? (prefix === '' ? name : `${prefix}/${name}`),
        type: entryType(flag),
        mode: readOctal(block, field.mode) ?? 0o644,
        mtime: readOctal(block, field.mtime) ?? 0,
        data: entryType(flag) === 'file' ? data : new Uint8Array(0),
        linkName: pax.get('linkpath') ?? longLink ?? readString(block, field.linkName),
      });
      pax = new Map();
      longName = undefined;
      longLink = undefined;
    }
  }
  // GNU tar and busybox end with two zero blocks; an archive that just stops after a whole entry is still read, as they do.
  return offset >= archive.length ? ok(entries) : err('the archive ends inside a tar header');
}
