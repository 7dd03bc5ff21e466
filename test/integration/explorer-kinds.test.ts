// The kinds the Explorer lists beside workloads, in a real VS Code against the simulated cluster with
// the showcase seeded (src/sim/showcase.ts): each group lists nothing until expanded, then its rows
// say what the object does; Describe opens each kind, Delete removes one; an HPA shows on the row of
// the Deployment it scales; a user who may not list a kind sees a 403 row; a long group is paged
// and its burst of changes coalesced.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ListedKind } from '../../src/core/cluster/listed-kinds.ts';
import { builtinTypes } from '../../src/sim/resources.ts';
import { seedShowcase } from '../../src/sim/showcase.ts';
import type { Element } from '../../src/vscode/explorer/elements.ts';
import { Commands } from '../../src/vscode/ids.ts';
import { answered } from './command-answers.ts';
import { whenTrue } from './extension-api.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

const NAMESPACE = 'team-a';

describe('Explorer: Ingresses, HPAs, RBAC, storage and the other listed kinds', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 2, pods: 12, seed: 8 });
  let app = '';

  const children = (element?: Element): Element[] => suite.api.explorer.getChildren(element);
  const item = (element: Element): vscode.TreeItem => suite.api.explorer.getTreeItem(element);
  const label = (element: Element): string => String(item(element).label);
  const description = (element: Element): string => String(item(element).description ?? '');
  const child = (parent: Element | undefined, text: string): Element | undefined => (parent === undefined ? undefined : children(parent).find((element) => label(element) === text));
  const until = (check: () => boolean, what: string, timeoutMs?: number): Promise<void> => whenTrue(suite.api.explorer.onDidChangeTreeData, check, what, timeoutMs);
  const contextRow = (context = CONTEXT): Element | undefined => children().find((element) => element.type === 'context' && element.context === context);
  const namespaceRow = (context = CONTEXT, namespace = NAMESPACE): Element | undefined => child(child(contextRow(context), 'Workloads'), namespace);
  /** The row named `name` under the path of labels from the context row, once it is there. */
  async function rowAt(path: readonly string[], name: string, context = CONTEXT): Promise<Element> {
    const find = (): Element | undefined => child(path.reduce<Element | undefined>((parent, text) => child(parent, text), contextRow(context)), name);
    await until(() => find() !== undefined, `${[...path, name].join(' → ')}`);
    return find()!;
  }

  before(async () => {
    const deployments = builtinTypes.find((type) => type.plural === 'deployments')!;
    app = suite.sim.store.scan(deployments, { namespace: NAMESPACE }).next().value!.object.metadata.name!;
    seedShowcase(suite.sim.store, NAMESPACE, app);
    await until(() => namespaceRow() !== undefined, `namespace ${NAMESPACE} under Workloads`);
  });

  it('lists no listed kind until its group is expanded; the namespace shows a group for each', async () => {
    const connection = suite.connection();
    assert.deepEqual(children(namespaceRow()).map(label).slice(-7), ['Ingresses', 'NetworkPolicies', 'HorizontalPodAutoscalers', 'PodDisruptionBudgets', 'PersistentVolumeClaims', 'Secrets', 'ServiceAccounts']);
    for (const kind of ['Ingress', 'NetworkPolicy', 'Secret', 'ClusterRole', 'StorageClass'] as const) assert.equal(connection.demanded(kind), false, kind);
    const ingresses = child(namespaceRow(), 'Ingresses')!;
    assert.equal(description(ingresses), '', 'no count before it is listed');
    const row = await rowAt(['Workloads', NAMESPACE, 'Ingresses'], app);
    assert.equal(connection.demanded('Ingress'), true);
    assert.equal(description(row), `${app}.example.test → ${app}`);
    assert.match(String(item(row).tooltip), new RegExp(`^Ingress ${NAMESPACE}/${app}\\nclass nginx\\n${app}\\.example\\.test/ \\(Prefix\\) → ${app}:80$`));
    assert.equal(item(row).contextValue, 'kubeWorkbench.object.Ingress');
    await until(() => description(child(namespaceRow(), 'Ingresses')!) === '1', 'the Ingresses count');
    assert.equal(connection.demanded('NetworkPolicy'), false, 'expanding Ingresses lists only Ingresses');
  });

  it('says what each object of the namespace does, a Secret by type and key count only', async () => {
    const expected: readonly [string, string, RegExp][] = [
      ['NetworkPolicies', `${app}-ingress`, new RegExp(`^pods app=${app} · Ingress$`)],
      ['HorizontalPodAutoscalers', app, new RegExp(`^Deployment ${app} · 2–10 · cpu [^ ]+/60%`)],
      ['PodDisruptionBudgets', app, /^min available 1 · \d+ disruptions? allowed$/],
      ['PersistentVolumeClaims', `${app}-data`, /^Bound · 10Gi · standard$/],
      ['Secrets', `${app}-credentials`, /^Opaque · 2 keys$/],
      ['ServiceAccounts', 'default', /^$/],
    ];
    for (const [group, name, pattern] of expected) assert.match(description(await rowAt(['Workloads', NAMESPACE, group], name)), pattern, `${group} ${name}`);
    const secret = await rowAt(['Workloads', NAMESPACE, 'Secrets'], `${app}-credentials`);
    const shown = `${description(secret)}\n${String(item(secret).tooltip)}`;
    for (const hidden of ['not-a-real-password', Buffer.from('not-a-real-password').toString('base64'), 'username']) assert.ok(!shown.includes(hidden), hidden);
  });

  it('shows an HPA on the row of the Deployment it scales', async () => {
    const deployment = await rowAt(['Workloads', NAMESPACE, 'Deployments'], app);
    await until(() => / · HPA 2–10 · cpu 60%$/.test(description(deployment)), `the HPA on ${app}'s row`);
    assert.match(String(item(deployment).tooltip), /scaled by HPA 2–10 · cpu 60%/);
    assert.equal(item(deployment).contextValue, 'kubeWorkbench.workload.Deployment', 'Scale stays on the workload row');
  });

  it('lists access under Access: ClusterRoles, their bindings, and each namespace\'s Roles and RoleBindings', async () => {
    assert.match(description(await rowAt(['Access', 'ClusterRoles'], 'kube-workbench-viewer')), /^1 rule$/);
    assert.equal(description(await rowAt(['Access', 'ClusterRoleBindings'], 'kube-workbench-viewers')), 'Group kube-workbench:viewers → ClusterRole kube-workbench-viewer');
    assert.equal(description(await rowAt(['Access', NAMESPACE, 'RoleBindings'], `${app}-reader`)), `ServiceAccount ${NAMESPACE}/${app} → Role ${app}-reader`);
    const role = await rowAt(['Access', NAMESPACE, 'Roles'], `${app}-reader`);
    assert.equal(String(item(role).tooltip), `Role ${NAMESPACE}/${app}-reader\nget, list, watch configmaps, pods`);
    assert.match(description(child(child(contextRow(), 'Access'), NAMESPACE)!), /^1 role · 1 binding$/);
  });

  it('lists cluster-scoped storage, priority and ingress classes under Cluster', async () => {
    assert.match(description(await rowAt(['Cluster', 'StorageClasses'], 'standard')), /^default · sim\.kube-workbench\.io\/hostpath · Delete$/);
    assert.equal(description(await rowAt(['Cluster', 'PersistentVolumes'], `pv-${app}-data`)), `Bound · 10Gi · ${NAMESPACE}/${app}-data`);
    assert.equal(description(await rowAt(['Cluster', 'PriorityClasses'], 'batch-low')), '1000');
    assert.equal(description(await rowAt(['Cluster', 'IngressClasses'], 'nginx')), 'default · k8s.io/ingress-nginx');
  });

  it('describes one object of each listed kind (a Secret\'s values masked)', async () => {
    const rows: readonly (readonly [readonly string[], string, ListedKind])[] = [
      [['Workloads', NAMESPACE, 'Ingresses'], app, 'Ingress'],
      [['Workloads', NAMESPACE, 'NetworkPolicies'], `${app}-ingress`, 'NetworkPolicy'],
      [['Workloads', NAMESPACE, 'HorizontalPodAutoscalers'], app, 'HorizontalPodAutoscaler'],
      [['Workloads', NAMESPACE, 'PodDisruptionBudgets'], app, 'PodDisruptionBudget'],
      [['Workloads', NAMESPACE, 'PersistentVolumeClaims'], `${app}-data`, 'PersistentVolumeClaim'],
      [['Workloads', NAMESPACE, 'Secrets'], `${app}-credentials`, 'Secret'],
      [['Workloads', NAMESPACE, 'ServiceAccounts'], app, 'ServiceAccount'],
      [['Access', NAMESPACE, 'Roles'], `${app}-reader`, 'Role'],
      [['Access', NAMESPACE, 'RoleBindings'], `${app}-reader`, 'RoleBinding'],
      [['Access', 'ClusterRoles'], 'kube-workbench-viewer', 'ClusterRole'],
      [['Access', 'ClusterRoleBindings'], 'kube-workbench-viewers', 'ClusterRoleBinding'],
      [['Cluster', 'StorageClasses'], 'standard', 'StorageClass'],
      [['Cluster', 'PersistentVolumes'], `pv-${app}-data`, 'PersistentVolume'],
      [['Cluster', 'PriorityClasses'], 'batch-low', 'PriorityClass'],
      [['Cluster', 'IngressClasses'], 'nginx', 'IngressClass'],
    ];
    for (const [path, name, kind] of rows) {
      const row = await rowAt(path, name);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(Commands.describe, row);
      const text = editor.document.getText();
      assert.ok(text.includes(name), `${kind} ${name}: ${text.slice(0, 200)}`);
      // The document names the kind (YAML's `kind: X` or kubectl's `Kind: X`) and no read error.
      assert.match(text, new RegExp(`^\\s*kind: +${kind}$`, 'im'), `${kind}: ${text.slice(0, 200)}`);
      assert.doesNotMatch(text.split('\n')[0] ?? '', /: (cannot|unknown kind|not found|forbidden)/, kind);
      if (kind === 'Secret') assert.ok(!text.includes(Buffer.from('not-a-real-password').toString('base64')) && !text.includes('not-a-real-password'), 'no Secret value');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('deletes a NetworkPolicy after confirmation (nothing else named), and its row goes', async () => {
    const row = await rowAt(['Workloads', NAMESPACE, 'NetworkPolicies'], `${app}-ingress`);
    const deleted = await answered(suite.api, { questions: (question) => (question.choices.includes('Delete') ? 'Delete' : undefined) }, () => vscode.commands.executeCommand<{ ok: boolean; message: string }>(Commands.deleteObject, row));
    assert.equal(deleted.result.ok, true, deleted.result.message);
    assert.deepEqual(deleted.asked.map((question) => question.message), [`Delete NetworkPolicy ${NAMESPACE}/${app}-ingress in context "${CONTEXT}"?`]);
    await until(() => child(child(namespaceRow(), 'NetworkPolicies'), `${app}-ingress`) === undefined, 'the NetworkPolicy row to go');
    assert.equal(description(child(namespaceRow(), 'NetworkPolicies')!), '0');
  });

  it('shows a 403 row for a kind the user may not list, and narrows a namespaced kind to the user\'s namespace', async () => {
    const context = 'kube-workbench-sim-team-a';
    const forbidden = async (path: readonly string[]): Promise<void> => {
      const group = (): Element | undefined => path.reduce<Element | undefined>((parent, text) => child(parent, text), contextRow(context));
      await until(() => group() !== undefined && children(group()!)[0]?.type === 'status', `the 403 row under ${path.join(' → ')}`);
      const [row] = children(group()!);
      assert.ok(row?.type === 'status');
      assert.match(row.message, /^forbidden \(403\): not allowed to list /);
      assert.match(description(group()!), /unavailable/);
    };
    await forbidden(['Access', 'ClusterRoles']);
    await forbidden(['Cluster', 'StorageClasses']);
    assert.equal(description(await rowAt(['Workloads', NAMESPACE, 'Ingresses'], app, context)), `${app}.example.test → ${app}`);
  });

  it('pages a long group, its burst of 600 new objects coalesced into at most 4 redraws a second', async () => {
    const secrets = builtinTypes.find((type) => type.plural === 'secrets')!;
    const group = (): Element => child(namespaceRow(CONTEXT, NAMESPACE), 'Secrets')!;
    const before = suite.connection().listed.Secret.countByIndex('namespace', NAMESPACE);
    let fires = 0;
    const counter = suite.api.explorer.onDidChangeTreeData(() => (fires += 1));
    const started = Date.now();
    try {
      for (let index = 0; index < 600; index += 1) {
        suite.sim.store.create(secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: `bulk-${String(index).padStart(4, '0')}`, namespace: NAMESPACE }, type: 'Opaque', data: { key: 'dmFsdWU=' } });
      }
      await until(() => description(group()) === String(before + 600), 'all 600 Secrets counted');
    } finally {
      counter.dispose();
    }
    const seconds = (Date.now() - started) / 1000;
    assert.ok(fires <= Math.ceil(seconds * 4) + 1, `${fires} refreshes in ${seconds.toFixed(2)} s`);
    const rows = children(group());
    assert.equal(rows.length, 501);
    assert.equal(rows.at(-1)?.type, 'more');
    assert.equal(label(rows.at(-1)!), `Show ${before + 100} more`);
    assert.equal(description(rows.at(-1)!), `${before + 100} not shown`);
  });
});
