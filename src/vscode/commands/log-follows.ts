// Follow Logs streams a pod's new lines into its output channel until the user stops it: with the
// notification's Cancel, the status bar's "Stop following" item, or the Stop Following Logs command
// (the palette shows it while a log is followed). Each stop aborts the stream and waits for it to end,
// so nothing is written after "stopped following".
import * as vscode from 'vscode';
import { err, ok } from '../../core/result.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { Commands } from '../ids.ts';
import type { CommandUi } from './command-ui.ts';
import { describeTarget, type Target } from './object-targets.ts';
import { failed, type Action, type Outcome } from './outcome.ts';
import { runCommand } from './run-command.ts';

/** Context key: some log is being followed (shows Stop Following Logs in the palette). */
const FOLLOWING_KEY = 'kubeWorkbench.followingLogs';
/** The lines a follow starts with, as `kubectl logs -f --tail`. */
const TAIL_LINES = 100;

export interface Followed {
  /** Lines written to the channel. */
  readonly lines: number;
}

interface Follow {
  readonly label: string;
  readonly stop: AbortController;
  /** Settles once the stream has ended. */
  readonly ended: Promise<unknown>;
}

export class LogFollows implements vscode.Disposable {
  private readonly ui: CommandUi;
  private readonly clusters: ClusterServiceHolder;
  private readonly running = new Map<string, Follow>();
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);

  constructor(ui: CommandUi, clusters: ClusterServiceHolder) {
    this.ui = ui;
    this.clusters = clusters;
    this.item.command = Commands.stopFollowingLogs;
  }

  /** Streams the pod's log until stopped or the stream ends; following it again restarts it. */
  async follow(target: Target): Promise<Outcome<Followed>> {
    const action: Action = { context: target.context, verb: 'Follow the logs of', object: describeTarget(target) };
    const operations = this.clusters.get().connect(target.context)?.operations;
    if (operations === undefined) return failed(action, 'kubeconfig', 'no such context in the kubeconfig');
    const key = `${target.context}/${target.ref.namespace}/${target.ref.name}`;
    await this.stop(key);
    const channel = `Logs: ${target.ref.namespace}/${target.ref.name}`;
    this.ui.showChannel(channel);
    const stop = new AbortController();
    let lines = 0;
    let stream: Promise<unknown> = Promise.resolve();
    const outcome = runCommand<Followed>(
      this.ui,
      action,
      (signal) => {
        const ended = operations.logs(target.ref, { follow: true, timestamps: true, previous: false, tailLines: TAIL_LINES, signal }, (line) => {
          lines += 1;
          this.ui.appendLine(channel, line);
        });
        stream = ended;
        return ended.then((end) => (end.kind === 'error' ? err(end.error) : ok({ lines })));
      },
      { timeoutMs: Infinity, cancel: stop.signal, leftBehind: 'stopped following', success: () => `The log stream of ${action.object} ended.`, quiet: ['cancelled'] },
    );
    this.running.set(key, { label: action.object, stop, ended: outcome.then(() => stream) });
    this.show();
    const end = await outcome;
    await stream;
    this.ui.appendLine(channel, end.ok ? '[kube-workbench] the log stream ended' : end.kind === 'cancelled' ? '[kube-workbench] stopped following' : `[kube-workbench] ${end.message}`);
    if (this.running.get(key)?.stop === stop) this.running.delete(key);
    this.show();
    return end.ok ? end : { ...end, value: { lines } };
  }

  /** Stops one follow (by key), else the only one, else asks which; resolves once its stream ended. */
  async stop(key?: string): Promise<readonly string[]> {
    const keys = key !== undefined ? [key].filter((each) => this.running.has(each)) : await this.choose();
    const stopped = keys.map((each) => this.running.get(each)!);
    for (const follow of stopped) follow.stop.abort();
    await Promise.all(stopped.map((follow) => follow.ended));
    return stopped.map((follow) => follow.label);
  }

  dispose(): void {
    for (const follow of this.running.values()) follow.stop.abort();
    this.running.clear();
    this.item.dispose();
  }

  private async choose(): Promise<string[]> {
    const keys = [...this.running.keys()];
    if (keys.length <= 1) return keys;
    const picked = await vscode.window.showQuickPick(
      keys.map((key) => ({ label: this.running.get(key)!.label, key })),
      { title: 'Stop following the logs of', canPickMany: true },
    );
    return (picked ?? []).map((item) => item.key);
  }

  private show(): void {
    const labels = [...this.running.values()].map((follow) => follow.label);
    void vscode.commands.executeCommand('setContext', FOLLOWING_KEY, labels.length > 0);
    if (labels.length === 0) return this.item.hide();
    this.item.text = `$(debug-stop) Stop following ${labels.length === 1 ? labels[0] : `${labels.length} logs`}`;
    this.item.tooltip = `Following the logs of ${labels.join(', ')}: click to stop`;
    this.item.show();
  }
}
