// `kube-workbench port-forward TARGET [LOCAL:]REMOTE`: kubectl port-forward's arguments, with the
// editor's forward manager behind them, so a Service or workload forward survives its pod: when the
// pod stops serving, the next ready one takes over on the same local port. Runs until Ctrl+C.
import { parseArgs } from 'node:util';
import type { ClusterErrorKind } from '../cluster/cluster-error.ts';
import { loadKubeconfig, resolveContext } from '../cluster/kubeconfig-loader.ts';
import type { ForwardState } from '../cluster/streams/port-forward.ts';
import { PortForwardManager } from '../cluster/streams/port-forward-manager.ts';
import { targetText } from '../cluster/streams/port-forward-target.ts';
import { cliKubeconfigPaths } from './kubeconfig-flag.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { parsePorts, parseTarget } from './port-forward-args.ts';
import { untilStopSignal } from './stop-signal.ts';
import { UsageError } from './usage-error.ts';

export interface PortForwardCommandDeps {
  /** Resolves when the forward should stop: SIGINT/SIGTERM on the real process. */
  readonly stopped: () => Promise<void>;
}

const help = `Usage: kube-workbench port-forward TARGET [LOCAL:]REMOTE [--kubeconfig FILE] [--context NAME] [--namespace NS]

Forwards 127.0.0.1:LOCAL to port REMOTE of a pod, as kubectl port-forward does, until Ctrl+C.
TARGET is pod/NAME (or NAME), svc/NAME (REMOTE is a Service port, carried to its targetPort on a
ready pod), or deploy/, sts/, ds/, rs/, job/NAME (a ready pod of the workload). When the pod stops
serving, the forward moves to the next ready pod on the same local port (retrying with back-off).

  REMOTE              a port number or name; LOCAL is the same port when free, else any
  :REMOTE             any free local port
  --kubeconfig FILE   kubeconfig to read (default: KUBECONFIG, else ~/.kube/config)
  --context NAME      context to use (default: the current context)
  --namespace NS      namespace of TARGET (default: the context's, else default)

Exit codes: 0 stopped by Ctrl+C, 1 the forward could not start (forbidden, not found, no ready pod),
2 usage error or cluster unreachable.
`;

/** Failures of the kubeconfig or the connection are exit 2, as in every cluster command; a refused forward is 1. */
const usageKinds: ReadonlySet<ClusterErrorKind> = new Set(['kubeconfig', 'unreachable', 'tls', 'timeout', 'unauthorized']);

function describe(state: ForwardState): string {
  return `pod ${state.pod ?? '?'} port ${state.podPort ?? '?'}`;
}

async function run(args: readonly string[], io: CliIo, deps: PortForwardCommandDeps): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { kubeconfig: { type: 'string' }, context: { type: 'string' }, namespace: { type: 'string', short: 'n' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) {
    io.stdout(help);
    return ExitCode.ok;
  }
  const [targetArg, portsArg, extra] = positionals;
  if (targetArg === undefined || portsArg === undefined) throw new UsageError('needs TARGET and [LOCAL:]REMOTE (see --help)');
  if (extra !== undefined) throw new UsageError(`one port pair per forward: unexpected '${extra}'`);
  const ports = parsePorts(portsArg);
  const loaded = loadKubeconfig(cliKubeconfigPaths(values.kubeconfig));
  const summary = loaded.ok ? resolveContext(loaded.value, values.context ?? '') : loaded;
  if (!summary.ok) {
    io.stderr(`kube-workbench port-forward: ${summary.error.message}\n`);
    return ExitCode.usage;
  }
  const target = parseTarget(targetArg, values.namespace ?? (summary.value.namespace || 'default'));
  const manager = new PortForwardManager({ kubeconfig: () => loaded });
  let lastMessage = '';
  manager.onDidChange((state) => {
    if (state.phase === 'active' && state.reconnects > 0) io.stdout(`Forwarding to ${describe(state)}\n`);
    if (state.message !== undefined && state.message !== lastMessage) io.stderr(`kube-workbench port-forward: ${state.message}\n`);
    lastMessage = state.message ?? '';
  });
  const started = await manager.start({ context: summary.value.name, target, remotePort: ports.remote, ...(ports.local === undefined ? {} : { localPort: ports.local }) });
  if (!started.ok) {
    manager.dispose();
    io.stderr(`kube-workbench port-forward: ${started.error.message}\n`);
    return usageKinds.has(started.error.kind) ? ExitCode.usage : ExitCode.failure;
  }
  io.stdout(`Forwarding from 127.0.0.1:${started.value.localPort} -> ${targetText(target)} (${describe(started.value)})\n`);
  await deps.stopped();
  manager.dispose();
  return ExitCode.ok;
}

export function createPortForwardCommand(deps: PortForwardCommandDeps): Subcommand {
  return {
    name: 'port-forward',
    summary: 'forward a local port to a pod, Service or workload, moving to the next ready pod when one dies',
    run: (args, io) => run(args, io, deps),
  };
}

/** The `port-forward` subcommand on the real process, stopped by SIGINT or SIGTERM. */
export const portForwardCommand = createPortForwardCommand({ stopped: untilStopSignal });
