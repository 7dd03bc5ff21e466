// One context's usage history on disk, in the extension's global storage, so it survives restarts.
// The file is named by a hash of context name and server URL (no names or secrets in file names),
// written whole to a temporary file and renamed over the old one (a crash leaves the old or the new,
// never half), and capped in size by leaving out the stalest containers.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../core/result.ts';
import type { StoredContainer } from './usage-history.ts';
import type { UsageInputError } from './usage-types.ts';

const FORMAT = 'kube-workbench-usage';
const VERSION = 1;
// A few KiB per container (mostly the chart): room for the 20,000 containers of the history's bound.
export const DEFAULT_MAX_BYTES = 64 * 2 ** 20;

export function storeFileName(context: string, server: string): string {
  return `usage-${createHash('sha256').update(`${context}\n${server}`).digest('hex').slice(0, 32)}.json`;
}

export interface SaveSummary {
  readonly bytes: number;
  readonly containers: number;
  /** Left out to keep the file under the size bound. */
  readonly dropped: number;
}

export class UsageStore {
  readonly path: string;
  private readonly directory: string;
  private readonly context: string;
  private readonly maxBytes: number;

  constructor(directory: string, context: string, server: string, maxBytes = DEFAULT_MAX_BYTES) {
    this.directory = directory;
    this.context = context;
    this.path = join(directory, storeFileName(context, server));
    this.maxBytes = maxBytes;
  }

  /** The stored containers (untrusted: the history checks each); none when there is no file yet. */
  async load(): Promise<Result<readonly unknown[], UsageInputError>> {
    let text: string;
    try {
      // save() never writes more than the bound: a larger file is not ours, and is not read into memory.
      if ((await stat(this.path)).size > this.maxBytes) return err(this.failure(`is larger than ${this.maxBytes} bytes, more than this store writes; starting a new history`));
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return ok([]);
      return err(this.failure('could not be read', error));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return err(this.failure('is corrupt (not JSON); starting a new history'));
    }
    const { format, version, containers } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
    if (format !== FORMAT || !Array.isArray(containers)) return err(this.failure('is not a usage history file; starting a new history'));
    if (version !== VERSION) return err(this.failure(`has format version ${String(version)}, this version reads ${VERSION}; starting a new history`));
    return ok(containers);
  }

  /** Writes the containers, the most recently seen first, as many as fit in the size bound. */
  async save(containers: readonly StoredContainer[], savedMs: number): Promise<Result<SaveSummary, UsageInputError>> {
    const head = `{"format":${JSON.stringify(FORMAT)},"version":${VERSION},"savedMs":${savedMs},"containers":[`;
    const tail = ']}\n';
    const parts: string[] = [];
    let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
    for (const container of [...containers].sort((a, b) => b.lastSeenMs - a.lastSeenMs)) {
      const part = JSON.stringify(container);
      const size = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0);
      if (bytes + size > this.maxBytes) break;
      parts.push(part);
      bytes += size;
    }
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(temporary, head + parts.join(',') + tail, { mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return err(this.failure('could not be written', error));
    }
    return ok({ bytes, containers: parts.length, dropped: containers.length - parts.length });
  }

  private failure(what: string, error?: unknown): UsageInputError {
    const reason = error === undefined ? '' : `: ${(error as { code?: string }).code ?? String(error)}`;
    return { kind: 'storage', message: `usage history of context "${this.context}" (${this.path}) ${what}${reason}` };
  }
}
