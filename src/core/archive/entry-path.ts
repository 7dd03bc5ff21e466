/**
 * Which tar entries may be written under a chosen folder, the protection kubectl cp added after
 * CVE-2019-1002101 and CVE-2019-11246: an absolute name or a `..` step would leave the folder, and a
 * symlink would let a later entry (or a later reader) follow it out, so neither is ever written.
 */
import { err, ok, type Result } from '../result.ts';
import type { TarEntry } from './tar-format.ts';

/** The path's steps below the folder, or undefined when it could leave it (absolute, `..`, NUL, backslash). */
export function safeSteps(path: string): string[] | undefined {
  if (path.startsWith('/') || path.includes('\0') || path.includes('\\') || /^[A-Za-z]:/.test(path)) return undefined;
  const steps = path.split('/').filter((step) => step !== '' && step !== '.');
  return steps.includes('..') ? undefined : steps;
}

export interface PlannedEntry {
  readonly steps: readonly string[];
  readonly entry: TarEntry;
}

export interface ExtractionPlan {
  readonly entries: readonly PlannedEntry[];
  /** Entries not written (symlinks, hard links, devices), by name, for a warning. */
  readonly skipped: readonly string[];
}

/**
 * Plans writing `entries` under a folder, each named relative to `prefix` (the archived path's
 * parent, as `tar cf - /a/b` names its entries `a/b/...`). Any entry that could land outside the
 * folder refuses the whole archive: a partial copy of a hostile archive is not a success.
 */
export function planExtraction(entries: readonly TarEntry[], prefix: string): Result<ExtractionPlan, string> {
  const base = safeSteps(prefix.replace(/^\/+/, '')) ?? [];
  const planned: PlannedEntry[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    const steps = safeSteps(entry.path);
    if (steps === undefined) return err(`the archive's entry ${JSON.stringify(entry.path)} would be written outside the folder`);
    if (!base.every((step, index) => steps[index] === step)) return err(`the archive's entry ${JSON.stringify(entry.path)} is not under ${JSON.stringify(prefix)}`);
    const below = steps.slice(base.length);
    if (below.length === 0) continue;
    if (entry.type === 'file' || entry.type === 'directory') planned.push({ steps: below, entry });
    else skipped.push(below.join('/'));
  }
  return ok({ entries: planned, skipped });
}
