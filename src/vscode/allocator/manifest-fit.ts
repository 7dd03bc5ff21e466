// Before Apply or Deploy sends a workload: do its replicas fit what the nodes have free, by the
// scheduler's rules, on the connection's cache? The workload's own running pods are left out, since
// the new version replaces them.
import { objectNameOf } from '../../core/cluster/object-ref.ts';
import type { FitSummary } from '../../core/editor-core.ts';
import { loadCoreModule, type ClusterConnection } from '../bundle-loader.ts';
import type { Question } from '../commands/command-ui.ts';
import { podsOfWorkload } from '../commands/object-targets.ts';

/** One summary per workload among `objects`; none until the nodes are listed. */
export function manifestFit(connection: ClusterConnection, objects: readonly Readonly<Record<string, unknown>>[], defaultNamespace: string): FitSummary[] {
  if (connection.state('nodes').phase !== 'synced') return [];
  const { fitSummary, nodeStatesFromCache } = loadCoreModule();
  return objects.flatMap((object) => {
    const { kind, namespace, name } = objectNameOf(object);
    const own = new Set(podsOfWorkload(connection, kind, namespace || defaultNamespace, name).map((pod) => pod.meta.uid));
    const summary = fitSummary(object, nodeStatesFromCache(connection.nodes.values(), connection.pods.values(), own));
    return summary === undefined ? [] : [summary];
  });
}

/**
 * A question with the fit of each workload as its detail; a warning when some replica does not fit:
 * worth saying before sending, not as a Pending pod after.
 */
export function fitQuestion(message: string, fit: readonly FitSummary[], ...choices: string[]): Question {
  return { message, detail: fit.map((summary) => summary.text).join('\n'), choices, warning: !fit.every((summary) => summary.ok) };
}
