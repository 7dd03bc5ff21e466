// Port Forward… on a pod, Service or workload row (or from the palette): the remote port from the
// declared ones, a local port, then the forward started by the cluster service's manager and saved
// for the workspace. Stop, Copy URL and Open in Browser act on a Port Forwards row (or a picked
// forward); Restart Saved Port Forwards starts the workspace's saved ones that are not running.
import * as vscode from 'vscode';
import type { ForwardSpec, ForwardState, ForwardTarget } from '../../cluster/index.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { QUICK_TIMEOUT_MS } from '../commands/cancellable-progress.ts';
import type { CommandUi } from '../commands/command-ui.ts';
import { runSteps } from '../commands/multi-step-input.ts';
import { resolveTarget, type PickKind, type TargetArgument } from '../commands/object-picks.ts';
import { describeTarget } from '../commands/object-targets.ts';
import { dismissed, failed, type Action, type Outcome } from '../commands/outcome.ts';
import { report, runCommand } from '../commands/run-command.ts';
import type { ElementOf } from '../explorer/elements.ts';
import { Commands } from '../ids.ts';
import { localPorts } from './local-ports.ts';
import { forwardSteps } from './port-forward-inputs.ts';
import { declaredPorts } from './pod-facts.ts';
import { sameForward, type SavedForwards } from './saved-forwards.ts';

