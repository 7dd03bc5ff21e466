// Which events belong to an Explorer row, read from the connection's event cache by object key
// (never a scan of all events). A workload's row stands for its pods too: a Deployment stuck on
// FailedScheduling shows nothing on the Deployment itself, the warning is on its pods, and a quota
// refusal (FailedCreate) is on its ReplicaSet; so a pod owner counts its own, its ReplicaSets' and its
// pods' events (the ReplicaSets known through the pods they own and, for one that could create none,
// through its own events), and a CronJob its Jobs' and their pods'. That is what a user looking for
// "why is this not running" expects. Pods, nodes and listed objects count their own.
import type { SlimEvent } from '../../core/cluster/events/event-model.ts';
import { warningCountText } from '../../core/cluster/events/event-text.ts';
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import type { ClusterConnection } from '../bundle-loader.ts';

export interface EventSubject {
  readonly kind: string;
  /** '' for nodes. */
  readonly namespace: string;
  readonly name: string;
}

const POD_OWNERS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** The objects between a workload and its pods: a Deployment's ReplicaSets, a CronJob's Jobs. */
function middleSubjects(connection: ClusterConnection, subject: EventSubject, pods: readonly SlimPod[]): EventSubject[] {
  const { namespace, name } = subject;
  if (subject.kind === 'CronJob') return connection.jobsOf(namespace, name).map(({ meta }) => ({ kind: 'Job', namespace, name: meta.name }));
  if (subject.kind !== 'Deployment') return [];
  const replicaSets = new Set(pods.flatMap(({ meta }) => (meta.owner?.kind === 'ReplicaSet' ? [meta.owner.name] : [])));
  for (const replicaSet of connection.events.replicaSetsOf(namespace, name)) replicaSets.add(replicaSet);
  return [...replicaSets].map((replicaSet) => ({ kind: 'ReplicaSet', namespace, name: replicaSet }));
}

/** The objects whose events stand for `subject`'s row: itself, and a pod owner's ReplicaSets or Jobs and pods. */
export function eventSubjects(connection: ClusterConnection, subject: EventSubject): EventSubject[] {
  if (!POD_OWNERS.has(subject.kind)) return [subject];
  const pods = connection.podsOwnedBy(subject.kind, subject.namespace, subject.name);
  return [subject, ...middleSubjects(connection, subject, pods), ...pods.map(({ meta }) => ({ kind: 'Pod', namespace: meta.namespace, name: meta.name }))];
}

const newestFirst = (events: SlimEvent[]): SlimEvent[] => events.sort((a, b) => b.lastSeen - a.lastSeen);

/** Every cached event of the row's objects, newest first. */
export function subjectEvents(connection: ClusterConnection, subject: EventSubject): SlimEvent[] {
  return newestFirst(eventSubjects(connection, subject).flatMap(({ kind, namespace, name }) => connection.events.forObject(kind, namespace, name)));
}

/** The row's Warning events of the last hour, newest first. */
export function subjectWarnings(connection: ClusterConnection, subject: EventSubject): SlimEvent[] {
  return newestFirst(eventSubjects(connection, subject).flatMap(({ kind, namespace, name }) => connection.events.warningsFor(kind, namespace, name)));
}

/** What a row adds for its warnings: "2 warnings" for the description and the last one's line for the tooltip. */
export function warningNote(warnings: readonly SlimEvent[]): { readonly description: string; readonly tooltip: string } | undefined {
  const last = warnings[0];
  if (last === undefined) return undefined;
  return { description: warningCountText(warnings.length), tooltip: `${warningCountText(warnings.length)} in the last hour; last: ${last.reason}: ${last.message}` };
}
