// `kube-workbench events`: a context's recent events (the connection's bounded cache: the newest 100
// per object, the last hour, 5,000 in all), for one object or a namespace, warnings only if asked,
// and with --watch the new ones as they come until Ctrl+C.
import { parseArgs } from 'node:util';
import type { SlimEvent } from '../core/cluster/events/event-model.ts';
import { parseEventTarget, type EventTarget } from '../core/cluster/events/event-target.ts';
import { eventTable } from '../core/cluster/events/event-text.ts';
import type { ClusterConnection } from '../cluster/cluster-connection.ts';
import { loadKubeconfig, resolveContext } from '../cluster/kubeconfig-loader.ts';
import { snapshotContext } from '../cluster/snapshot.ts';
import { clusterFlags, clusterTimeoutMs, tableOrJson } from './cluster-flags.ts';
import { cliKubeconfigPaths } from './kubeconfig-flag.ts';
import { type CliIo, ExitCode, type Subcommand } from './main.ts';
import { numberFlag } from './number-flag.ts';
import { untilStopSignal } from './stop-signal.ts';
import { UsageError } from './usage-error.ts';

export interface EventsCommandDeps {
  /** Resolves when --watch should stop: SIGINT/SIGTERM on the real process. */
  readonly stopped: () => Promise<void>;
}

const help = `Usage: kube-workbench events [--for KIND/NAME] [--warnings] [--watch] [-n NAMESPACE | -A]
                            [--kubeconfig FILE] [--context NAME] [--format table|json] [--limit N]

Lists a context's recent events (the last hour, as the API server keeps them), oldest first: type,
reason, age, count and message, with the object each is about.

  --for KIND/NAME       only this object's events (pod/web-1, deploy/shop, node/node-1)
  --warnings            only Warning events
  --watch               keep printing new and repeated events until Ctrl+C
  -n, --namespace NAME  events in this namespace (default: the context's, else default)
  -A, --all-namespaces  events in every namespace
  --kubeconfig FILE     kubeconfig to read (default: KUBECONFIG, else ~/.kube/config)
  --context NAME        context to use (default: the current context)
  --format FORMAT       table (default) or json (with --watch: one JSON object per line)
  --limit N             at most the newest N events, 1 to 5000 (default 500)
  --timeout SECONDS     how long to wait for the cluster, 1 to 3600 (default 60)

Exit codes: 0 no Warning event listed, 1 some Warning event listed, 2 usage error or cluster unreachable.
With --watch: 0 once stopped.
`;

interface Selection {
  readonly target: EventTarget | undefined;
  /** undefined: every namespace. */
  readonly namespace: string | undefined;
  readonly warnings: boolean;
  readonly limit: number;
}

/** The selected events, oldest first (the newest at the bottom, near the prompt), at most `limit`. */
function select(connection: ClusterConnection, selection: Selection): SlimEvent[] {
  const { target, namespace } = selection;
  const newest = target === undefined ? connection.events.recent() : connection.events.forObject(target.kind, target.namespaced ? (namespace ?? '') : '', target.name);
  const chosen = newest.filter((event) => (namespace === undefined || target?.namespaced === false || event.meta.namespace === namespace) && (!selection.warnings || event.type === 'Warning'));
  return chosen.slice(0, selection.limit).reverse();
}

function json(event: SlimEvent): Record<string, unknown> {
  return {
    namespace: event.meta.namespace,
    name: event.meta.name,
    object: event.regarding,
    type: event.type,
    reason: event.reason,
    message: event.message,
    count: event.count,
    firstSeen: new Date(event.firstSeen).toISOString(),
    lastSeen: new Date(event.lastSeen).toISOString(),
    source: event.source,
  };
}

/** The context's namespace, as kubectl defaults to it. */
function contextNamespace(kubeconfigPaths: readonly string[], context: string): string {
  const loaded = loadKubeconfig(kubeconfigPaths);
  const resolved = loaded.ok ? resolveContext(loaded.value, context) : undefined;
  return resolved?.ok === true && resolved.value.namespace !== '' ? resolved.value.namespace : 'default';
}