const FORWARD_KINDS: readonly PickKind[] = ['Pod', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'];

export const forwardUrl = (state: ForwardState): string => `http://127.0.0.1:${state.localPort}/`;

/** "127.0.0.1:8080 → service/web in shop port 80". */
export function forwardText(spec: ForwardSpec, localPort: number): string {
  const { target } = spec;
  return `127.0.0.1:${localPort} → ${target.kind} ${target.namespace}/${target.name} port ${String(spec.remotePort)}`;
}

export class PortForwardCommands {
  private readonly clusters: ClusterServiceHolder;
  private readonly ui: CommandUi;
  private readonly saved: SavedForwards;

  constructor(clusters: ClusterServiceHolder, ui: CommandUi, saved: SavedForwards) {
    this.clusters = clusters;
    this.ui = ui;
    this.saved = saved;
  }

  async forward(argument: TargetArgument): Promise<Outcome<ForwardState>> {
    const target = await resolveTarget(this.clusters, argument, FORWARD_KINDS, 'Forward a port of which pod, Service or workload?');
    if (target === undefined) return dismissed({ context: '', verb: 'Forward a port of', object: 'a pod' });
    const action: Action = { context: target.context, verb: 'Forward a port of', object: describeTarget(target) };
    const connection = this.clusters.get().connect(target.context);
    if (connection === undefined) return failed(action, 'kubeconfig', 'the context is not in the kubeconfig');
    const { kind, namespace, name } = target.ref;
    const declared = await declaredPorts(connection, kind, namespace, name);
    if (!declared.ok) return report({ ok: false, kind: declared.error.kind, message: declared.error.message });
    const ports = await localPorts(declared.value.map((port) => port.port));
    const answers = await runSteps(this.ui, `Port forward to ${describeTarget(target)}`, forwardSteps(declared.value, ports), { remote: '', local: 0 });
    if (answers === undefined) return dismissed(action);
    const spec: ForwardSpec = { context: target.context, target: { kind, namespace, name } as ForwardTarget, remotePort: answers.remote, localPort: answers.local };
    return this.start(spec, action);
  }

  async restartSaved(): Promise<Outcome<ForwardState[]>> {
    const running = this.clusters.get().portForwards.list();
    const stopped = this.saved.list().filter((spec) => !running.some((state) => sameForward(state.spec, spec)));
    const action: Action = { context: '', verb: 'Restart', object: 'the saved port forwards' };
    if (stopped.length === 0) return report({ ok: true, value: [], message: this.saved.list().length === 0 ? 'This workspace has no saved port forwards.' : 'Every saved port forward is running.' });
    const outcomes = [];
    for (const spec of stopped) outcomes.push(await this.start(spec, { context: spec.context, verb: 'Forward a port of', object: `${spec.target.kind} ${spec.target.namespace}/${spec.target.name}` }, true));
    const started = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.value] : []));
    const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.message]));
    if (failures.length > 0) return report(failed(action, 'failed', `${started.length} of ${stopped.length} started; ${failures.join('; ')}`, started));
    return report({ ok: true, value: started, message: `Restarted ${started.length} saved port forward${started.length === 1 ? '' : 's'}: ${started.map((state) => forwardText(state.spec, state.localPort)).join(', ')}.` });
  }

  stop(argument: ElementOf<'portForward'> | undefined): Promise<Outcome<ForwardState>> {
    return this.onForward(argument, 'Stop', async (state) => {
      this.clusters.get().portForwards.stop(state.id);
      await this.saved.forget(state.spec);
      return `Stopped forwarding ${forwardText(state.spec, state.localPort)} in context "${state.spec.context}".`;
    });
  }

  copyUrl(argument: ElementOf<'portForward'> | undefined): Promise<Outcome<ForwardState>> {
    return this.onForward(argument, 'Copy the URL of', async (state) => {
      await vscode.env.clipboard.writeText(forwardUrl(state));
      return `Copied ${forwardUrl(state)} (${forwardText(state.spec, state.localPort)}).`;
    });
  }

  openInBrowser(argument: ElementOf<'portForward'> | undefined): Promise<Outcome<ForwardState>> {
    return this.onForward(argument, 'Open in a browser', async (state) => {
      await vscode.env.openExternal(vscode.Uri.parse(forwardUrl(state)));
      return '';
    });
  }

  private async start(spec: ForwardSpec, action: Action, quiet = false): Promise<Outcome<ForwardState>> {
    const service = this.clusters.get();
    const outcome = await runCommand(this.ui, action, () => service.portForwards.start(spec), {
      timeoutMs: QUICK_TIMEOUT_MS,
      success: (state) => `Forwarding ${forwardText(spec, state.localPort)} (pod ${state.pod ?? '?'} port ${state.podPort ?? '?'}) in context "${spec.context}".`,
      leftBehind: 'nothing listens',
      ...(quiet ? { quiet: ['done' as const, 'cancelled' as const] } : {}),
    });
    // Saved with the port it got, so its URL stays the same after a restart.
    if (outcome.ok) await this.saved.save({ ...spec, localPort: outcome.value.localPort });
    return outcome;
  }

  /** The forward of a row, else one picked from the running ones; `act` returns the message to show ('' for none). */
  private async onForward(argument: ElementOf<'portForward'> | undefined, verb: string, act: (state: ForwardState) => Promise<string>): Promise<Outcome<ForwardState>> {
    const running = this.clusters.get().portForwards.list();
    const state =
      argument === undefined
        ? (await vscode.window.showQuickPick(running.map((each) => ({ label: forwardText(each.spec, each.localPort), description: each.spec.context, state: each })), { title: `${verb} which port forward?` }))?.state
        : running.find((each) => each.id === argument.forwardId);
    if (state === undefined) return argument === undefined ? dismissed({ context: '', verb, object: 'a port forward' }) : report(failed({ context: argument.context, verb, object: 'the port forward' }, 'notFound', 'it has stopped'));
    const message = await act(state);
    return message === '' ? { ok: true, value: state, message } : report({ ok: true, value: state, message });
  }
}

export function registerPortForwardCommands(commands: PortForwardCommands): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.portForward, (argument?: TargetArgument) => commands.forward(argument)),
    vscode.commands.registerCommand(Commands.restartSavedPortForwards, () => commands.restartSaved()),
    vscode.commands.registerCommand(Commands.stopPortForward, (argument?: ElementOf<'portForward'>) => commands.stop(argument)),
    vscode.commands.registerCommand(Commands.copyPortForwardUrl, (argument?: ElementOf<'portForward'>) => commands.copyUrl(argument)),
    vscode.commands.registerCommand(Commands.openPortForward, (argument?: ElementOf<'portForward'>) => commands.openInBrowser(argument)),
  );
}
