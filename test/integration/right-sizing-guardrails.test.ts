// Right-sizing guardrails in a real VS Code against the sim's right-sizing demo: the OOM-killed
// workload's memory floor, the HPA-scaled one left at its request with the HPA's arithmetic, and the
// cluster VPA's recommendation in the report's VPA column (Use VPA's copies it), each row explained on
// demand, the guardrails in the hover over `resources:`, and the minimums as settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import type { Pod } from '../../src/sim/objects.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import type { RightSizingReport } from '../../src/vscode/allocator/right-sizing-report.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

const CONTEXT = 'kube-workbench-sim';
const DEMO = ['oom-demo', 'hpa-demo', 'vpa-demo'];
const MIB = 2 ** 20;

/** Resolves once every pod of the demo runs (the kubelet starts them a second after they are made). */
function demoRunning(sim: Sim): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      const pods = [...sim.store.scan(sim.controllers.types.pod, { namespace: 'default' })].map(({ object }) => object as Pod);
      if (pods.length < 7 || !pods.every((pod) => pod.status?.phase === 'Running')) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = sim.store.subscribe(check);
    check();
  });
}

describe('Right-sizing guardrails in the editor', function () {
  this.timeout(90_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const usageOf = (workload: string) => api.clusters.get().usage?.find(CONTEXT, 'default', workload, 'app');

  before(async () => {
    sim = await startSim({ nodes: 2, pods: 0, rightSizing: true, log: () => undefined });
    await demoRunning(sim);
    api = await activateWorkbench();
    await setting.update(Settings.allocatorPrometheusUrl, sim.prometheusUrl, vscode.ConfigurationTarget.Global);
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
    api.clusters.get().connect(CONTEXT);
    const usage = api.clusters.get().usage!;
    await whenTrue((listener) => usage.onDidChange(listener), () => DEMO.every((workload) => usageOf(workload)?.recommendation !== undefined), 'recommendations for the three demo workloads', 60_000);
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await setting.update(Settings.allocatorPrometheusUrl, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sim.close();
  });

  it('reports the OOM floor, the HPA explanation and the VPA column, each row explained', async () => {
    const report = await vscode.commands.executeCommand<RightSizingReport>(Commands.showRightSizingReport);
    await report.autoscalersLoaded;
    const row = (workload: string) => report.rows().find((candidate) => candidate.workload === workload) ?? assert.fail(`no row of ${workload}`);
    const oom = row('oom-demo');
    assert.equal(oom.explanation?.setBy.memory, 'oom');
    assert.ok((oom.explanation?.oomKills.count ?? 0) > 0);
    assert.ok(oom.target.memory >= (oom.explanation?.oomKills.floorBytes ?? Infinity));
    const hpa = row('hpa-demo');
    assert.equal(hpa.target.cpu, hpa.current.cpu, 'the HPA-scaled resource keeps its request');
    assert.match(hpa.hpa[0]?.message ?? '', /^HPA hpa-demo scales this workload to keep cpu at 60% of the request: at today's usage \(\d+m per pod\) it runs \d+ replicas? with 200m, and would run \d+ with \d+m;/);
    assert.equal(row('vpa-demo').vpa?.vpa, 'vpa-demo');
    const html = report.html();
    assert.match(html, /data-column="9"[^>]*>VPA<\/th>/);
    assert.match(html, /<td[^>]*>350m \/ 300Mi( ≠ <button class="use-vpa"[^>]*>Use VPA's<\/button>)?<\/td>/);
    assert.match(html, /<td title="HPA hpa-demo scales[^"]*">200 \(HPA\)<\/td>/);
    assert.match(html, /<details class="why"><summary>Why this target<\/summary><ul><li>History: [\d,]+ samples over \d+\.\d days<\/li>/);
    assert.match(html, /<li>OOM kills: \d+ in 8 days, the largest bumped to \d+Mi/);
    assert.match(html, /<li>Set by: CPU the HPA \(request kept\), memory (usage|the minimum)<\/li>/);
    assert.match(html, /<li>VPA vpa-demo: 350m \/ 300Mi/);
    // A target the minimum set says so in its cell; an HPA-held one says HPA instead.
    const minimums = report.rows().flatMap((candidate) => (['cpu', 'memory'] as const).filter((resource) => candidate.explanation?.setBy[resource] === 'minimum' && !candidate.hpa.some((advice) => advice.resource === resource)));
    assert.equal(html.match(/ \(min\)<\/td>/g)?.length ?? 0, minimums.length);
    report.panel.dispose();
  });

  it("offers Use VPA's where the VPA differs from ours, and copies its requests as YAML", async () => {
    const report = await vscode.commands.executeCommand<RightSizingReport>(Commands.showRightSizingReport);
    await report.autoscalersLoaded;
    const differing = report.rows().filter((row) => row.vpa !== undefined && (row.vpa.differs.cpu || row.vpa.differs.memory));
    assert.equal(report.html().match(/<button class="use-vpa"/g)?.length ?? 0, differing.length);
    await vscode.env.clipboard.writeText('');
    await report.receive({ type: 'useVpa', namespace: 'default', workload: 'vpa-demo', container: 'app' });
    assert.equal(await vscode.env.clipboard.readText(), 'resources:\n  requests:\n    cpu: 350m\n    memory: 300Mi\n');
    await vscode.env.clipboard.writeText('');
    await report.receive({ type: 'useVpa', namespace: 'default', workload: 'oom-demo', container: 'app' });
    assert.equal(await vscode.env.clipboard.readText(), '', 'no VPA, nothing copied');
    report.panel.dispose();
  });

  it('follows the minimum settings: a 4096 MiB pod minimum sets the memory target, and the default comes back', async () => {
    const usage = api.clusters.get().usage!;
    const memoryOf = () => usageOf('vpa-demo')?.recommendation?.target.memory ?? 0;
    const before = memoryOf();
    assert.ok(before < 4096 * MIB, String(before));
    try {
      await setting.update(Settings.allocatorPodMinMemory, 4096, vscode.ConfigurationTarget.Global);
      await whenTrue((listener) => usage.onDidChange(listener), () => memoryOf() === 4096 * MIB, 'the 4096 MiB minimum', 10_000);
      assert.equal(usageOf('vpa-demo')?.explanation?.setBy.memory, 'minimum');
    } finally {
      await setting.update(Settings.allocatorPodMinMemory, undefined, vscode.ConfigurationTarget.Global);
    }
    await whenTrue((listener) => usage.onDidChange(listener), () => memoryOf() < 4096 * MIB, 'the default minimum again', 10_000);
  });

  it('shows the VPA row, the suggested limits and the reasons in the hover over resources:', async () => {
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: vpa-demo, namespace: default}',
      'spec:',
      '  selector: {matchLabels: {app: vpa-demo}}',
      '  template:',
      '    metadata: {labels: {app: vpa-demo}}',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        image: ghcr.io/acme/shop:2.4.1',
      '        resources:',
      '          requests: {cpu: 500m, memory: 512Mi}',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: manifest });
    const line = document.getText().split('\n').findIndex((text) => text.trim() === 'resources:');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 10));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /\| VPA `vpa-demo` \(cluster\) \| 350m( ≠)? \| 300Mi( ≠)? \|/);
    assert.match(text, /\| Limit suggested \| \d+m \| \d+Mi \|/);
    assert.match(text, /^- cpu: P90 of [\d,]+ samples over \d+\.\d days/m);
  });
});
