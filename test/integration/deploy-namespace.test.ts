// Deploy Image's namespace step: a namespace of the cluster, or a new one, checked and created
// (server-side apply) before the Deployment, against a simulated cluster.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/vscode/ids.ts';
import { answerAndNext, answered, nextStep } from './command-answers.ts';
import { simSuite } from './sim-suite.ts';

describe('Deploy Image into a new namespace', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 2, pods: 0, seed: 41 });
  const operations = () => suite.connection().operations;
  const steps = { image: 'nginx:1.27.3', name: 'fresh-app', replicas: '1', port: '', 'CPU request': '50m', 'memory request': '64Mi' };
  type Deployed = { ok: boolean; kind?: string; message: string; value?: { ready: number } };
  const deploy = (namespace: string) => answered(suite.api, { steps: { ...steps, namespace }, questions: () => 'Deploy' }, () => vscode.commands.executeCommand<Deployed>(Commands.deployImage));

  it('refuses, as it is typed, a new namespace that is no DNS-1123 label, and creates nothing', async () => {
    const { result, refused, asked } = await deploy('Fresh_Team');
    assert.equal(result.kind, 'cancelled');
    assert.match(refused['namespace'] ?? '', /namespace/);
    assert.deepEqual(asked, [], 'no confirmation: the input never finished');
    const read = await operations().get({ kind: 'Namespace', namespace: '', name: 'Fresh_Team' });
    assert.equal(read.ok ? 'found' : read.error.kind, 'notFound');
  });

  it('offers the namespaces of the cluster, the context\'s own first and picked', async () => {
    const first = nextStep(suite.api);
    const deployed = vscode.commands.executeCommand<Deployed>(Commands.deployImage);
    const step = await answerAndNext(suite.api, await answerAndNext(suite.api, await first, 'nginx:1.27.3'), 'fresh-app');
    assert.equal(step.name, 'namespace');
    const pick = step.input as vscode.QuickPick<vscode.QuickPickItem>;
    assert.equal(pick.items[0]?.label, 'default');
    assert.deepEqual(pick.activeItems.map((item) => item.label), ['default']);
    assert.match(pick.title ?? '', /^Deploy image: namespace$/);
    assert.deepEqual([pick.step, pick.totalSteps], [3, 7]);
    pick.hide();
    assert.equal((await deployed).kind, 'cancelled');
  });

  it('creates the new namespace, labelled as made by kube-workbench, then deploys into it', async () => {
    const { result, asked } = await deploy('fresh-team');
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(result.value, { ready: 1 });
    assert.match(asked[0]?.message ?? '', /, creating namespace "fresh-team"\?$/);
    const namespace = await operations().get({ kind: 'Namespace', namespace: '', name: 'fresh-team' });
    assert.ok(namespace.ok);
    assert.equal((namespace.value as { metadata: { labels: Record<string, string> } }).metadata.labels['app.kubernetes.io/managed-by'], 'kube-workbench');
    assert.ok((await operations().get({ kind: 'Deployment', namespace: 'fresh-team', name: 'fresh-app' })).ok);
  });
});
