// The metrics sampler against the simulated cluster's metrics.k8s.io, ticks driven by the test.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { namespacedContextName } from '../../sim/kubeconfig.ts';
import { makeCertificates } from '../../sim/certificates.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { ApiClient } from '../api-client.ts';
import { ClusterConnection } from '../cluster-connection.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import { startSilentServer } from '../silent-server.ts';
import type { Result } from '../../core/result.ts';
import { metricsError, MetricsSampler, type SampleSummary, type Timers } from './metrics-sampler.ts';
import { UsageHistory } from './usage-history.ts';
import type { UsageInputError } from './usage-types.ts';

const CONTEXT = 'kube-workbench-sim';
let sim: Sim;

before(async () => {
  sim = await startSim({ nodes: 3, pods: 20, seed: 3, frozenClock: true, log: () => undefined });
});
after(() => sim.close());

/** No timer ever fires: the test calls tick(). */
const manual: Timers = { setInterval: () => 1, clearInterval: () => undefined };

function connection(context = CONTEXT, namespace = 'default'): ClusterConnection {
  const loaded = loadKubeconfig([sim.kubeconfigPath]);
  assert.ok(loaded.ok);
  return new ClusterConnection({ client: new ApiClient(context, loaded.value.forContext(context)), namespace });
}

// Start-up separation has its own test (metrics-sampler-guardrails): here every sample is steady.
function sampler(target: ClusterConnection, history = new UsageHistory(undefined, { startupWindowMs: 0 })) {
  const results: Result<SampleSummary, UsageInputError>[] = [];
  const instance = new MetricsSampler({ connection: target, history, timers: manual, now: () => sim.clock.now(), onSampled: (result) => results.push(result) });
  return { instance, history, results };
}

function waitFor(target: ClusterConnection, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const probe = (): void => {
      if (!check()) return;
      subscription.dispose();
      resolve();
    };
    const subscription = target.onDidChangeState(probe);
    probe();
  });
}

describe('MetricsSampler against the simulated cluster', () => {
  it('samples every running pod container into its Deployment, one sample per tick, until a recommendation stands', async () => {
    const target = connection();
    target.start(['pods']);
    const { instance, history, results } = sampler(target);
    try {
      await waitFor(target, () => target.state('pods').phase === 'synced');
      const running = [...target.pods.values()].filter((pod) => pod.phase === 'Running');
      await instance.tick();
      const first = results.at(-1);
      assert.ok(first?.ok, first?.ok === false ? first.error.message : '');
      assert.equal(first.value.pods, running.length);
      assert.equal(first.value.lastSampleMs, Math.floor(sim.clock.now() / 1000) * 1000);
      // Workloads come from the owner references: every Deployment that has running pods, no pod names.
      const deployments = new Set(running.map((pod) => `${pod.meta.namespace}/${pod.meta.owner?.name.replace(/-[a-z0-9]+$/, '')}`));
      const usage = history.usage(sim.clock.now());
      assert.deepEqual(new Set(usage.map((entry) => `${entry.namespace}/${entry.workload}`)), deployments);
      // The same metrics again (the clock did not move) add nothing; a minute later they do.
      await instance.tick();
      assert.equal(history.usage(sim.clock.now())[0]?.confidenceDays, 0);
      sim.advance(60_000);
      await instance.tick();
      const [entry] = history.usage(sim.clock.now());
      assert.ok(entry?.recommendation !== undefined);
      assert.ok(entry.confidenceDays > 0);
      assert.ok(entry.recommendation.target.cpu > 0 && entry.recommendation.target.memory > 0);
    } finally {
      instance.dispose();
      target.dispose();
    }
  });

  it('reports a server error and recovers on the next tick', async () => {
    const target = connection();
    const { instance, results } = sampler(target);
    try {
      sim.applyFault({ type: 'errors', count: 1 });
      await instance.tick();
      const failed = results.at(-1);
      assert.ok(failed !== undefined && !failed.ok);
      assert.equal(failed.error.kind, 'http');
      await instance.tick();
      assert.ok(results.at(-1)?.ok);
    } finally {
      instance.dispose();
    }
  });

  it('gets 403 across the cluster for a namespaced user, then samples its namespace once the connection narrowed', async () => {
    const target = connection(namespacedContextName, 'team-a');
    const { instance, history, results } = sampler(target);
    try {
      await instance.tick();
      const forbidden = results.at(-1);
      assert.ok(forbidden !== undefined && !forbidden.ok);
      assert.equal(forbidden.error.kind, 'forbidden');
      assert.match(forbidden.error.message, /metrics API: forbidden \(403\).*context "kube-workbench-sim-team-a"/);
      target.start(['pods']);
      await waitFor(target, () => target.narrowedTo('pods') === 'team-a' && target.state('pods').phase === 'synced');
      await instance.tick();
      const narrowed = results.at(-1);
      assert.ok(narrowed?.ok);
      assert.ok(narrowed.value.pods > 0);
      assert.deepEqual(new Set(history.usage(sim.clock.now()).map((entry) => entry.namespace)), new Set(['team-a']));
    } finally {
      instance.dispose();
      target.dispose();
    }
  });

  it('names a missing metrics API as not installed in the context', () => {
    for (const code of [404, 503]) {
      const error = metricsError('prod', { kind: code === 404 ? 'notFound' : 'server', code, message: 'x' });
      assert.equal(error.kind, 'not-installed');
      assert.match(error.message, /^metrics API not installed in context "prod"/);
    }
    assert.equal(metricsError('prod', { kind: 'unreachable', message: 'cannot reach context "prod"' }).kind, 'unreachable');
  });

  it('cancels a list of pod metrics still waiting for the server when disposed', async () => {
    const silent = await startSilentServer(await makeCertificates());
    const target = new ClusterConnection({ client: silent.client(), namespace: 'default' });
    const { instance, results } = sampler(target);
    try {
      const ticked = instance.tick();
      await silent.opened(1);
      instance.dispose();
      await ticked;
      await silent.allClosed();
      assert.deepEqual(results, [], 'a disposed sampler reports nothing');
    } finally {
      target.dispose();
      await silent.close();
    }
  });
});
