// Which Explorer rows an event cache change redraws: the rows of the objects whose events changed
// (with their Events child), a pod's workload and CronJob (their counts include their pods'), a
// ReplicaSet's Deployment, a Job's CronJob, and the context's Warnings group. The cache names at most 1,000 objects per change
// (≤ 4 a second); past that it says `all` and the caller redraws the whole tree.
import { replicaSetDeployment } from '../../core/cluster/owner-match.ts';
import { isListedKind } from '../../core/cluster/listed-kinds.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { eventsId } from './rows/events-row.ts';
import { isWorkloadKind } from './rows/kind-row.ts';
import { listedObjectId } from './rows/listed-object-row.ts';
import { nodeId } from './rows/node-row.ts';
import { podElement } from './rows/pod-row.ts';
import { warningsId } from './rows/warnings-row.ts';
import { podWorkloadIds, workloadId } from './rows/workload-row.ts';

/** A row and its Events child. */
const withEvents = (id: string): string[] => [id, eventsId(id)];

function rowIds(connection: ClusterConnection, context: string, kind: string, namespace: string, name: string): string[] {
  if (kind === 'Node') return withEvents(nodeId(context, name));
  if (kind === 'ReplicaSet') {
    const deployment = replicaSetDeployment(name);
    return deployment === undefined ? [] : withEvents(workloadId(context, namespace, 'Deployment', deployment));
  }
  if (kind === 'Job') {
    const cronJob = connection.workloads.Job.get(namespace, name)?.meta.owner;
    return [workloadId(context, namespace, kind, name), ...(cronJob?.kind === 'CronJob' ? [workloadId(context, namespace, 'CronJob', cronJob.name)] : [])].flatMap(withEvents);
  }
  if (isWorkloadKind(kind)) return withEvents(workloadId(context, namespace, kind, name));
  if (isListedKind(kind)) return [listedObjectId(context, kind, namespace, name)];
  if (kind !== 'Pod') return [];
  const pod = connection.pods.get(namespace, name);
  return [podElement(context, namespace, name, 'node').id, podElement(context, namespace, name, 'workload').id, ...(pod === undefined ? [] : podWorkloadIds(connection, context, pod))].flatMap(withEvents);
}

/** The ids to redraw for these object keys (eventObjectKey: Kind/namespace/name). */
export function eventRowIds(connection: ClusterConnection, context: string, objectKeys: Iterable<string>): string[] {
  const ids = new Set([warningsId(context)]);
  for (const key of objectKeys) {
    const [kind = '', namespace = '', name = ''] = key.split('/');
    for (const id of rowIds(connection, context, kind, namespace, name)) ids.add(id);
  }
  return [...ids];
}
