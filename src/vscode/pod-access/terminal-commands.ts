// Open Terminal and Attach, from a pod or workload row or the palette: the pod (a workload's ready
// one), the container when there is a choice (Attach offers only containers with a TTY), then a
// terminal named context/namespace/pod/container. Every terminal is closed with the extension.
import * as vscode from 'vscode';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { QUICK_TIMEOUT_MS } from '../commands/cancellable-progress.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import { runSteps } from '../commands/multi-step-input.ts';
import type { TargetArgument } from '../commands/object-picks.ts';
import { dismissed, failed, passOn, type Outcome } from '../commands/outcome.ts';
import { runCommand } from '../commands/run-command.ts';
import { Commands } from '../ids.ts';
import { containerSteps, execTarget, podFor } from './pod-target.ts';
import { PodTerminal, terminalName, type TerminalMode } from './pod-terminal.ts';

const VERBS: Readonly<Record<TerminalMode, string>> = { exec: 'Open a terminal in', attach: 'Attach to' };

export class PodTerminals implements vscode.Disposable {
  private readonly open = new Map<vscode.Terminal, PodTerminal>();
  private readonly closing: vscode.Disposable;

  private readonly clusters: ClusterServiceHolder;
  private readonly ui: CommandUi;

  constructor(clusters: ClusterServiceHolder, ui: CommandUi) {
    this.clusters = clusters;
    this.ui = ui;
    this.closing = vscode.window.onDidCloseTerminal((terminal) => this.open.delete(terminal));
  }

  /** The terminal, once its first session connected (or why it did not: the terminal says so too). */
  async run(argument: TargetArgument, mode: TerminalMode): Promise<Outcome<vscode.Terminal>> {
    const verb = VERBS[mode];
    const pod = await podFor(this.clusters, argument, verb);
    if (!('containers' in pod)) return pod;
    const candidates = mode === 'attach' ? pod.containers.filter((container) => container.tty) : pod.containers;
    const first = candidates.find((container) => container.running) ?? candidates[0];
    if (first === undefined) return failed(pod.action, 'invalid', mode === 'attach' ? 'no container of the pod has a TTY (tty: true), which Attach needs: use Open Terminal' : 'the pod has no containers');
    const chosen = await runSteps(this.ui, `${verb} ${pod.action.object}`, containerSteps(candidates, (state, container) => ({ ...state, container })), { container: first.name });
    if (chosen === undefined) return dismissed(pod.action);
    const target = execTarget(pod, chosen.container);
    const name = terminalName(target, mode);
    const pty = new PodTerminal(this.clusters, target, mode);
    pty.onDidWrite((data) => this.ui.terminalWrote(name, data));
    const terminal = vscode.window.createTerminal({ name, pty, iconPath: new vscode.ThemeIcon(mode === 'attach' ? 'debug-console' : 'terminal') });
    this.open.set(terminal, pty);
    terminal.show();
    const action = { ...pod.action, object: `container "${chosen.container}" of ${pod.action.object}` };
    const outcome = await runCommand(this.ui, action, () => pty.firstConnection, { timeoutMs: QUICK_TIMEOUT_MS, success: () => `${verb} ${action.object} in context "${pod.context}".`, quiet: ['done'] });
    return outcome.ok ? { ...outcome, value: terminal } : passOn(outcome);
  }

  dispose(): void {
    this.closing.dispose();
    for (const [terminal, pty] of this.open) {
      pty.dispose();
      terminal.dispose();
    }
    this.open.clear();
  }
}

export function registerTerminalCommands(clusters: ClusterServiceHolder, ui: CommandUi): vscode.Disposable {
  const terminals = new PodTerminals(clusters, ui);
  return vscode.Disposable.from(
    terminals,
    vscode.commands.registerCommand(Commands.openTerminal, (argument?: TargetArgument) => terminals.run(argument, 'exec')),
    vscode.commands.registerCommand(Commands.attach, (argument?: TargetArgument) => terminals.run(argument, 'attach')),
  );
}
