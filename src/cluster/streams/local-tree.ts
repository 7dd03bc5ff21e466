// The local side of copying: a file or folder read into tar entries (symlinks not followed, sizes
// bounded) and a checked extraction plan written under a chosen folder, refusing to write through
// a symlink already there (a link planted in the folder must not carry a file out of it).
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ExtractionPlan } from '../../core/archive/entry-path.ts';
import type { TarEntry } from '../../core/archive/tar-format.ts';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';

export interface CopyLimits {
  readonly maxBytes: number;
  readonly maxEntries: number;
}

export const defaultCopyLimits: CopyLimits = { maxBytes: 256 * 1024 * 1024, maxEntries: 20_000 };

export interface LocalTree {
  readonly entries: TarEntry[];
  /** Symlinks and special files left out, relative to the copied path's parent. */
  readonly skipped: string[];
}

/** The file or folder at `path` as tar entries named from its base name down. */
export async function readLocalTree(path: string, limits: CopyLimits): Promise<Result<LocalTree, string>> {
  const entries: TarEntry[] = [];
  const skipped: string[] = [];
  let bytes = 0;
  const visit = async (full: string, name: string): Promise<string | undefined> => {
    if (entries.length >= limits.maxEntries) return `more than ${limits.maxEntries} files and folders`;
    const stats = await lstat(full);
    const mtime = Math.floor(stats.mtimeMs / 1000);
    if (stats.isDirectory()) {
      entries.push({ path: name, type: 'directory', mode: stats.mode & 0o7777, mtime, data: new Uint8Array(0), linkName: '' });
      for (const child of (await readdir(full)).sort()) {
        const problem = await visit(join(full, child), `${name}/${child}`);
        if (problem !== undefined) return problem;
      }
    } else if (stats.isFile()) {
      bytes += stats.size;
      if (bytes > limits.maxBytes) return `more than ${limits.maxBytes} bytes`;
      entries.push({ path: name, type: 'file', mode: stats.mode & 0o7777, mtime, data: new Uint8Array(await readFile(full)), linkName: '' });
    } else {
      skipped.push(name);
    }
    return undefined;
  };
  try {
    const problem = await visit(path, basename(path));
    return problem === undefined ? ok({ entries, skipped }) : err(`${path} holds ${problem}`);
  } catch (error) {
    return err(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

async function kindAt(path: string): Promise<'missing' | 'link' | 'directory' | 'file'> {
  try {
    const stats = await lstat(path);
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

export interface WriteReport {
  readonly files: number;
  readonly folders: number;
  readonly bytes: number;
}

/** Writes the plan under `root` (created if missing); nothing is written when any path runs through a symlink or a file. */
export async function writePlan(root: string, plan: ExtractionPlan): Promise<Result<WriteReport, string>> {
  try {
    await mkdir(root, { recursive: true });
    if ((await kindAt(root)) !== 'directory') return err(`${root} is not a folder`);
    const checked = new Map<string, Awaited<ReturnType<typeof kindAt>>>();
    for (const { steps, entry } of plan.entries) {
      for (let depth = 1; depth <= steps.length; depth += 1) {
        const path = join(root, ...steps.slice(0, depth));
        const kind = checked.get(path) ?? (await kindAt(path));
        checked.set(path, kind);
        const last = depth === steps.length;
        if (kind === 'link') return err(`${path} is a symbolic link: nothing is written through one`);
        if (kind === 'file' && (!last || entry.type === 'directory')) return err(`${path} is a file where the copy needs a folder`);
        if (kind === 'directory' && last && entry.type === 'file') return err(`${path} is a folder where the copy has a file`);
      }
    }
    let files = 0;
    let folders = 0;
    let bytes = 0;
    for (const { steps, entry } of plan.entries) {
      const path = join(root, ...steps);
      if (entry.type === 'directory') {
        await mkdir(path, { recursive: true });
        folders += 1;
      } else {
        await mkdir(join(path, '..'), { recursive: true });
        await writeFile(path, entry.data, { mode: (entry.mode & 0o777) || 0o644 });
        files += 1;
        bytes += entry.data.length;
      }
    }
    return ok({ files, folders, bytes });
  } catch (error) {
    return err(`cannot write under ${root}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
