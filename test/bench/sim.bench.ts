// The simulated cluster at scale: start-up time and memory of `kube-workbench sim` at 500 nodes /
// 15k pods and 5,000 nodes / 150k pods (a child process, so its RSS is its own), and the time
// kubectl takes to page through all its pods: the baseline issue 6's initial sync must beat.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, Figure } from './report.ts';

const simModule = new URL('../../src/sim/sim.ts', import.meta.url).href;
const kubectlPath = '/usr/bin/kubectl';
/** Issue 5's targets: start in under 60 s and under 2 GB at 150k pods. */
const startTarget = { op: '<', value: 60_000 } as const;
const memoryTarget = { op: '<', value: 2048 } as const;

interface Started {
  readonly child: ChildProcess;
  readonly kubeconfigPath: string;
  readonly startMs: number;
}

/** Starts the sim in a child Node and resolves once it printed its URL line. */
function startChild(nodes: number, pods: number): Promise<Started> {
  const code = `const { startSim } = await import(${JSON.stringify(simModule)});
const sim = await startSim({ nodes: ${nodes}, pods: ${pods}, log: () => undefined });
process.stdout.write(JSON.stringify({ url: sim.url, kubeconfigPath: sim.kubeconfigPath }) + '\\n');
process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n')[0];
      if (output.includes('\n') && line !== undefined) {
        const { kubeconfigPath } = JSON.parse(line) as { kubeconfigPath: string };
        resolve({ child, kubeconfigPath, startMs: performance.now() - started });
      }
    });
    child.on('exit', (code) => reject(new Error(`the sim exited (${String(code)}) before it started`)));
  });
}

/** VmRSS (now) or VmHWM (peak) of a process, in MB, from /proc. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 'NaN');
  return kilobytes / 1024;
}

function kubectlListMs(kubeconfigPath: string, home: string, expected: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const args = ['get', 'pods', '-A', '--chunk-size=500', '-o', 'name'];
    execFile(kubectlPath, args, { env: { HOME: home, KUBECONFIG: kubeconfigPath, PATH: process.env['PATH'] ?? '' }, maxBuffer: 1 << 30, timeout: 20 * 60_000 }, (error, stdout) => {
      if (error !== null) {
        reject(error);
        return;
      }
      const lines = stdout.trim().split('\n').length;
      if (lines !== expected) reject(new Error(`kubectl listed ${lines} pods, expected ${expected}`));
      else resolve(performance.now() - started);
    });
  });
}

async function measure(nodes: number, pods: number, report: (figure: Figure) => void): Promise<void> {
  const size = `${nodes} nodes / ${pods / 1000}k pods`;
  const sim = await startChild(nodes, pods);
  const home = await mkdtemp(join(tmpdir(), 'kube-workbench-bench-'));
  try {
    const pid = sim.child.pid ?? 0;
    report({ name: `sim: start, ${size}`, value: sim.startMs, unit: 'ms', target: startTarget });
    report({ name: `sim: RSS after start, ${size}`, value: memoryMb(pid, 'VmRSS'), unit: 'MB', target: memoryTarget });
    if (!existsSync(kubectlPath)) return;
    const listMs = await kubectlListMs(sim.kubeconfigPath, home, pods);
    report({ name: `sim: kubectl get pods -A --chunk-size=500 -o name, ${size} (baseline)`, value: listMs, unit: 'ms' });
    report({ name: `sim: peak RSS while kubectl paged every pod, ${size}`, value: memoryMb(pid, 'VmHWM'), unit: 'MB', target: memoryTarget });
  } finally {
    sim.child.kill('SIGTERM');
    await rm(home, { recursive: true, force: true });
  }
}

export const bench: Bench = {
  name: 'simulated cluster (kube-workbench sim)',
  async run(report) {
    await measure(500, 15_000, report);
    await measure(5_000, 150_000, report);
  },
};
