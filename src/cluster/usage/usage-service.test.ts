// The usage service against the simulated cluster: sampling ticks fired by the test, the store in a
// temporary folder, restarts as new services on the same folder.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RecommenderKnobs } from '../../core/allocator/recommender-options.ts';
import { ok } from '../../core/result.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { ApiClient } from '../api-client.ts';
import { ClusterService } from '../cluster-service.ts';
import { ClusterConnection } from '../cluster-connection.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import type { Timers } from './metrics-sampler.ts';
import { storeFileName } from './usage-store.ts';
import { UsageService, type UsageServiceOptions } from './usage-service.ts';

const CONTEXT = 'kube-workbench-sim';
const MINUTE = 60_000;
let sim: Sim;
let directory: string;

before(async () => {
  sim = await startSim({ nodes: 3, pods: 20, seed: 5, frozenClock: true, log: () => undefined });
  directory = await mkdtemp(join(tmpdir(), 'usage-service-'));
});
after(async () => {
  await sim.close();
  await rm(directory, { recursive: true, force: true });
});

/** Timers the test fires: `fire(ms)` runs every interval timer of that period. */
function manualTimers() {
  const callbacks: { callback: () => void; ms: number }[] = [];
  const timers: Timers = {
    setInterval: (callback, ms) => callbacks.push({ callback, ms }),
    clearInterval: (handle) => void callbacks.splice((handle as number) - 1, 1, { callback: () => undefined, ms: -1 }),
  };
  return { timers, fire: (ms: number) => callbacks.filter((entry) => entry.ms === ms).forEach((entry) => entry.callback()) };
}

function connection(): ClusterConnection {
  const loaded = loadKubeconfig([sim.kubeconfigPath]);
  assert.ok(loaded.ok);
  return new ClusterConnection({ client: new ApiClient(CONTEXT, loaded.value.forContext(CONTEXT)), namespace: 'default', server: sim.url });
}

/** PodMetrics timestamps have whole seconds. */
const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** Resolves on the first change event after which `check` holds (at once if it holds now). */
function when(usage: UsageService, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const subscription = usage.onDidChange(() => {
      if (!check()) return;
      subscription.dispose();
      resolve();
    });
  });
}

function service(options: Partial<UsageServiceOptions> = {}) {
  const { timers, fire } = manualTimers();
  const usage = new UsageService({ storageDir: directory, now: () => sim.clock.now(), timers, ...options });
  const sampled = (): boolean => usage.status(CONTEXT).metrics.lastSampleMs === wholeSecond(sim.clock.now());
  /** Attaches and waits for the first sample. */
  const attach = async (): Promise<void> => {
    const first = when(usage, sampled);
    await usage.attach(connection());
    await first;
  };
  /** One sampling tick a minute of sim time later; resolves once its sample is in. */
  const tick = async (): Promise<void> => {
    sim.advance(MINUTE);
    const done = when(usage, sampled);
    fire(MINUTE);
    await done;
  };
  return { usage, attach, tick };
}