async function runEvents(args: readonly string[], io: CliIo, deps: EventsCommandDeps): Promise<ExitCode> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      for: { type: 'string' },
      warnings: { type: 'boolean' },
      watch: { type: 'boolean', short: 'w' },
      namespace: { type: 'string', short: 'n' },
      'all-namespaces': { type: 'boolean', short: 'A' },
      limit: { type: 'string' },
      ...clusterFlags,
    },
    strict: true,
  });
  if (values.help === true) {
    io.stdout(help);
    return ExitCode.ok;
  }
  const format = tableOrJson(values.format);
  if (values['all-namespaces'] === true && values.namespace !== undefined) throw new UsageError('--namespace and --all-namespaces exclude each other');
  const target = values.for === undefined ? undefined : parseEventTarget(values.for);
  if (target?.ok === false) throw new UsageError(target.error);
  const limit = numberFlag('limit', values.limit, 500, { min: 1, max: 5000, whole: true });
  const kubeconfigPaths = cliKubeconfigPaths(values.kubeconfig);
  const context = values.context ?? '';
  const snapshot = await snapshotContext({ kubeconfigPaths, context, resources: ['events'], timeoutMs: clusterTimeoutMs(values.timeout) });
  if (!snapshot.ok) {
    io.stderr(`kube-workbench events: ${snapshot.error.message}\n`);
    return ExitCode.usage;
  }
  const connection = snapshot.value;
  const namespace = values['all-namespaces'] === true ? undefined : (values.namespace ?? contextNamespace(kubeconfigPaths, context));
  const selection: Selection = { target: target?.value, namespace, warnings: values.warnings === true, limit };
  const tableOptions = { object: target === undefined, namespaces: namespace === undefined };
  const shown = select(connection, selection);
  if (format === 'json' && values.watch !== true) io.stdout(`${JSON.stringify({ context: connection.context, namespace: namespace ?? null, events: shown.map(json) }, null, 2)}\n`);
  else if (format === 'json') for (const event of shown) io.stdout(`${JSON.stringify(json(event))}\n`);
  else io.stdout(eventTable(shown, Date.now(), tableOptions));
  if (values.watch !== true) {
    connection.dispose();
    return shown.some((event) => event.type === 'Warning') ? ExitCode.failure : ExitCode.ok;
  }
  await watch(connection, selection, shown, (events) => {
    if (format === 'json') for (const event of events) io.stdout(`${JSON.stringify(json(event))}\n`);
    else io.stdout(eventTable(events, Date.now(), { ...tableOptions, header: false }));
  }, io, deps);
  return ExitCode.ok;
}

/** Prints each event the first time it is seen and again whenever its count or time changes, until stopped. */
async function watch(connection: ClusterConnection, selection: Selection, shown: readonly SlimEvent[], print: (events: SlimEvent[]) => void, io: CliIo, deps: EventsCommandDeps): Promise<void> {
  const key = (event: SlimEvent): string => `${event.meta.namespace}/${event.meta.name}`;
  const signature = (event: SlimEvent): string => `${event.count}|${event.lastSeen}`;
  const remembered = (events: readonly SlimEvent[]): Map<string, string> => new Map(events.map((event) => [key(event), signature(event)]));
  let printed = remembered(shown);
  const changes = connection.events.onDidChange(() => {
    const fresh = select(connection, selection).filter((event) => printed.get(key(event)) !== signature(event));
    // Bounded like the cache: forget what the cache itself no longer holds.
    if (printed.size > 2 * connection.events.limits.total) printed = remembered(select(connection, { ...selection, limit: Infinity }));
    for (const event of fresh) printed.set(key(event), signature(event));
    if (fresh.length > 0) print(fresh);
  });
  const states = connection.onDidChangeState((resource) => {
    const state = connection.state('events');
    if (resource === 'events' && state.phase === 'error') io.stderr(`kube-workbench events: ${state.error?.message ?? 'watch failed'} (retrying)\n`);
  });
  try {
    await deps.stopped();
  } finally {
    changes.dispose();
    states.dispose();
    connection.dispose();
  }
}

export function createEventsCommand(deps: EventsCommandDeps): Subcommand {
  return { name: 'events', summary: 'recent events of a context, an object or a namespace; --watch follows them', run: (args, io) => runEvents(args, io, deps) };
}

/** The `events` subcommand on the real process: --watch stops on SIGINT or SIGTERM. */
export const eventsCommand = createEventsCommand({ stopped: untilStopSignal });
