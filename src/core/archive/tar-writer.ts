/**
 * Writes a tar archive (ustar, with a PAX `path`/`linkpath` record when a name does not fit 100
 * bytes) from entries in memory: what `kubectl cp` sends to `tar -xmf -` and the sim's `tar cf -`
 * answers. GNU tar, busybox and Go's archive/tar all read it.
 */
import { BLOCK, checksumOf, field, paddedSize, utf8, writeOctal, type TarEntry } from './tar-format.ts';

const typeflags: Record<TarEntry['type'], string> = { file: '0', directory: '5', symlink: '2', other: '0' };

function header(name: string, typeflag: string, size: number, entry: Pick<TarEntry, 'mode' | 'mtime' | 'linkName'>): Uint8Array {
  const block = new Uint8Array(BLOCK);
  block.set(utf8(name).subarray(0, field.name[1]), field.name[0]);
  writeOctal(block, field.mode, entry.mode & 0o7777);
  writeOctal(block, field.uid, 0);
  writeOctal(block, field.gid, 0);
  writeOctal(block, field.size, size);
  writeOctal(block, field.mtime, Math.max(0, Math.floor(entry.mtime)));
  block.set(utf8(typeflag), field.typeflag[0]);
  block.set(utf8(entry.linkName).subarray(0, field.linkName[1]), field.linkName[0]);
  block.set(utf8('ustar\0'), field.magic[0]);
  block.set(utf8('00'), field.version[0]);
  const checksum = checksumOf(block);
  block.set(utf8(`${checksum.toString(8).padStart(6, '0')}\0 `), field.checksum[0]);
  return block;
}

/** One PAX record: "<length> <key>=<value>\n", where length counts the whole record, itself included. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = utf8(body).length + 1;
  while (String(length).length + utf8(body).length !== length) length += 1;
  return `${length}${body}`;
}

function paxHeader(entry: TarEntry, name: string): Uint8Array[] {
  const records = [
    ...(utf8(name).length > field.name[1] ? [paxRecord('path', name)] : []),
    ...(utf8(entry.linkName).length > field.linkName[1] ? [paxRecord('linkpath', entry.linkName)] : []),
  ];
  if (records.length === 0) return [];
  const data = utf8(records.join(''));
  return [header('PaxHeader', 'x', data.length, { mode: 0o644, mtime: entry.mtime, linkName: '' }), padded(data)];
}

function padded(data: Uint8Array): Uint8Array {
  const block = new Uint8Array(paddedSize(data.length));
  block.set(data);
  return block;
}

export function writeTar(entries: Iterable<TarEntry>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    const name = entry.type === 'directory' && !entry.path.endsWith('/') ? `${entry.path}/` : entry.path;
    const data = entry.type === 'file' ? entry.data : new Uint8Array(0);
    for (const part of [...paxHeader(entry, name), header(name, typeflags[entry.type], data.length, entry), padded(data)]) parts.push(part);
  }
  parts.push(new Uint8Array(BLOCK * 2));
  const archive = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    archive.set(part, offset);
    offset += part.length;
  }
  return archive;
}