describe('UsageService against the simulated cluster', () => {
  it('samples on each tick until recommendations stand, and the store brings them back after a restart', async () => {
    const first = service();
    await first.attach();
    assert.equal(first.usage.status(CONTEXT).metrics.phase, 'ready');
    for (let minute = 0; minute < 5; minute += 1) await first.tick();
    const before = first.usage.usage(CONTEXT);
    assert.ok(before.length > 0 && before.every((entry) => entry.recommendation !== undefined));
    const [sample] = before;
    assert.ok(sample !== undefined);
    assert.equal(sample.confidenceDays, (5 * MINUTE) / (1440 * MINUTE));
    assert.deepEqual(first.usage.find(CONTEXT, sample.namespace, sample.workload, sample.container), sample);
    first.usage.dispose();
    await first.usage.settled();
    assert.deepEqual(await readdir(directory), [storeFileName(CONTEXT, sim.url)]);

    const second = service();
    assert.equal(second.usage.status(CONTEXT).store.phase, 'off');
    const attaching = second.usage.attach(connection());
    await when(second.usage, () => second.usage.status(CONTEXT).store.phase !== 'loading');
    assert.deepEqual(second.usage.status(CONTEXT).store, { phase: 'ready', containers: before.length });
    assert.deepEqual(
      second.usage.usage(CONTEXT).map((entry) => [entry.workload, entry.recommendation, entry.confidenceDays]),
      before.map((entry) => [entry.workload, entry.recommendation, entry.confidenceDays]),
    );
    await attaching;
    second.usage.dispose();
    await second.usage.settled();
  });

  it('reports a corrupt store file, starts fresh without throwing, and replaces it on the next flush', async () => {
    const path = join(directory, storeFileName(CONTEXT, sim.url));
    await writeFile(path, 'not json at all');
    const { usage, attach } = service();
    await attach();
    const { store } = usage.status(CONTEXT);
    assert.equal(store.phase, 'error');
    assert.match(store.message ?? '', /context "kube-workbench-sim".*corrupt/);
    assert.ok(usage.usage(CONTEXT).length > 0, 'sampling goes on');
    await usage.flush();
    assert.equal(usage.status(CONTEXT).store.phase, 'ready');
    usage.dispose();
  });

  it('runs a history loader before sampling and bounds the containers', async () => {
    const loaded: string[] = [];
    const { usage, attach } = service({
      storageDir: undefined,
      maxContainers: 1,
      historyLoader: (context) => async (sink) => {
        loaded.push(context);
        const times = Float64Array.from({ length: 12 }, (_, index) => sim.clock.now() - (12 - index) * 5 * MINUTE);
        sink({ namespace: 'history', pod: 'old-app-0', container: 'c' }, 'cpu', times, new Float64Array(12).fill(0.5), 5);
        return ok({ series: 1, samples: 12 });
      },
    });
    await attach();
    assert.deepEqual(loaded, [CONTEXT]);
    assert.deepEqual(usage.status(CONTEXT).prometheus, { phase: 'ready', series: 1 });
    assert.equal(usage.status(CONTEXT).store.phase, 'off');
    // The sim's workload containers were seen after the loaded history: the bound drops the latter.
    assert.equal(usage.usage(CONTEXT).length, 1);
    assert.equal(usage.find(CONTEXT, 'history', 'old-app', 'c'), undefined);
    usage.dispose();
  });

  it('recommends with the configured minimums and margin, and again with new ones on reconfigure()', async () => {
    let knobs: RecommenderKnobs = { podMinCpuMillicores: 500, marginFraction: 0 };
    const { usage, attach } = service({
      storageDir: undefined,
      recommender: () => knobs,
      historyLoader: () => async (sink) => {
        const times = Float64Array.from({ length: 12 }, (_, index) => sim.clock.now() - (12 - index) * 5 * MINUTE);
        const key = { namespace: 'history', pod: 'old-app-0', container: 'c' };
        sink(key, 'cpu', times, new Float64Array(12).fill(0.01), 5);
        sink(key, 'memory', times, new Float64Array(12).fill(2 ** 30), 5);
        return ok({ series: 2, samples: 24 });
      },
    });
    try {
      await attach();
      const target = () => usage.find(CONTEXT, 'history', 'old-app', 'c')?.recommendation?.target;
      assert.equal(target()?.cpu, 0.5);
      const bare = target()?.memory ?? 0;
      knobs = { marginFraction: 1 };
      const changed = when(usage, () => target()?.cpu !== 0.5);
      usage.reconfigure();
      await changed;
      const explanation = usage.find(CONTEXT, 'history', 'old-app', 'c')?.explanation;
      assert.equal(explanation?.setBy.cpu, 'usage', "25m, the VPA's default minimum, is under usage + 100%");
      assert.equal(target()?.cpu, (explanation?.cpu.p90 ?? 0) * 2);
      assert.equal(target()?.memory, bare * 2, 'a 100% margin');
    } finally {
      usage.dispose();
    }
  });

  it('is attached by ClusterService.connect once the pods are listed, when the service was given usage options', async () => {
    const { timers } = manualTimers();
    const clusters = new ClusterService({ kubeconfigPaths: () => [sim.kubeconfigPath], usage: { storageDir: undefined, timers, now: () => sim.clock.now() } });
    try {
      assert.ok(clusters.usage !== undefined);
      const usage = clusters.usage;
      const sampled = when(usage, () => usage.usage(CONTEXT).length > 0);
      const connection = clusters.connect(CONTEXT)!;
      // Not before: listing every pod's metrics would compete with the first rows of a big cluster.
      assert.equal(usage.status(CONTEXT).metrics.phase, 'off');
      await sampled;
      assert.equal(connection.state('pods').phase, 'synced');
      assert.equal(usage.status(CONTEXT).metrics.phase, 'ready');
    } finally {
      clusters.dispose();
    }
    assert.equal(new ClusterService({ kubeconfigPaths: () => [sim.kubeconfigPath] }).usage, undefined);
  });

  it("lists the context's autoscalers once for a few minutes; none for a context not attached", async () => {
    const { usage, attach } = service({ storageDir: undefined });
    try {
      await attach();
      assert.equal(usage.autoscalersNow(CONTEXT), undefined, 'not listed yet');
      const first = usage.autoscalers(CONTEXT);
      assert.equal(usage.autoscalers(CONTEXT), first, 'cached');
      const loaded = await first;
      assert.ok(loaded?.ok, loaded?.ok === false ? loaded.error.message : '');
      assert.equal(loaded.value.vpaInstalled, false);
      assert.equal(usage.autoscalersNow(CONTEXT), loaded.value);
      assert.equal(usage.autoscalers('elsewhere'), undefined);
    } finally {
      usage.dispose();
    }
  });
});
