// The commands' inputs as a new user meets them: Deploy Image as one multi-step input driven through
// VS Code's own QuickInput commands (Enter, Back), its read-only preview of a manifest our linter
// finds nothing in, Scale's box pre-filled with the current replicas, and Delete's confirmation,
// which no command argument can skip.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownStep } from '../../src/vscode/commands/command-ui.ts';
import { Commands, PREVIEW_SCHEME } from '../../src/vscode/ids.ts';
import { answered, nextStep, quickInput, seamOf } from './command-answers.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

describe('Command inputs', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 2, pods: 6, seed: 61 });
  const connection = () => suite.connection();

  before(async () => {
    await suite.until(() => connection().workloads.Deployment.size > 0, 'Deployments in the cache');
  });

  /** Types `text` into the shown step (when given), presses Enter, and resolves with the step shown next. */
  async function enter(step: ShownStep, text?: string): Promise<ShownStep> {
    const next = nextStep(suite.api);
    if (text !== undefined) step.input.value = text;
    await quickInput.accept();
    return next;
  }

  it('deploys through one multi-step input: counted steps, values pre-filled and selected, Back keeping the answer', async () => {
    let preview: vscode.TextDocument | undefined;
    seamOf(suite.api).answerQuestions(() => {
      preview = vscode.window.activeTextEditor?.document;
      return 'Deploy';
    });
    const first = nextStep(suite.api);
    const deployed = vscode.commands.executeCommand<Outcome<{ ready: number }>>(Commands.deployImage);
    const image = await first;
    assert.deepEqual([image.input.title, image.input.step, image.input.totalSteps, image.input.buttons.length], ['Deploy image: image', 1, 7, 0]);
    const input = image.input as vscode.InputBox;
    assert.match(input.prompt ?? '', /^Image reference, e.g\. /);
    assert.equal(input.placeholder, undefined, 'no grey text that looks like a value');
    const name = (await enter(image, 'nginx:1.27.3')).input as vscode.InputBox;
    assert.deepEqual([name.title, name.step, name.value, name.valueSelection, name.buttons[0]], ['Deploy image: name', 2, 'nginx', [0, 5], vscode.QuickInputButtons.Back]);
    const back = nextStep(suite.api);
    await quickInput.back();
    const imageAgain = await back;
    const again = imageAgain.input as vscode.InputBox;
    assert.deepEqual([again.title, again.step, again.value, again.valueSelection], ['Deploy image: image', 1, 'nginx:1.27.3', [0, 12]]);
    let step = await enter(await enter(imageAgain), 'multi-step');
    assert.equal(step.name, 'namespace');
    step = await enter(step);
    assert.deepEqual([step.name, step.input.value], ['replicas', '2']);
    step = await enter(await enter(step), '8080');
    assert.deepEqual([step.name, step.input.value], ['CPU request', '100m']);
    step = await enter(step);
    assert.deepEqual([step.name, step.input.value, step.input.step], ['memory request', '128Mi', 7]);
    await quickInput.accept();
    const done = await deployed;
    assert.equal(done.ok, true, done.message);
    assert.deepEqual(done.value, { ready: 2 });
    assert.equal(connection().workloads.Deployment.get('default', 'multi-step')?.desired, 2);
    // The preview was a read-only document: never dirty, closing it asks nothing.
    assert.equal(preview?.uri.scheme, PREVIEW_SCHEME);
    assert.deepEqual([preview?.isDirty, preview?.isUntitled], [false, false]);
  });

  it('previews a manifest our own linter finds nothing in', async () => {
    let text = '';
    const confirm = (): string => {
      text = vscode.window.activeTextEditor?.document.getText() ?? '';
      return 'Deploy';
    };
    const steps = { image: 'nginx:1.27.3', name: 'lint-clean', namespace: 'default', replicas: '3', port: '8080', 'CPU request': undefined, 'memory request': undefined };
    const { result } = await answered(suite.api, { steps, questions: confirm }, () => vscode.commands.executeCommand<Outcome>(Commands.deployImage));
    assert.equal(result.ok, true, result.message);
    assert.match(text, /^kind: Service$(.|\n)*^kind: Deployment$/m);
    // The same text as a manifest of the user's: the editor lints it with every default rule.
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await suite.api.lint.lintDocument(document);
    assert.deepEqual(suite.api.lint.findingsFor(document).map((finding) => `${finding.ruleId}: ${finding.message}`), []);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('starts Scale\'s box with the replicas the workload runs now, selected', async () => {
    const deployment = [...connection().workloads.Deployment.values()].find((each) => each.meta.name !== 'multi-step' && each.meta.name !== 'lint-clean')!;
    const row = { namespace: deployment.meta.namespace, name: deployment.meta.name };
    const current = String(deployment.desired);
    const { result, shown } = await answered(suite.api, { steps: { replicas: current } }, () => vscode.commands.executeCommand<Outcome>(Commands.scale, row));
    assert.equal(result.ok, true, result.message);
    assert.deepEqual(shown, [{ name: 'replicas', value: current, selection: [0, current.length], title: `Scale Deployment ${row.namespace}/${row.name}: replicas` }]);
  });

  it('asks before Delete whatever the arguments say, and deletes nothing when the question is closed', async () => {
    const row = { type: 'workload', id: `wl:${CONTEXT}:default:Deployment/lint-clean`, context: CONTEXT, namespace: 'default', kind: 'Deployment', name: 'lint-clean' } as const;
    // The old public answer (`confirmed = true`) as a command link would pass it.
    const { result, asked } = await answered(suite.api, {}, () => vscode.commands.executeCommand<Outcome>(Commands.deleteObject, row, true));
    assert.equal(result.kind, 'cancelled');
    assert.deepEqual(asked.map((question) => [question.message, question.choices, question.warning]), [
      [`Delete Deployment default/lint-clean and everything it owns (its pods) in context "${CONTEXT}"?`, ['Delete'], true],
    ]);
    const read = await connection().operations.get({ kind: 'Deployment', namespace: 'default', name: 'lint-clean' });
    assert.ok(read.ok, 'still there');
  });
});
