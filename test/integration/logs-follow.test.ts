// Logs as a user reads them: Show Logs opens at the newest line, and Follow Logs stops when told to:
// the stream is aborted, and the lines the pod writes afterwards never reach its channel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SlimPod } from '../../src/core/cluster/pod-model.ts';
import { podElement } from '../../src/vscode/explorer/rows/pod-row.ts';
import { Commands } from '../../src/vscode/ids.ts';
import { seamOf } from './command-answers.ts';
import { whenTrue } from './extension-api.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

/** Lines as they arrive, and a wait for the count to reach a number (bounded). */
class Lines {
  readonly lines: string[] = [];
  private readonly arrived = new vscode.EventEmitter<void>();

  push(line: string): void {
    this.lines.push(line);
    this.arrived.fire();
  }

  atLeast(count: number, what: string): Promise<void> {
    return whenTrue(this.arrived.event, () => this.lines.length >= count, `${count} ${what}`);
  }
}

describe('Logs', function () {
  this.timeout(60_000);
  const suite = simSuite({ nodes: 2, pods: 4, seed: 71 });
  const rowOf = (pod: SlimPod) => podElement(CONTEXT, pod.meta.namespace, pod.meta.name, 'node');

  it('opens Show Logs at the newest line, scrolled into view', async () => {
    const pod = await suite.runningPod();
    // An hour of a line every 2 s: far more than a screen.
    suite.sim.advance(3_600_000);
    const editor = (await vscode.commands.executeCommand<Outcome<vscode.TextEditor>>(Commands.logs, rowOf(pod))).value!;
    const last = editor.document.lineCount - 1;
    assert.ok(last > 500, `${last + 1} lines`);
    assert.equal(editor.selection.active.line, last);
    await whenTrue(vscode.window.onDidChangeTextEditorVisibleRanges, () => editor.visibleRanges.some((range) => range.end.line >= last - 1), 'the newest line in view');
    assert.ok(editor.visibleRanges.every((range) => range.start.line > 0), 'the oldest line scrolled away');
  });

  it('stops following when told to: the stream ends and later lines never reach the channel', async () => {
    const pod = await suite.runningPod();
    const followed = new Lines();
    const channel = `Logs: ${pod.meta.namespace}/${pod.meta.name}`;
    const subscription = seamOf(suite.api).onDidAppendLine((appended) => appended.channel === channel && followed.push(appended.line));
    try {
      const following = vscode.commands.executeCommand<Outcome<{ lines: number }>>(Commands.followLogs, rowOf(pod));
      await followed.atLeast(1, 'tail lines');
      const before = followed.lines.length;
      suite.sim.advance(6_000);
      await followed.atLeast(before + 3, 'lines streamed as the pod writes them');
      assert.deepEqual(await vscode.commands.executeCommand(Commands.stopFollowingLogs), [`Pod ${pod.meta.namespace}/${pod.meta.name}`]);
      const outcome = await following;
      assert.equal(outcome.kind, 'cancelled');
      assert.equal(followed.lines.at(-1), '[kube-workbench] stopped following');
      assert.equal(outcome.value?.lines, followed.lines.length - 1);
      const stoppedAt = followed.lines.length;
      // A second follower of the same pod sees what the pod writes next, twice over: long enough for
      // the first, had it still been open, to have received it too.
      const control = new Lines();
      const stop = new AbortController();
      const ended = suite.connection().operations.logs({ kind: 'Pod', namespace: pod.meta.namespace, name: pod.meta.name }, { follow: true, timestamps: false, previous: false, tailLines: 1, signal: stop.signal }, (line) => control.push(line));
      await control.atLeast(1, 'control tail line');
      suite.sim.advance(6_000);
      await control.atLeast(4, 'control lines after the stop');
      suite.sim.advance(6_000);
      await control.atLeast(7, 'more control lines');
      stop.abort();
      await ended;
      assert.equal(followed.lines.length, stoppedAt, followed.lines.slice(stoppedAt).join(' | '));
      assert.deepEqual(await vscode.commands.executeCommand(Commands.stopFollowingLogs), [], 'nothing left to stop');
    } finally {
      subscription.dispose();
    }
  });
});
