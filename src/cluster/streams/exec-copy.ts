// Copying files to and from a container as kubectl cp does: `tar cf - PATH` run in the container
// and its archive read here, or an archive made here fed to `tar xf - -C FOLDER`. Whatever the
// container sends is untrusted: entries that would leave the chosen folder refuse the copy, links
// are never written (core/archive/entry-path.ts), and nothing is written through a local symlink.
import { posix } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { planExtraction } from '../../core/archive/entry-path.ts';
import { readTar } from '../../core/archive/tar-reader.ts';
import { writeTar } from '../../core/archive/tar-writer.ts';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import { detailText, type ClusterError } from '../cluster-error.ts';
import { startExec, type ExecTarget, type SessionEnd } from './exec.ts';
import { defaultCopyLimits, readLocalTree, writePlan, type CopyLimits } from './local-tree.ts';

export interface CopyReport {
  readonly files: number;
  readonly folders: number;
  readonly bytes: number;
  /** Links and special files not copied. */
  readonly skipped: readonly string[];
}

/** kubectl writes stdin in 32 KiB reads; a bit more per message costs nothing. */
const STDIN_CHUNK_BYTES = 64 * 1024;
/** tar's complaints are short; keep enough of them for the message. */
const MAX_STDERR_CHARS = 2000;

const where = (target: ExecTarget): string => `container "${target.container}" of pod ${target.namespace}/${target.pod} (context "${target.context}")`;
const copyError = (target: ExecTarget, message: string): ClusterError => ({ kind: 'invalid', message: `copy with ${where(target)}: ${message}` });

/** The error for an exec that did not end with 0, naming tar when the image lacks it. */
function tarFailure(target: ExecTarget, end: SessionEnd, stderr: string): ClusterError | undefined {
  if ('exitCode' in end && end.exitCode === 0) return undefined;
  if ('error' in end) return / has no "tar"/.test(end.error.message) ? copyError(target, 'the image has no tar, which copying needs (as kubectl cp does)') : end.error;
  const why = detailText(stderr.split('\n').filter((line) => !/Removing leading/.test(line)).join(' '));
  return copyError(target, 'exitCode' in end ? `tar exited with ${end.exitCode}${why === '' ? '' : `: ${why}`}` : 'the connection closed before tar ended');
}

/** Copies the file or folder `remotePath` of the container into `localFolder` (as `localFolder/<its name>`). */
export async function copyFromPod(config: KubeConfig, target: ExecTarget, remotePath: string, localFolder: string, signal?: AbortSignal, limits: CopyLimits = defaultCopyLimits): Promise<Result<CopyReport, ClusterError>> {
  const normalized = posix.normalize(remotePath).replace(/(.)\/+$/, '$1');
  if (normalized === '/' || normalized === '.') return err(copyError(target, `copy a file or folder below ${normalized}, not ${normalized} itself`));
  const chunks: Buffer[] = [];
  let size = 0;
  let stderr = '';
  let tooLarge = false;
  const started = await startExec(config, target, ['tar', 'cf', '-', normalized], {
    tty: false,
    stdin: false,
    ...(signal === undefined ? {} : { signal }),
    onStdout: (data) => {
      size += data.length;
      if (size > limits.maxBytes) tooLarge = true;
      else chunks.push(data);
    },
    onStderr: (data) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += data.toString('utf8');
    },
  });
  if (!started.ok) return started;
  const end = await started.value.ended;
  started.value.dispose();
  if (tooLarge) return err(copyError(target, `${remotePath} is larger than ${limits.maxBytes} bytes`));
  const failure = tarFailure(target, end, stderr);
  if (failure !== undefined) return err(failure);
  const archive = readTar(Buffer.concat(chunks), { maxEntries: limits.maxEntries });
  if (!archive.ok) return err(copyError(target, archive.error));
  const plan = planExtraction(archive.value, posix.dirname(normalized).replace(/^\/+/, ''));
  if (!plan.ok) return err(copyError(target, `refused: ${plan.error}`));
  const written = await writePlan(localFolder, plan.value);
  if (!written.ok) return err(copyError(target, `refused: ${written.error}`));
  return ok({ ...written.value, skipped: plan.value.skipped });
}

/** Copies the local file or folder `localPath` into the container's folder `remoteFolder`. */
export async function copyToPod(config: KubeConfig, target: ExecTarget, localPath: string, remoteFolder: string, signal?: AbortSignal, limits: CopyLimits = defaultCopyLimits): Promise<Result<CopyReport, ClusterError>> {
  const tree = await readLocalTree(localPath, limits);
  if (!tree.ok) return err(copyError(target, tree.error));
  let stderr = '';
  const started = await startExec(config, target, ['tar', 'xf', '-', '-C', remoteFolder], {
    tty: false,
    stdin: true,
    ...(signal === undefined ? {} : { signal }),
    onStdout: () => undefined,
    onStderr: (data) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += data.toString('utf8');
    },
  });
  if (!started.ok) return started;
  const archive = writeTar(tree.value.entries);
  // One WebSocket message per chunk: servers bound a message's size (the sim at 16 MiB).
  for (let offset = 0; offset < archive.length; offset += STDIN_CHUNK_BYTES) started.value.write(Buffer.from(archive.subarray(offset, offset + STDIN_CHUNK_BYTES)));
  started.value.endInput();
  const end = await started.value.ended;
  started.value.dispose();
  const failure = tarFailure(target, end, stderr);
  if (failure !== undefined) return err(failure);
  const files = tree.value.entries.filter((entry) => entry.type === 'file');
  return ok({ files: files.length, folders: tree.value.entries.length - files.length, bytes: files.reduce((sum, entry) => sum + entry.data.length, 0), skipped: tree.value.skipped });
}
