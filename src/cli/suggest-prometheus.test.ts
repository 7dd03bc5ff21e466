// `suggest --prometheus` against the sim's Prometheus and API server (the right-sizing demo), and
// its JSON against what the editor computes from the same history read per pod.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { estimateQuantities } from '../core/allocator/recommender.ts';
import { rightSizingRows } from '../core/allocator/right-sizing.ts';
import { kubeconfigClient } from '../cluster/kubeconfig-client.ts';
import { namespaceWorkloads } from '../cluster/usage/cluster-workloads.ts';
import { prometheusHistoryLoader } from '../cluster/usage/prometheus-history.ts';
import { UsageHistory } from '../cluster/usage/usage-history.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { ExitCode } from './main.ts';
import { runCaptured } from './run-captured.ts';
import { suggestCommand } from './suggest.ts';

const MIB = 2 ** 20;
let sim: Sim;
let nowIso: string;

before(async () => {
  sim = await startSim({ nodes: 3, pods: 24, frozenClock: true, rightSizing: true, log: () => undefined });
  sim.clock.advance(5_000);
  nowIso = new Date(sim.clock.now()).toISOString();
});
after(() => sim.close());

const run = (...args: string[]) => runCaptured(suggestCommand, args);
const base = (): string[] => ['--prometheus', sim.prometheusUrl ?? '', '--kubeconfig', sim.kubeconfigPath, '--now', nowIso, '--days', '2'];

interface JsonRow {
  namespace: string;
  workload: string;
  container: string;
  kind: string;
  current: { cpu: string; memory: string };
  target: { cpu: string; memory: string };
  setBy: string;
  explanation: { oomKills: { count: number; floorBytes: number }; setBy: { memory: string }; reasons: string[] };
  hpa: { hpa: string; resource: string; replicasAtSuggested: number }[];
  vpa: { name: string; target: { cpu: string; memory: string } } | null;
}

const quantity = (text: string): number => (text.endsWith('Mi') ? Number(text.slice(0, -2)) * MIB : text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text));

