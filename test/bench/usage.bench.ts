// Usage history at demo scale (50 nodes, 1,500 pods, the sim in its own process): eight days from
// the sim's Prometheus into the histograms against fetching and parsing the same answers alone, one
// metrics-API sampling tick against the bare list request, recommendations for every workload
// container, and the store's size on disk.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../../src/cluster/api-client.ts';
import { ClusterConnection } from '../../src/cluster/cluster-connection.ts';
import { loadKubeconfig } from '../../src/cluster/kubeconfig-loader.ts';
import type { Timers } from '../../src/cluster/usage/metrics-sampler.ts';
import { chunkRanges, prometheusHistoryLoader } from '../../src/cluster/usage/prometheus-history.ts';
import { usageQueries } from '../../src/cluster/usage/prometheus-queries.ts';
import { UsageService } from '../../src/cluster/usage/usage-service.ts';
import type { Bench } from './report.ts';
import { startSimProcess } from './sim-process.ts';

const CONTEXT = 'kube-workbench-sim';
const STEP_SECONDS = 300;
const METRICS_PATH = '/apis/metrics.k8s.io/v1beta1/pods';

/** The same query_range requests the loader sends, answers only fetched and parsed. */
async function fetchOnly(prometheusUrl: string, nowMs: number): Promise<number> {
  const queries = usageQueries(undefined);
  let series = 0;
  for (const chunk of chunkRanges(nowMs, 8, STEP_SECONDS)) {
    for (const query of [queries.cpu, queries.memory]) {
      const body = new URLSearchParams({ query, start: String(chunk.startSeconds), end: String(chunk.endSeconds), step: String(STEP_SECONDS) });
      const response = await fetch(`${prometheusUrl}/api/v1/query_range`, { method: 'POST', body });
      const answer = (await response.json()) as { data: { result: unknown[] } };
      series += answer.data.result.length;
    }
  }
  return series;
}

/** Sampling ticks fired by hand, so one tick is timed alone. */
function manualTicks(): { timers: Timers; tick: () => void } {
  const callbacks: (() => void)[] = [];
  return {
    timers: { setInterval: (callback, ms) => (ms === 60_000 ? callbacks.push(callback) : 0), clearInterval: () => undefined },
    tick: () => callbacks.forEach((callback) => callback()),
  };
}

export const bench: Bench = {
  name: 'usage',
  async run(report) {
    const sim = await startSimProcess(50, 1500);
    const storageDir = await mkdtemp(join(tmpdir(), 'kwb-bench-usage-'));
    try {
      const loaded = loadKubeconfig([sim.kubeconfigPath]);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const client = new ApiClient(CONTEXT, loaded.value.forContext(CONTEXT));
      const connection = new ClusterConnection({ client, namespace: 'default', server: sim.url });

      let started = performance.now();
      await fetchOnly(sim.prometheusUrl, Date.now());
      const fetchMs = performance.now() - started;
      const { timers, tick } = manualTicks();
      const usage = new UsageService({ storageDir, timers, historyLoader: () => prometheusHistoryLoader({ url: sim.prometheusUrl, nowMs: Date.now(), stepSeconds: STEP_SECONDS }) });
      started = performance.now();
      await usage.attach(connection);
      const attachMs = performance.now() - started;
      report({ name: 'usage: 8 days from Prometheus (1,500 pods, 5-min steps) into the histograms', value: attachMs / 1000, unit: 's', baseline: { name: 'fetch + JSON.parse only', value: fetchMs / 1000, target: { op: '<=', value: 1.5 } } });

      started = performance.now();
      const containers = usage.usage(CONTEXT);
      report({ name: `usage: recommendations for all ${containers.length} workload containers`, value: performance.now() - started, unit: 'ms', target: { op: '<', value: 100 } });

      // PodMetrics carry whole-second timestamps and a repeated one is skipped: let the clock move on.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // The fastest of three bare lists: the first pays for the TLS handshake the sampler has behind it.
      let listMs = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 3; round += 1) {
        started = performance.now();
        await client.request(METRICS_PATH, { verb: 'list', resource: 'pods.metrics.k8s.io' });
        listMs = Math.min(listMs, performance.now() - started);
      }
      const sampled = new Promise<void>((resolve) => {
        const subscription = usage.onDidChange(() => {
          subscription.dispose();
          resolve();
        });
      });
      started = performance.now();
      tick();
      await sampled;
      report({ name: 'usage: one metrics-API sampling tick (1,500 pods)', value: performance.now() - started, unit: 'ms', target: { op: '<', value: 500 }, baseline: { name: 'the bare list request', value: listMs } });

      started = performance.now();
      await usage.flush();
      const flushMs = performance.now() - started;
      const [file] = await readdir(storageDir);
      const bytes = file === undefined ? 0 : (await stat(join(storageDir, file))).size;
      report({ name: `usage: store file with 8 days of ${containers.length} workload containers (written in ${flushMs.toFixed(0)} ms)`, value: bytes / 1024, unit: 'KB', target: { op: '<', value: 64 * 1024 } });
      usage.dispose();
      await usage.settled();
      connection.dispose();
    } finally {
      sim.stop();
      await rm(storageDir, { recursive: true, force: true });
    }
  },
};
