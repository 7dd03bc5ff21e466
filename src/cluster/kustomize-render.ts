// `kubectl kustomize DIR`: run without a shell (the folder is an argument, never parsed), with its
// output, its time and its life bounded, so a huge or hanging render cannot hold `lint` or the editor up.
// Here, beside the cluster service, because both the CLI and the editor run it.
import type { ExecFileException } from 'node:child_process';

export interface RenderOptions {
  /** The kubectl executable, found on PATH when it has no slash. */
  readonly command: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

/** The rendered YAML, or why there is none in one line; `missing` when kubectl itself is absent. */
export type Rendered = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string; readonly missing: boolean };

export async function renderKustomization(dir: string, options: RenderOptions): Promise<Rendered> {
  // Loaded on the first render: node:child_process costs every `lint FILE` (and activation) a few ms.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(
      options.command,
      ['kustomize', dir],
      { encoding: 'utf8', timeout: options.timeoutMs, maxBuffer: options.maxBytes, windowsHide: true, ...(options.signal === undefined ? {} : { signal: options.signal }) },
      (error, stdout, stderr) => {
        if (error === null) resolve({ ok: true, text: stdout });
        else resolve({ ok: false, reason: reasonOf(error, stderr, options), missing: error.code === 'ENOENT' });
      },
    );
  });
}

const maxReason = 300;

function reasonOf(error: ExecFileException, stderr: string, options: RenderOptions): string {
  if (error.code === 'ENOENT') return `${options.command} not found`;
  if (error.name === 'AbortError') return 'cancelled';
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `its output is larger than ${options.maxBytes / 1024 / 1024} MB`;
  if (error.killed === true) return `kubectl kustomize took longer than ${options.timeoutMs / 1000} s`;
  // kubectl's own message is its first line ("error: accumulating resources: ..."); a stack never reaches the user.
  const first = stderr.split('\n').find((text) => text.trim() !== '')?.trim() ?? `kubectl kustomize failed (exit ${String(error.code)})`;
  // Since 1.30 that line is klog's: `E1204 13:44:06.349306 17916 run.go:72] "command failed" err="…"`; the message is err's value.
  const klog = /^[EFWI]\d{4} [\d:.]+\s+\d+ [^\]]*\] "command failed" err="((?:[^"\\]|\\.)*)"/.exec(first);
  const line = klog === null ? first : klog[1]!.replace(/\\(.)/g, '$1');
  return line.length > maxReason ? `${line.slice(0, maxReason)}…` : line;
}
