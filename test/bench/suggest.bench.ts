// `kube-workbench suggest --prometheus` over a whole cluster (5,000 nodes, 150,000 pods in their own
// sim process): the CLI's wall time against fetching and parsing the same Prometheus answers alone
// (the aggregated queries, a namespace and six hours at a time), and the CLI process' peak memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { kubeconfigClient } from '../../src/cluster/kubeconfig-client.ts';
import { namespaceNames } from '../../src/cluster/usage/cluster-workloads.ts';
import { chunkRanges, WORKLOAD_CHUNK_SECONDS } from '../../src/cluster/usage/prometheus-history.ts';
import { workloadQueries } from '../../src/cluster/usage/prometheus-queries.ts';
import { repoRoot } from '../harness/tools.ts';
import type { Bench } from './report.ts';
import { startSimProcess } from './sim-process.ts';

const NODES = Number(process.env['KWB_BENCH_NODES'] ?? 5_000);
const PODS = Number(process.env['KWB_BENCH_PODS'] ?? 150_000);
const DAYS = Number(process.env['KWB_BENCH_SUGGEST_DAYS'] ?? 8);
const STEP_SECONDS = 300;
const POLL_MS = 50;

/** The requests the CLI sends, answers fetched and parsed only; returns the series received. */
async function fetchOnly(prometheusUrl: string, namespaces: readonly string[], nowMs: number): Promise<number> {
  let series = 0;
  for (const namespace of namespaces) {
    const queries = workloadQueries(namespace);
    for (const chunk of chunkRanges(nowMs, DAYS, STEP_SECONDS, WORKLOAD_CHUNK_SECONDS)) {
      for (const query of [queries.cpu, queries.memory, queries['oom-events'], queries['oom-reason']]) {
        const body = new URLSearchParams({ query, start: String(chunk.startSeconds), end: String(chunk.endSeconds), step: String(STEP_SECONDS) });
        const response = await fetch(`${prometheusUrl}/api/v1/query_range`, { method: 'POST', body });
        const answer = (await response.json()) as { status: string; error?: string; data?: { result: unknown[] } };
        if (answer.data === undefined) throw new Error(`Prometheus answered HTTP ${response.status}: ${answer.error ?? answer.status}`);
        series += answer.data.result.length;
      }
    }
  }
  return series;
}

/** Runs the CLI; resolves with its wall time, its peak resident memory (VmHWM, polled) and its JSON's row count. */
function runSuggest(args: readonly string[]): Promise<{ ms: number; peakMb: number; rows: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [`${repoRoot}/dist/cli.js`, 'suggest', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      // Exited between two polls: the last reading stands.
    }
  }, POLL_MS);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`suggest exited with ${code}: ${stderr.slice(-500)}`));
      resolve({ ms: performance.now() - started, peakMb: peakKb / 1024, rows: (JSON.parse(stdout) as { recommendations: unknown[] }).recommendations.length });
    });
  });
}

export const bench: Bench = {
  name: 'suggest',
  async run(report) {
    const sim = await startSimProcess(NODES, PODS);
    try {
      const nowMs = Date.now();
      const namespaces = await namespaceNames(kubeconfigClient(sim.kubeconfigPath));
      if (!namespaces.ok) throw new Error(namespaces.error.message);
      let started = performance.now();
      const series = await fetchOnly(sim.prometheusUrl, namespaces.value, nowMs);
      const fetchMs = performance.now() - started;
      const args = ['--prometheus', sim.prometheusUrl, '--kubeconfig', sim.kubeconfigPath, '--format', 'json', '--days', String(DAYS), '--now', new Date(nowMs).toISOString()];
      started = performance.now();
      const cli = await runSuggest(args);
      const scale = `${PODS.toLocaleString('en')} pods, ${DAYS} days`;
      report({ name: `suggest --prometheus: whole cluster (${scale}, ${cli.rows} workload containers, ${series} aggregated series)`, value: cli.ms / 1000, unit: 's', baseline: { name: 'fetch + JSON.parse of the same answers', value: fetchMs / 1000, target: { op: '<=', value: 1.5 } } });
      report({ name: `suggest --prometheus: peak memory of the CLI process (${scale})`, value: cli.peakMb, unit: 'MB', target: { op: '<', value: 500 } });
    } finally {
      sim.stop();
    }
  },
};
