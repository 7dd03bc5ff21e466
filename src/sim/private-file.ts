/**
 * Writes a file only its owner can read (mode 0600), for anything holding tokens or keys. A new
 * file is written beside the target and renamed over it: the mode of a file that already exists is
 * never inherited (writeFile's mode applies only on create), and readers see the old file or the
 * whole new one, never half of it.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function writePrivateFile(path: string, text: string): Promise<void> {
  // Same folder, so the rename stays on one filesystem; 'wx' (O_EXCL) refuses a name planted in a shared folder, symlinks included.
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
