// Events in the Explorer and in the commands' outcomes, against the simulated cluster: a pod that no
// node can hold gets a warning (row text, badge URI, Events child, the Warnings group), Deploy Image
// and Apply name the scheduler's event, a CronJob's row opens to its Jobs' pods and counts their
// warnings, and a 10,000-event burst stays within the tree's refresh budget and the event cache's bound.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { jobFromCronJob } from '../../src/core/manifests/job-from-cronjob.ts';
import type { Element, ElementOf } from '../../src/vscode/explorer/elements.ts';
import { Commands } from '../../src/vscode/ids.ts';
import { answered } from './command-answers.ts';
import { whenTrue } from './extension-api.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

const HUNGRY = 'hungry';

/** A Deployment whose one pod asks for more CPU than any node has. */
const hungryDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { namespace: 'default', name: HUNGRY },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: HUNGRY } },
    template: { metadata: { labels: { app: HUNGRY } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3', resources: { requests: { cpu: '500', memory: '64Mi' } } }] } },
  },
};

describe('Events on the simulated cluster', function () {
  this.timeout(90_000);
  const suite = simSuite({ nodes: 2, pods: 6, seed: 17 });

  const children = (element?: Element): Element[] => suite.api.explorer.getChildren(element);
  const item = (element: Element): vscode.TreeItem => suite.api.explorer.getTreeItem(element);
  const label = (element: Element): string => String(item(element).label);
  const description = (element: Element): string => String(item(element).description ?? '');
  const treeUntil = (check: () => boolean, what: string, timeoutMs?: number): Promise<void> => whenTrue(suite.api.explorer.onDidChangeTreeData, check, what, timeoutMs);
  const contextRow = (): Element | undefined => children().find((element) => element.type === 'context' && element.context === CONTEXT);
  const ofType = <K extends Element['type']>(parent: Element | undefined, type: K): ElementOf<K> | undefined => (parent === undefined ? undefined : (children(parent).find((element) => element.type === type) as ElementOf<K> | undefined));

  /** A workload's row: context → Workloads → default → its kind → its name. */
  function workloadRow(kindName: string, name: string): ElementOf<'workload'> | undefined {
    const namespace = children(ofType(contextRow(), 'workloads')).find((element) => element.type === 'namespace' && element.namespace === 'default');
    const kind = namespace && children(namespace).find((element) => element.type === 'kind' && element.kind === kindName);
    return (kind && children(kind).find((element) => element.type === 'workload' && element.name === name)) as ElementOf<'workload'> | undefined;
  }
  const hungryRow = (): ElementOf<'workload'> | undefined => workloadRow('Deployment', HUNGRY);
  const hungryPod = (): ElementOf<'pod'> | undefined => ofType(hungryRow(), 'pod');

  before(async () => {
    await suite.apply(hungryDeployment);
    await suite.until(() => [...suite.connection().pods.values()].some((pod) => pod.meta.name.startsWith(`${HUNGRY}-`) && pod.reason === 'Unschedulable'), 'the hungry pod to be Unschedulable');
  });

  it('shows a pod that cannot be scheduled with its warning: row text, tooltip, badge and its FailedScheduling event in its Events child', async () => {
    await treeUntil(() => /\b1 warning\b/.test(description(hungryPod() ?? contextRow()!)), "the pod row's warning count");
    const pod = hungryPod()!;
    // Event text is escaped in the Markdown tooltip (spaces as &nbsp;).
    const tooltip = (item(pod).tooltip as vscode.MarkdownString).value.replaceAll('&nbsp;', ' ');
    assert.match(tooltip, /1 warning in the last hour; last: FailedScheduling: 0\/2 nodes are available/);
    // The badge: EventDecorations answers for this URI with the count the provider gives.
    assert.equal(item(pod).resourceUri?.scheme, 'kube-workbench-object');
    assert.equal(suite.api.explorer.warningCount(CONTEXT, { kind: 'Pod', namespace: 'default', name: pod.name }), 1);
    assert.match(description(hungryRow()!), /· 1 warning$/, 'the Deployment counts its pods\' warnings');
    assert.equal(item(pod).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const events = ofType(pod, 'events');
    assert.ok(events, 'an Events child');
    assert.match(description(events), /^\d+ · 1 warning$/);
    const scheduling = children(events).find((row) => label(row) === 'FailedScheduling');
    assert.ok(scheduling, children(events).map(label).join(', '));
    assert.match(description(scheduling), /^Warning · \d+s · ×\d+ · 0\/2 nodes are available: .*Insufficient cpu/);
    assert.equal((item(scheduling).iconPath as vscode.ThemeIcon).id, 'warning');
  });

  it('lists the warning in the context\'s Warnings group, naming its pod, newest first, a click describing it', async () => {
    const group = ofType(contextRow(), 'warnings');
    assert.ok(group);
    assert.match(description(group), /^\d+ in the last hour$/);
    const rows = children(group);
    const row = rows.find((element) => label(element) === 'FailedScheduling' && description(element).includes(`Pod/default/${HUNGRY}-`));
    assert.ok(row, rows.map(description).join(' | '));
    assert.equal(item(row).command?.command, Commands.describe);
    const seen = rows.map((element) => (element.type === 'event' ? suite.connection().events.forObject(element.kind, element.namespace, element.name).find((event) => event.meta.name === element.eventName)?.lastSeen ?? 0 : 0));
    assert.deepEqual(seen, seen.toSorted((a, b) => b - a), 'newest first');
  });

  it("shows a node's Warning event on its row and first under it, in an Events child", async () => {
    const { sim } = suite;
    const nodes = ofType(contextRow(), 'nodes');
    await treeUntil(() => ofType(nodes, 'node') !== undefined, 'a node row');
    const node = ofType(nodes, 'node')!;
    const now = sim.clock.timestamp();
    sim.store.create(sim.controllers.types.event, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: 'default', name: `${node.name}.disk` },
      involvedObject: { kind: 'Node', name: node.name },
      type: 'Warning',
      reason: 'FreeDiskSpaceFailed',
      message: 'failed to garbage collect required amount of images',
      count: 3,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'kubelet', host: node.name },
    });
    await treeUntil(() => description(node).endsWith(' · 1 warning'), "the node row's warning count");
    const events = children(node)[0]!;
    assert.equal(events.type, 'events', 'the Events child comes before the pods');
    const rows = children(events);
    assert.deepEqual(rows.map(label), ['FreeDiskSpaceFailed']);
    assert.match(description(rows[0]!), /^Warning · \d+s · ×3 · failed to garbage collect required amount of images$/);
    assert.match(String(item(rows[0]!).tooltip), /from kubelet, /);
  });

  it("opens a CronJob's row to the pods of its Jobs and counts their warnings", async () => {
    const { sim } = suite;
    const connection = suite.connection();
    const task = { restartPolicy: 'Never', containers: [{ name: 'task', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 600'] }] };
    const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { namespace: 'default', name: 'nightly' }, spec: { schedule: '0 0 1 1 *', jobTemplate: { spec: { template: { spec: task } } } } };
    const created = await connection.operations.apply(cronJob, { fieldManager: 'test', force: true, dryRun: false });
    assert.ok(created.ok);
    await suite.apply(jobFromCronJob(created.value as Record<string, unknown>, Date.now()));
    await suite.until(() => connection.podsOwnedBy('CronJob', 'default', 'nightly').length === 1, "the CronJob's pod");
    const pod = connection.podsOwnedBy('CronJob', 'default', 'nightly')[0]!;
    const now = sim.clock.timestamp();
    sim.store.create(sim.controllers.types.event, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: 'default', name: `${pod.meta.name}.probe` },
      involvedObject: { kind: 'Pod', namespace: 'default', name: pod.meta.name },
      type: 'Warning',
      reason: 'Unhealthy',
      message: 'Readiness probe failed',
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'kubelet' },
    });
    await treeUntil(() => description(workloadRow('CronJob', 'nightly') ?? contextRow()!).endsWith(' · 1 warning'), "the CronJob row's warning count");
    const row = workloadRow('CronJob', 'nightly')!;
    assert.match(String(item(row).tooltip), /\n1 pods\n/);
    assert.deepEqual(children(row).map((child) => `${child.type} ${label(child)}`), ['events Events', `pod ${pod.meta.name}`]);
  });

  it("names the scheduler's event in Deploy Image's outcome when no node can hold the workload", async () => {
    const steps = { image: 'nginx:1.27.3', name: 'too-big', namespace: 'default', replicas: '1', port: '', 'CPU request': '500', 'memory request': '128Mi' };
    const { result } = await answered(suite.api, { steps, questions: () => 'Deploy' }, () => vscode.commands.executeCommand<Outcome<{ ready: number; pod?: string }>>(Commands.deployImage));
    assert.equal(result.kind, 'stuck');
    assert.match(result.message, /: Unschedulable: 0\/2 nodes are available: .*Insufficient cpu.* \(event FailedScheduling, pod too-big-[a-z0-9-]+\)/);
  });

  it("says in Apply's outcome which workload is ready and why the other is stuck, in the scheduler's words", async () => {
    const deployment = (name: string, cpu: string): string =>
      [`apiVersion: apps/v1`, 'kind: Deployment', `metadata: {name: ${name}, namespace: default}`, 'spec:', '  replicas: 1', `  selector: {matchLabels: {app: ${name}}}`, '  template:', `    metadata: {labels: {app: ${name}}}`, '    spec:', '      containers:', '      - name: app', '        image: nginx:1.27.3', `        resources: {requests: {cpu: "${cpu}", memory: 64Mi}, limits: {memory: 64Mi}}`, ''].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: [deployment('applied-small', '10m'), deployment('applied-hungry', '500')].join('---\n') });
    await vscode.window.showTextDocument(document);
    type Applied = Outcome<{ rollout?: { workload: string; state: string; text: string }[] }>;
    const { result } = await answered(suite.api, { questions: (question) => question.choices.find((choice) => choice === 'Apply' || choice === 'Apply anyway') }, () => vscode.commands.executeCommand<Applied>(Commands.apply));
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(result.value?.rollout?.map(({ workload, state }) => `${workload} ${state}`), ['Deployment default/applied-small done', 'Deployment default/applied-hungry stuck']);
    assert.match(result.message, /^Applied Deployment default\/applied-small, Deployment default\/applied-hungry to context "kube-workbench-sim"\. Deployment default\/applied-small: 1\/1 ready\. /);
    assert.match(result.message, /Deployment default\/applied-hungry: 0\/1 ready, stuck: Unschedulable: 0\/2 nodes are available: .*Insufficient cpu.* \(event FailedScheduling, pod applied-hungry-[a-z0-9-]+\)\.$/);
    // Apply's diff took the front: the manifest comes back to be reverted and closed.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('keeps a 10,000-event burst within 4 tree refreshes a second and the event cache within its bound', async () => {
    const { sim } = suite;
    const connection = suite.connection();
    const type = sim.controllers.types.event;
    let fires = 0;
    const counter = suite.api.explorer.onDidChangeTreeData(() => (fires += 1));
    const started = Date.now();
    const last = 'burst-9999';
    for (let index = 0; index < 10_000; index += 1) {
      const now = sim.clock.timestamp();
      sim.store.create(type, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { namespace: 'default', name: `burst-${index}` },
        involvedObject: { kind: 'Pod', namespace: 'default', name: `burst-pod-${index % 2_000}` },
        type: index % 2 === 0 ? 'Warning' : 'Normal',
        reason: 'BackOff',
        message: `burst ${index}`,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: 'kubelet' },
      });
    }
    await whenTrue((listener) => connection.events.onDidChange(listener), () => connection.events.forObject('Pod', 'default', 'burst-pod-1999').some((event) => event.meta.name === last), 'the burst in the event cache', 40_000);
    await treeUntil(() => fires > 0, 'a refresh');
    const seconds = (Date.now() - started) / 1000;
    counter.dispose();
    assert.ok(fires <= Math.ceil(seconds * 4) + 1, `${fires} refreshes in ${seconds.toFixed(2)} s`);
    assert.ok(connection.events.size <= connection.events.limits.total, `${connection.events.size} cached events`);
    console.log(`      10,000 events → ${fires} tree refreshes in ${seconds.toFixed(2)} s; ${connection.events.size} cached, ${connection.events.dropped} dropped`);
  });
});
