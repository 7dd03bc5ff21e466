// Input files and stdin read with a size bound: reading stops at the bound, so a 1 GB stdin, a
// FIFO or /dev/zero costs at most the bound in memory. The manifest bound is the YAML parser's.
import { readFileSync, statSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { maxFileChars } from '../core/yaml/parse.ts';
import { UsageError } from './usage-error.ts';

/** Manifests, stdin, project configs. */
export const MAX_MANIFEST_BYTES = maxFileChars;

/** "5 MB", for messages. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
}

/** The stream's text, or undefined when it holds more than `maxBytes` (the rest is not read). */
export async function readCapped(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    // Leaving the loop destroys the stream: nothing more is read.
    if (bytes > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The file's text, or undefined when it is larger than `maxBytes`; an unreadable file is a UsageError naming it as `shown`. */
export async function readFileCapped(path: string, maxBytes: number, shown = path): Promise<string | undefined> {
  try {
    // A regular file is read synchronously: the CLI reads its inputs one after another, and
    // node:fs/promises alone takes ~10 ms to load, most of what `lint FILE` may cost beyond Node's start.
    const info = statSync(path);
    if (!info.isFile()) return await readSpecialFile(path, maxBytes);
    if (info.size > maxBytes) return undefined;
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A pipe or a device (/dev/stdin, /dev/zero): opened without blocking the process, read up to the bound. */
async function readSpecialFile(path: string, maxBytes: number): Promise<string | undefined> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    return await readCapped(handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false }), maxBytes);
  } finally {
    await handle.close();
  }
}

/** The file's text; too large or unreadable is a UsageError. */
export async function readInputFile(path: string, maxBytes = MAX_MANIFEST_BYTES): Promise<string> {
  const text = await readFileCapped(path, maxBytes);
  if (text === undefined) throw new UsageError(`${path}: larger than ${sizeText(maxBytes)}`);
  return text;
}

/**
 * A manifest's YAML documents (at most the manifest bound). A syntax error is given by line, never
 * quoted: the manifest may hold secret values.
 */
export async function readManifestObjects(path: string): Promise<unknown[]> {
  const text = await readInputFile(path);
  try {
    return loadAll(text);
  } catch (error) {
    const { reason, mark } = error as { reason?: string; mark?: { line?: number } };
    throw new UsageError(`${path}${mark?.line === undefined ? '' : `:${mark.line + 1}`}: not valid YAML: ${reason ?? 'parse error'}`);
  }
}