describe('kube-workbench suggest --prometheus', () => {
  it('reports every namespace with the guardrails: OOM floor, HPA left alone, the VPA beside ours', async () => {
    const result = await run(...base(), '--format', 'json');
    assert.equal(result.code, ExitCode.ok, result.stderr);
    assert.match(result.stderr, /\[\d+\/\d+\] namespace default: \d+ points, 3 containers\n/);
    const { recommendations } = JSON.parse(result.stdout) as { recommendations: JsonRow[] };
    const row = (workload: string) => recommendations.find((entry) => entry.namespace === 'default' && entry.workload === workload) ?? assert.fail(`no ${workload}`);
    const oom = row('oom-demo');
    assert.ok(oom.explanation.oomKills.count >= 40, `one kill an hour of both days: ${oom.explanation.oomKills.count}`);
    assert.equal(oom.explanation.setBy.memory, 'oom');
    assert.ok(quantity(oom.target.memory) >= oom.explanation.oomKills.floorBytes);
    assert.ok(oom.explanation.oomKills.floorBytes > 330 * MIB, 'bumped from near the 256Mi limit');
    const hpa = row('hpa-demo');
    assert.equal(hpa.target.cpu, hpa.current.cpu, 'no blind CPU suggestion under a CPU HPA');
    assert.deepEqual(hpa.hpa.map((advice) => [advice.hpa, advice.resource]), [['hpa-demo', 'cpu']]);
    assert.equal(hpa.setBy.split('/')[0], 'hpa');
    const vpa = row('vpa-demo');
    assert.deepEqual(vpa.vpa?.name, 'vpa-demo');
    assert.deepEqual(vpa.vpa?.target, { cpu: '350m', memory: '300Mi' });
    assert.ok(recommendations.some((entry) => entry.namespace !== 'default'), 'other namespaces too');
  });

  it('gives the editor\'s recommendations for the same history (per pod there, per workload here)', async () => {
    const result = await run(...base(), '--namespace', 'default', '--format', 'json');
    assert.equal(result.code, ExitCode.ok, result.stderr);
    const cli = (JSON.parse(result.stdout) as { recommendations: JsonRow[] }).recommendations;
    const history = new UsageHistory();
    const loaded = await prometheusHistoryLoader({ url: sim.prometheusUrl ?? '', nowMs: Date.parse(nowIso), days: 2, namespace: 'default' })(history.sink, new AbortController().signal);
    assert.ok(loaded.ok);
    const cluster = await namespaceWorkloads(kubeconfigClient(sim.kubeconfigPath), 'default');
    assert.ok(cluster.ok);
    const editor = rightSizingRows(history.usage(Date.parse(nowIso)), (_namespace, workload) => cluster.value.workloads.get(workload), {
      hpaOf: (namespace, workload, kind) => cluster.value.autoscalers.hpas.find(namespace, workload, kind),
    });
    assert.deepEqual(cli.map((entry) => `${entry.workload}/${entry.container}`), editor.map((entry) => `${entry.workload}/${entry.container}`));
    for (const [index, ours] of editor.entries()) {
      const theirs = cli[index] as JsonRow;
      const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(a, b);
      // Memory: the largest pod per step is each pod's value here (their curves differ by 2% at most).
      assert.ok(near(quantity(theirs.target.memory), ours.target.memory, 0.05), `${theirs.workload} memory ${theirs.target.memory} vs ${ours.target.memory}`);
      // CPU: the mean of the pods per step narrows the spread of their jitter a little.
      assert.ok(near(quantity(theirs.target.cpu), ours.target.cpu, 0.1), `${theirs.workload} cpu ${theirs.target.cpu} vs ${ours.target.cpu}`);
      assert.equal(theirs.explanation.setBy.memory, ours.explanation?.setBy.memory, theirs.workload);
    }
  });

  it('writes CSV, Markdown and a table, and fails CI past --fail-on-waste', async () => {
    const csv = await run(...base(), '--namespace', 'default', '--format', 'csv');
    assert.match(csv.stdout.split('\r\n')[0] ?? '', /^namespace,workload,kind,container,.*,set_by,hpa,vpa_cpu,vpa_memory$/);
    const markdown = await run(...base(), '--namespace', 'default', '--format', 'markdown');
    assert.match(markdown.stdout, /^\| NAMESPACE \| WORKLOAD \|/);
    assert.match(markdown.stdout, /\| default \| oom-demo \| app \|.*OOM kills/);
    const table = await run(...base(), '--namespace', 'default');
    assert.match(table.stdout, /^NAMESPACE\s+WORKLOAD/);
    assert.match(table.stdout, /hpa-demo.*HPA hpa-demo on cpu 60%/);
    const strict = await run(...base(), '--namespace', 'default', '--fail-on-waste', '0');
    assert.equal(strict.code, ExitCode.failure);
    assert.match(strict.stderr, /cores requested beyond the recommendations, more than --fail-on-waste 0\n$/);
    assert.equal((await run(...base(), '--namespace', 'default', '--fail-on-waste', '1000')).code, ExitCode.ok);
  });

  it('fails in one line with exit 2 for bad arguments or a missing kubeconfig', async () => {
    for (const [args, message] of [
      [['--prometheus', 'http://127.0.0.1:1', '--usage', 'x'], /give --prometheus or --usage\/--manifest, not both/],
      [['--prometheus', 'http://127.0.0.1:1', '--format', 'xml'], /--format must be table, json, csv, markdown, not 'xml'/],
      [['--usage', 'x', '--namespace', 'a'], /--namespace goes with --prometheus/],
      [['--prometheus', 'http://127.0.0.1:1', '--fail-on-waste', 'lots'], /--fail-on-waste must be a number/],
      [['--prometheus', 'http://127.0.0.1:1', '--kubeconfig', '/nonexistent/kubeconfig'], /no kubeconfig file/],
    ] as const) {
      const result = await run(...args);
      assert.equal(result.code, ExitCode.usage, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.split('\n').length, 2, result.stderr);
    }
  });
});

describe('kube-workbench suggest --prometheus without the owner recording rule', () => {
  it("reads a namespace per pod, says so, and gives the editor's recommendations exactly", async () => {
    const bare = await startSim({ nodes: 2, pods: 0, frozenClock: true, rightSizing: true, prometheusOwnerRule: false, log: () => undefined });
    try {
      bare.clock.advance(5_000);
      const now = new Date(bare.clock.now()).toISOString();
      const result = await run('--prometheus', bare.prometheusUrl ?? '', '--kubeconfig', bare.kubeconfigPath, '--now', now, '--days', '1', '--namespace', 'default', '--format', 'json');
      assert.equal(result.code, ExitCode.ok, result.stderr);
      assert.match(result.stderr, /^kube-workbench suggest: no usage of namespace default by workload \(is kube-prometheus' namespace_workload_pod:kube_pod_owner:relabel rule missing\?\): reading its \d+ pod containers one by one\n/);
      const cli = (JSON.parse(result.stdout) as { recommendations: JsonRow[] }).recommendations;
      assert.deepEqual(cli.map((entry) => [entry.workload, entry.kind]), [['hpa-demo', 'Deployment'], ['oom-demo', 'Deployment'], ['vpa-demo', 'Deployment']]);
      const history = new UsageHistory();
      const loaded = await prometheusHistoryLoader({ url: bare.prometheusUrl ?? '', nowMs: Date.parse(now), days: 1, namespace: 'default' })(history.sink, new AbortController().signal);
      assert.ok(loaded.ok);
      const editor = history.usage(Date.parse(now));
      assert.deepEqual(
        cli.map((entry) => [entry.workload, entry.explanation.setBy.memory, quantity(entry.target.memory)]),
        editor.map((entry) => [entry.workload, entry.explanation?.setBy.memory, quantity(estimateQuantities(entry.recommendation?.target ?? { cpu: 0, memory: 0 }).memory)]),
      );
    } finally {
      await bare.close();
    }
  });
});
