// The CLI's standard output without process.stdout where it can: that stream, made on first use, loads
// Node's stream modules (and net for a pipe), a few ms of a one-file lint's start.
import { fstatSync, statSync, writeSync } from 'node:fs';

/**
 * Writes to descriptor 1 directly. Where it would block (a non-blocking pipe that is full) or fails,
 * the rest goes through process.stdout, as does all later output.
 */
export function stdoutWriter(): (text: string) => void {
  let stream = false;
  return (text) => {
    if (stream) {
      process.stdout.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    try {
      while (offset < bytes.length) offset += writeSync(1, bytes, offset);
    } catch {
      stream = true;
      process.stdout.write(bytes.subarray(offset));
    }
  };
}

/**
 * Whether standard output is a terminal. Files, pipes and /dev/null are told apart by fstat; only a
 * character device other than /dev/null (and anything on Windows) asks process.stdout.
 */
export function stdoutIsTerminal(): boolean {
  if (process.platform !== 'win32') {
    const info = fstatSync(1, { throwIfNoEntry: false });
    if (info === undefined || !info.isCharacterDevice() || info.rdev === statSync('/dev/null', { throwIfNoEntry: false })?.rdev) return false;
  }
  return process.stdout.isTTY === true;
}
