// Completion and hover on a custom resource whose CRD is only in the connected cluster (no CRD file in
// the workspace): its openAPIV3Schema is read from the cluster when the document first needs it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { crdManifest } from '../../src/sim/crd-manifest.ts';
import { simSuite } from './sim-suite.ts';

describe('Authoring with the cluster\'s CRD schemas', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 1, pods: 0, seed: 15 });
  const schema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        description: 'What the backup should keep.',
        required: ['schedule'],
        properties: {
          schedule: { type: 'string', description: 'When the backup runs, in cron syntax.' },
          retention: { type: 'string', enum: ['week', 'month', 'year'], description: 'How long copies are kept.' },
        },
      },
    },
  };

  before(async () => {
    const crd = crdManifest('backup.example.io', 'Backup', 'backups');
    const spec = crd['spec'] as { versions: { schema: unknown }[] };
    spec.versions[0]!.schema = { openAPIV3Schema: schema };
    await suite.apply(crd);
    await suite.until(() => [...suite.connection().crds.values()].some((served) => served.kind === 'Backup'), 'the Backup CRD in the cache');
  });

  it('completes the custom resource\'s keys and values and documents them on hover', async () => {
    const text = 'apiVersion: backup.example.io/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  retention: \n  \n';
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(document);
    const at = (marker: string, column: number) => document.positionAt(text.indexOf(marker) + column);
    const labels = async (position: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)).items
        .filter((item) => item.detail !== undefined)
        .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual((await labels(at('  \n', 2))).filter((label) => label === 'schedule'), ['schedule'], 'the required key below spec');
    assert.deepEqual((await labels(at('retention: ', 'retention: '.length))).filter((label) => ['week', 'month', 'year'].includes(label)).sort(), ['month', 'week', 'year']);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('retention', 3));
    const shown = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(shown, /How long copies are kept\./);
    // Unsaved: closed without the save question (a dialog the smoke-test driver refuses).
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
