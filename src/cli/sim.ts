import { parseArgs } from 'node:util';
import { faultFromFlag, type TimedFault } from '../sim/faults.ts';
import { startSim, type Sim, type SimOptions } from '../sim/sim.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { numberFlag } from './number-flag.ts';
import { untilStopSignal } from './stop-signal.ts';
import { UsageError } from './usage-error.ts';

export interface SimCommandDeps {
  /** Resolves when the sim should stop: SIGINT/SIGTERM on the real process. */
  readonly stopped: () => Promise<void>;
  /** Called once the sim is serving, for tests. */
  readonly onStarted?: (sim: Sim) => void;
}

const help = `Usage: kube-workbench sim [options]

Starts a simulated Kubernetes cluster on 127.0.0.1 (HTTPS, self-signed CA) that kubectl and
client-node use unchanged, writes a kubeconfig for it and runs until Ctrl+C. The first line of
output is the API URL.

Options:
  --port N           port to listen on (default 0: any free port)
  --kubeconfig FILE  where to write the kubeconfig, replacing FILE with a new one of mode 0600
                     (default: a private temp folder)
  --prometheus-port N  port of the Prometheus API over the synthetic usage history, plain HTTP
                     (default 0: any free port)
  --no-prometheus    serve no Prometheus API
  --nodes N          nodes (default 3)
  --pods N           running pods, in Deployments across a few namespaces (default 0)
  --seed N           layout seed (default 1)
  --tasks            also a Job and a CronJob (namespace batch)
  --right-sizing     also the right-sizing demo in namespace default: pods OOM-killed every hour,
                     a CPU HPA, and the VPA's CRD with a VerticalPodAutoscaler recommending
  --fault F[@S]      inject a fault, repeatable, optionally after S seconds: stopHeartbeat=NODE,
                     throttle=N, errors=N, latency=MS, goneNextWatch, dropWatches, expireToken,
                     refuseConnections=MS (e.g. --fault stopHeartbeat=node-0002@60)
Contexts: kube-workbench-sim (admin) and kube-workbench-sim-readonly (403 on writes).
Faults at run time: POST /admin/faults {"type": ...} with the admin token.
`;

const count = (text: string | undefined, flag: string, fallback: number, max: number): number => numberFlag(flag, text, fallback, { min: 0, max, whole: true });

export function simOptions(args: readonly string[]): SimOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      kubeconfig: { type: 'string' },
      'prometheus-port': { type: 'string' },
      'no-prometheus': { type: 'boolean' },
      nodes: { type: 'string' },
      pods: { type: 'string' },
      seed: { type: 'string' },
      tasks: { type: 'boolean' },
      'right-sizing': { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help === true) return 'help';
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0] ?? ''}'`);
  const faults: TimedFault[] = (values.fault ?? []).map((flag) => {
    try {
      return faultFromFlag(flag);
    } catch (error) {
      throw new UsageError(`--fault ${flag}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  if (values['no-prometheus'] === true && values['prometheus-port'] !== undefined) throw new UsageError('give --prometheus-port or --no-prometheus, not both');
  return {
    port: count(values.port, 'port', 0, 65_535),
    prometheusPort: values['no-prometheus'] === true ? false : count(values['prometheus-port'], 'prometheus-port', 0, 65_535),
    ...(values.kubeconfig === undefined ? {} : { kubeconfigPath: values.kubeconfig }),
    nodes: count(values.nodes, 'nodes', 3, 100_000),
    pods: count(values.pods, 'pods', 0, 2_000_000),
    seed: count(values.seed, 'seed', 1, 2 ** 32 - 1),
    tasks: values.tasks === true,
    ...(values['right-sizing'] === true ? { rightSizing: true } : {}),
    faults,
  };
}

async function runSim(args: readonly string[], io: CliIo, deps: SimCommandDeps): Promise<ExitCode> {
  const options = simOptions(args);
  if (options === 'help') {
    io.stdout(help);
    return ExitCode.ok;
  }
  const sim = await startSim({ ...options, log: (message) => io.stderr(`kube-workbench sim: ${message}\n`) });
  io.stdout(`${sim.url}\n`);
  io.stdout(`kubeconfig: ${sim.kubeconfigPath} (contexts kube-workbench-sim, kube-workbench-sim-readonly)\n`);
  if (sim.prometheusUrl !== undefined) io.stdout(`prometheus: ${sim.prometheusUrl} (usage history for kubeWorkbench.allocator.prometheusUrl)\n`);
  io.stdout(`try: KUBECONFIG=${sim.kubeconfigPath} kubectl get nodes\n`);
  deps.onStarted?.(sim);
  await deps.stopped();
  await sim.close();
  return ExitCode.ok;
}

export function createSimCommand(deps: SimCommandDeps): Subcommand {
  return {
    name: 'sim',
    summary: 'run a simulated Kubernetes cluster on 127.0.0.1 for kubectl, the extension and tests',
    run: (args, io) => runSim(args, io, deps),
  };
}

/** The `sim` subcommand on the real process, stopped by SIGINT or SIGTERM (register this one in main.ts). */
export const simCommand = createSimCommand({ stopped: untilStopSignal });
