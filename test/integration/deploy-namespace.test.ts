// Deploy Image's namespace step: a namespace of the cluster, or a new one, checked and created
// (server-side apply) before the Deployment, against a simulated cluster.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { startSim, type Sim } from '../../src/sim/sim.ts';
import { CONFIG_SECTION, Commands, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench } from './extension-api.ts';

const CONTEXT = 'kube-workbench-sim';

describe('Deploy Image into a new namespace', function () {
  this.timeout(60_000);
  let sim: Sim;
  let api: KubeWorkbenchApi;
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const operations = () => api.clusters.get().connect(CONTEXT)!.operations;
  const answers = { image: 'nginx:1.27.3', name: 'fresh-app', replicas: 1, containerPort: undefined, cpu: '50m', memory: '64Mi', confirmed: true };
  type Deployed = { ok: boolean; ready: number; reason?: string } | undefined;

  before(async () => {
    sim = await startSim({ nodes: 2, pods: 0, seed: 41, log: () => undefined });
    api = await activateWorkbench();
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await sim.close();
  });

  it('refuses a new namespace that is no DNS-1123 label, and creates nothing', async () => {
    assert.equal(await vscode.commands.executeCommand<Deployed>(Commands.deployImage, { ...answers, namespace: 'Fresh_Team', newNamespace: true }), undefined);
    const read = await operations().get({ kind: 'Namespace', namespace: '', name: 'Fresh_Team' });
    assert.equal(read.ok ? 'found' : read.error.kind, 'notFound');
  });

  it('names the missing namespace when the answer is not new and the cluster has no such namespace', async () => {
    const result = await vscode.commands.executeCommand<Deployed>(Commands.deployImage, { ...answers, namespace: 'fresh-team' });
    assert.equal(result?.ok, false);
    assert.match(result.reason ?? '', /fresh-team/);
  });

  it('creates the new namespace, labelled as made by kube-workbench, then deploys into it', async () => {
    const result = await vscode.commands.executeCommand<Deployed>(Commands.deployImage, { ...answers, namespace: 'fresh-team', newNamespace: true });
    assert.deepEqual(result, { ok: true, ready: 1 });
    const namespace = await operations().get({ kind: 'Namespace', namespace: '', name: 'fresh-team' });
    assert.ok(namespace.ok);
    assert.equal((namespace.value as { metadata: { labels: Record<string, string> } }).metadata.labels['app.kubernetes.io/managed-by'], 'kube-workbench');
    assert.ok((await operations().get({ kind: 'Deployment', namespace: 'fresh-team', name: 'fresh-app' })).ok);
  });
});
