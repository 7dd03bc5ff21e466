// A simulated cluster in its own process (`kube-workbench sim` from dist/cli.js), so a benchmark
// measures its client's time and memory, not the server's.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repoRoot } from '../harness/tools.ts';

export interface SimProcess {
  readonly url: string;
  readonly kubeconfigPath: string;
  /** Milliseconds from spawn to the URL line (the sim is serving). */
  readonly startMs: number;
  /** Resident memory of the sim process, from /proc. */
  rssMb(): number;
  stop(): void;
}

export async function startSimProcess(nodes: number, pods: number): Promise<SimProcess> {
  const folder = mkdtempSync(`${tmpdir()}/kwb-bench-sim-`);
  const kubeconfigPath = `${folder}/kubeconfig`;
  const started = performance.now();
  const child = spawn(process.execPath, [`${repoRoot}/dist/cli.js`, 'sim', '--nodes', String(nodes), '--pods', String(pods), '--seed', '1', '--kubeconfig', kubeconfigPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): void => {
    child.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const first = output.split('\n');
      if (first.length > 1) resolve(first[0] ?? '');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`sim exited with ${code}: ${output.slice(-500)}`)));
  });
  const startMs = performance.now() - started;
  return {
    url,
    kubeconfigPath,
    startMs,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop,
  };
}
