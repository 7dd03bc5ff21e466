// The Explorer in a real VS Code against the simulated cluster, started inside the extension host.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ApiClient } from '../../src/cluster/api-client.ts';
import { loadKubeconfig } from '../../src/cluster/kubeconfig-loader.ts';
import { crdManifest } from '../../src/sim/crd-manifest.ts';
import { builtinTypes } from '../../src/sim/resources.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import type { Element } from '../../src/vscode/explorer/elements.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

const CONTEXT = 'kube-workbench-sim';
const NODES = 4;

describe('Explorer on the simulated cluster', function () {
  this.timeout(60_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);

  const until = (check: () => boolean, what: string, timeoutMs?: number): Promise<void> => whenTrue(api.explorer.onDidChangeTreeData, check, what, timeoutMs);

  const children = (element?: Element): Element[] => api.explorer.getChildren(element);
  const label = (element: Element): string => String(api.explorer.getTreeItem(element).label);
  const description = (element: Element): string => String(api.explorer.getTreeItem(element).description ?? '');
  const child = (parent: Element | undefined, text: string): Element | undefined => children(parent).find((element) => label(element) === text);
  const group = (type: 'nodes' | 'workloads'): Element => children(child(undefined, CONTEXT)).find((element) => element.type === type)!;
  /** Resolves when the Explorer next redraws `row` (VS Code then asks getTreeItem for it again). */
  const redrawOf = (row: Element): Promise<void> =>
    new Promise((resolve) => {
      const subscription = api.explorer.onDidChangeTreeData((changed) => {
        if (changed !== undefined && !(Array.isArray(changed) ? changed : [changed]).includes(row)) return;
        subscription.dispose();
        resolve();
      });
    });
  const simClient = (): ApiClient => {
    const loaded = loadKubeconfig([sim.kubeconfigPath]);
    assert.ok(loaded.ok);
    return new ApiClient(CONTEXT, loaded.value.forContext(CONTEXT));
  };

  before(async () => {
    sim = await startSim({ nodes: NODES, pods: 24, seed: 11, frozenClock: true, log: () => undefined });
    api = await activateWorkbench();
    // Heartbeat ages are judged on the sim's (frozen) clock: time passes when a test advances it.
    api.explorer.useClock(() => sim.clock.now());
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    api.explorer.useClock(Date.now);
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await sim.close();
  });

  it('lists the contexts of the kubeconfig, the current one expanded', async () => {
    await until(() => child(undefined, CONTEXT) !== undefined, 'the sim context');
    const context = child(undefined, CONTEXT);
    assert.ok(context);
    assert.equal(api.explorer.getTreeItem(context).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    children(context);
    await until(() => /· v1\.32\.\d/.test(description(child(undefined, CONTEXT)!)), 'the server version on the context row');
    assert.ok(child(undefined, 'kube-workbench-sim-readonly'), 'the read-only context is listed too');
  });

  it('shows every node with its health word first, pod count and requested CPU, short enough for the sidebar', async () => {
    const nodes = group('nodes');
    await until(() => children(nodes).filter((element) => element.type === 'node').length === NODES, `${NODES} nodes`);
    assert.equal(description(nodes), String(NODES));
    for (const node of children(nodes)) {
      assert.match(description(node), /^Ready · \d+ pods? · cpu \d+%$/);
      assert.ok(description(node).length <= 30, description(node));
      assert.match(String((api.explorer.getTreeItem(node).tooltip as vscode.MarkdownString).value), /pods \d+\/110/);
    }
    assert.deepEqual(children(nodes).map(label), children(nodes).map(label).toSorted(), 'Ready nodes by name');
  });

  it('shows the pods on a node, and drops one that is deleted', async () => {
    const nodes = children(child(undefined, CONTEXT)).find((element) => element.type === 'nodes')!;
    const node = children(nodes).find((element) => children(element).length > 0);
    assert.ok(node, 'a node with pods');
    const pod = children(node)[0];
    assert.ok(pod?.type === 'pod');
    assert.match(description(pod), new RegExp(`^\\w+ · \\d+/\\d+ ready · .*${pod.namespace}$`));
    const podType = builtinTypes.find((type) => type.plural === 'pods')!;
    sim.store.delete(podType, pod.namespace, pod.name);
    await until(() => !children(node).some((element) => element.id === pod.id), 'the deleted pod to leave the tree');
  });

  it('puts a node whose heartbeat stops first, Unknown and counted on the Nodes row, its heartbeat age advancing', async () => {
    const nodes = group('nodes');
    // The last by name: only the health order can bring it to the top.
    const lost = children(nodes).map(label).at(-1)!;
    sim.applyFault({ type: 'stopHeartbeat', node: lost });
    sim.advance(60_000);
    api.explorer.rejudgeNodes();
    await until(() => label(children(nodes)[0]!) === lost && description(nodes) === `${NODES} · 1 Unknown`, `${lost} first, Unknown, and counted`);
    const row = children(nodes)[0]!;
    const age = (): number => Number(/^Unknown · (\d+) s ago · \d+ pods?$/.exec(description(row))?.[1]);
    const before = age();
    assert.ok(before >= 50, description(row));
    assert.match(String((api.explorer.getTreeItem(row).tooltip as vscode.MarkdownString).value), new RegExp(`last heartbeat ${before} s ago`));
    const item = api.explorer.getTreeItem(row);
    assert.equal((item.iconPath as vscode.ThemeIcon).color?.id, 'errorForeground');
    assert.equal(item.resourceUri?.scheme, 'kube-workbench-node', 'the row carries the URI its badge is keyed by');
    for (const other of children(nodes).slice(1)) assert.match(description(other), /^Ready/);
    // No event comes from a dead kubelet: the ticker's re-judgement alone redraws the row, its age moved on.
    sim.advance(30_000);
    const redrawn = redrawOf(row);
    api.explorer.rejudgeNodes();
    await redrawn;
    assert.equal(age(), before + 30);
    assert.match(String((api.explorer.getTreeItem(row).tooltip as vscode.MarkdownString).value), new RegExp(`last heartbeat ${before + 30} s ago`));
    // Later cases must not depend on this one: the kubelet comes back and the node is Ready again.
    sim.applyFault({ type: 'resumeHeartbeat', node: lost });
    sim.advance(10_000);
    api.explorer.rejudgeNodes();
    await until(() => description(nodes) === String(NODES), 'every node Ready again');
  });

  it('lists workloads by namespace and kind', async () => {
    const workloads = children(child(undefined, CONTEXT)).find((element) => element.type === 'workloads')!;
    await until(() => children(workloads).length > 0, 'namespaces');
    const namespace = children(workloads).find((element) => children(element).length > 0)!;
    const kinds = children(namespace).map(label);
    assert.ok(kinds.length > 0);
    // The workload kinds that have objects, then a group per kind listed on demand (explorer-kinds.test.ts).
    const listed = ['Ingresses', 'NetworkPolicies', 'HorizontalPodAutoscalers', 'PodDisruptionBudgets', 'PersistentVolumeClaims', 'Secrets', 'ServiceAccounts'];
    assert.deepEqual(kinds.slice(-listed.length), listed);
    for (const kind of kinds.slice(0, -listed.length)) assert.match(kind, /^(Deployments|StatefulSets|DaemonSets|Jobs|CronJobs|Services|ConfigMaps)$/);
  });

  it('shows a user confined to one namespace a 403 row under Nodes and that namespace\'s workloads', async () => {
    const context = (): Element => child(undefined, 'kube-workbench-sim-team-a')!;
    const group = (type: 'nodes' | 'workloads'): Element | undefined => children(context()).find((element) => element.type === type);
    await until(() => children(group('nodes')).some((element) => element.type === 'status'), 'the forbidden row');
    const [row] = children(group('nodes'));
    assert.ok(row?.type === 'status');
    assert.match(row.message, /^forbidden \(403\): not allowed to list nodes in context "kube-workbench-sim-team-a"/);
    await until(
      () => /namespace team-a only/.test(description(group('workloads')!)) && children(group('workloads')).length > 0,
      'the Workloads row narrowed to team-a, with its workloads listed',
    );
    assert.deepEqual(children(group('workloads')).map(label), ['team-a']);
  });

  it('groups custom resources by API group once a CRD exists', async () => {
    const client = simClient();
    const crd = await client.request('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      method: 'POST',
      verb: 'create',
      resource: 'customresourcedefinitions',
      body: crdManifest('cert.example.io', 'Certificate', 'certificates'),
    });
    assert.ok(crd.ok);
    const created = await client.request('/apis/cert.example.io/v1/namespaces/default/certificates', {
      method: 'POST',
      verb: 'create',
      resource: 'certificates',
      body: { apiVersion: 'cert.example.io/v1', kind: 'Certificate', metadata: { name: 'shop-tls' }, spec: {} },
    });
    assert.ok(created.ok);
    const context = (): Element => child(undefined, CONTEXT)!;
    await until(() => child(context(), 'Custom resources') !== undefined, 'the Custom resources row');
    const group = (): Element | undefined => child(child(context(), 'Custom resources'), 'cert.example.io');
    const kind = (): Element | undefined => (group() === undefined ? undefined : child(group(), 'Certificate'));
    await until(() => kind() !== undefined && children(kind()).some((element) => label(element) === 'shop-tls'), 'the certificate in its group');
    assert.match(description(kind()!), /^1 · v1$/);
  });

  it('filters by name and clears the filter', async () => {
    const nodes = children(child(undefined, CONTEXT)).find((element) => element.type === 'nodes')!;
    const target = children(nodes)[1]!;
    await vscode.commands.executeCommand(Commands.filterExplorer, label(target));
    assert.deepEqual(children(nodes).map(label), [label(target)]);
    assert.equal(api.explorerView.message, `Filter: ${label(target)}`);
    await vscode.commands.executeCommand(Commands.clearFilter);
    assert.equal(children(nodes).length, NODES);
  });

  it('opens a Deployment to exactly its pods: "web" and "web-api" each show only their own', async () => {
    const client = simClient();
    for (const [name, replicas] of [['web', 2], ['web-api', 1]] as const) {
      const labels = { app: name };
      const created = await client.request('/apis/apps/v1/namespaces/default/deployments', {
        method: 'POST',
        verb: 'create',
        resource: 'deployments',
        body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } },
      });
      assert.ok(created.ok, created.ok ? '' : created.error.message);
    }
    sim.settle();
    const deployment = (name: string): Element | undefined => child(child(child(group('workloads'), 'default'), 'Deployments'), name);
    const podsOf = (name: string): Element[] => {
      const row = deployment(name);
      // Its Events child (ScalingReplicaSet) comes first; the pods follow.
      return row === undefined ? [] : children(row).filter((element) => element.type === 'pod');
    };
    await until(() => podsOf('web').length === 2 && podsOf('web-api').length === 1, 'two pods under web and one under web-api');
    const cached = [...api.clusters.get().connection(CONTEXT)!.pods.byIndex('namespace', 'default')];
    const owned = (prefix: RegExp): string[] => cached.filter((pod) => prefix.test(pod.meta.owner?.name ?? '')).map((pod) => pod.meta.name).sort();
    assert.deepEqual(podsOf('web').map(label), owned(/^web-[a-z0-9]+$/));
    assert.deepEqual(podsOf('web-api').map(label), owned(/^web-api-[a-z0-9]+$/));
    assert.equal(api.explorer.getTreeItem(deployment('web')!).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    for (const pod of podsOf('web')) assert.equal(api.explorer.getTreeItem(pod).contextValue, 'kubeWorkbench.pod', 'pod rows keep their menus (logs, describe)');
  });

  it('coalesces a burst of 10,000 watch events into at most 4 refreshes a second', async () => {
    const leaseType = builtinTypes.find((type) => type.plural === 'leases')!;
    const connection = api.clusters.get().connection(CONTEXT)!;
    let fires = 0;
    let changes = 0;
    const counter = api.explorer.onDidChangeTreeData(() => (fires += 1));
    const seen = connection.onDidChange(() => (changes += 1));
    const started = Date.now();
    const names = [...connection.nodes.values()].map((node) => node.meta.name);
    for (let index = 0; index < 10_000; index += 1) {
      const name = names[index % names.length]!;
      const lease = sim.store.get(leaseType, 'kube-node-lease', name)!;
      sim.store.update(leaseType, { ...lease, spec: { ...(lease['spec'] as object), renewTime: new Date(started + index).toISOString() } });
    }
    await until(() => changes >= 10_000, 'all 10,000 events to reach the cache', 40_000);
    await until(() => fires > 0, 'a refresh');
    const seconds = (Date.now() - started) / 1000;
    counter.dispose();
    seen.dispose();
    assert.ok(fires <= Math.ceil(seconds * 4) + 1, `${fires} refreshes in ${seconds.toFixed(2)} s`);
    console.log(`      10,000 events → ${fires} tree refreshes in ${seconds.toFixed(2)} s`);
  });

  it('shows Switch Namespace in the Workloads group (current first, marked, open) and offers context and namespace in the status bar', async () => {
    const namespaces = (): Element[] => children(group('workloads'));
    const first = (): Element => namespaces()[0]!;
    assert.equal(label(first()), 'default');
    assert.match(description(first()), /^current · /);
    assert.equal(api.explorer.getTreeItem(first()).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const { context, namespace } = api.statusBar;
    assert.deepEqual([context.command, namespace.command], [Commands.switchContext, Commands.switchNamespace]);
    assert.deepEqual([context.text, namespace.text], [`$(cloud) ${CONTEXT}`, '$(symbol-namespace) default']);
    const chosen = label(namespaces().at(-1)!);
    assert.notEqual(chosen, 'default');
    assert.equal(api.explorer.getTreeItem(namespaces().at(-1)!).contextValue, 'kubeWorkbench.namespace.switchable');
    try {
      assert.equal(await vscode.commands.executeCommand(Commands.switchNamespace, chosen), chosen);
      // The kubeconfig changed, so the connection is opened again: its kinds show once its workloads are listed.
      await until(() => label(first()) === chosen && description(first()).startsWith('current · ') && children(first()).some((row) => row.type === 'kind'), `${chosen} first, marked current, its kinds listed`);
      assert.equal(api.explorer.getTreeItem(first()).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const defaultRow = namespaces().find((element) => label(element) === 'default')!;
      assert.doesNotMatch(description(defaultRow), /current/);
      assert.equal(api.explorer.getTreeItem(defaultRow).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.equal(namespace.text, `$(symbol-namespace) ${chosen}`);
    } finally {
      await vscode.commands.executeCommand(Commands.switchNamespace, 'default');
    }
  });
});

describe('Explorer errors as rows', function () {
  this.timeout(60_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const folder = (): string => vscode.workspace.workspaceFolders![0]!.uri.fsPath;

  before(async () => {
    sim = await startSim({ nodes: 1, pods: 2, seed: 4, log: () => undefined });
    api = await activateWorkbench();
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await sim.close();
  });

  async function rowsUntil(rowsNow: () => Element[], check: (rows: Element[]) => boolean, what: string): Promise<Element[]> {
    await whenTrue(api.explorer.onDidChangeTreeData, () => check(rowsNow()), what);
    return rowsNow();
  }


  it('shows a kubeconfig that does not parse as one row naming the file and line', async () => {
    const path = `${folder()}/broken-kubeconfig.yaml`;
    writeFileSync(path, 'apiVersion: v1\nclusters:\n  - name: a\n    cluster: {server: [\n');
    await setting.update(Settings.kubeconfig, path, vscode.ConfigurationTarget.Global);
    const [row] = await rowsUntil(() => api.explorer.getChildren(), (rows) => rows[0]?.type === 'status', 'the kubeconfig error row');
    assert.ok(row?.type === 'status');
    assert.match(row.message, new RegExp(`kubeconfig does not parse: ${path}:\\d+: `));
    assert.equal(api.explorer.getTreeItem(row).command?.command, Commands.openKubeconfig);
  });

  it('shows rejected credentials under Nodes with "Open kubeconfig", and never the token', async () => {
    const path = `${folder()}/wrong-token-kubeconfig.yaml`;
    writeFileSync(path, readFileSync(sim.kubeconfigPath, 'utf8').replaceAll(sim.tokens.admin, 'wrong-token-4242'));
    await setting.update(Settings.kubeconfig, path, vscode.ConfigurationTarget.Global);
    const context = (): Element | undefined => api.explorer.getChildren().find((element) => element.type === 'context' && element.context === CONTEXT);
    const nodeRows = (): Element[] => {
      const parent = context();
      const nodes = parent === undefined ? undefined : api.explorer.getChildren(parent).find((element) => element.type === 'nodes');
      return nodes === undefined ? [] : api.explorer.getChildren(nodes);
    };
    const [row] = await rowsUntil(nodeRows, (rows) => rows[0]?.type === 'status', 'the 401 row');
    assert.ok(row?.type === 'status');
    assert.match(row.message, /^unauthorised \(401\)/);
    const item = api.explorer.getTreeItem(row);
    assert.equal(item.command?.command, Commands.openKubeconfig);
    for (const text of [row.message, String(item.label), String(item.description), String(item.tooltip)]) assert.ok(!text.includes('wrong-token-4242'));
  });
});
