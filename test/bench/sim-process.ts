// A simulated cluster in its own process (`kube-workbench sim` from dist/cli.js), so a benchmark
// measures its client's time and memory, not the server's.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repoRoot } from '../harness/tools.ts';

export interface SimProcess {
  readonly url: string;
  readonly kubeconfigPath: string;
  /** Its Prometheus API over the synthetic usage history. */
  readonly prometheusUrl: string;
  /** Milliseconds from spawn to the URL line (the sim is serving). */
  readonly startMs: number;
  /** Resident memory of the sim process, from /proc. */
  rssMb(): number;
  /** CPU seconds (user + system) the sim process has used, from /proc: what serving cost it. */
  cpuSeconds(): number;
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
  const { url, prometheusUrl } = await new Promise<{ url: string; prometheusUrl: string }>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      // The API's URL is the first line; the Prometheus line follows it.
      const prometheus = /^prometheus: (\S+)/m.exec(output)?.[1];
      if (prometheus !== undefined) resolve({ url: output.split('\n')[0] ?? '', prometheusUrl: prometheus });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`sim exited with ${code}: ${output.slice(-500)}`)));
  });
  const startMs = performance.now() - started;
  return {
    url,
    kubeconfigPath,
    prometheusUrl,
    startMs,
    rssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime and stime in clock ticks (100/s).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    stop,
  };
}
