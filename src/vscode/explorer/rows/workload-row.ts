// One workload: its state in a few words ("2/3 ready", "1/3 succeeded · 2 failed: ..."); a
// Deployment, StatefulSet, DaemonSet or Job opens to its pods, found through the pod cache's owner
// index (a Deployment's through its ReplicaSets' pod-template-hash), never by scanning every pod; a
// CronJob to the pods of its Jobs (CronJob → Job → Pod by owner references).
import * as vscode from 'vscode';
import { podOwnerWorkload } from '../../../core/cluster/owner-match.ts';
import { podTopWorkload } from '../../../core/cluster/pod-owner.ts';
import type { SlimPod } from '../../../core/cluster/pod-model.ts';
import type { SlimWorkload, WorkloadKind } from '../../../core/cluster/workload-model.ts';
import type { ClusterConnection } from '../../bundle-loader.ts';
import { objectUri } from '../event-decorations.ts';
import { byName } from '../node-standings.ts';
import { subjectEvents, subjectWarnings, warningNote } from '../object-warnings.ts';
import { eventsChild } from './events-row.ts';
import { podElement } from './pod-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    workload: { namespace: string; kind: WorkloadKind; name: string };
  }
}

export const workloadId = (context: string, namespace: string, kind: WorkloadKind, name: string): string => `wl:${context}:${namespace}:${kind}/${name}`;

export const workloadElement = (context: string, namespace: string, kind: WorkloadKind, name: string) =>
  ({ type: 'workload', id: workloadId(context, namespace, kind, name), context, namespace, kind, name }) as const;

export const kindIcons: Readonly<Record<WorkloadKind, string>> = {
  Deployment: 'layers',
  StatefulSet: 'database',
  DaemonSet: 'server-process',
  Job: 'run',
  CronJob: 'watch',
  Service: 'plug',
  ConfigMap: 'settings',
};

const isShownKind = (kind: string): kind is WorkloadKind => Object.hasOwn(kindIcons, kind);

const POD_OWNERS: ReadonlySet<WorkloadKind> = new Set<WorkloadKind>(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

// "2/3 ready", "1/3 succeeded · 2 failed: BackoffLimitExceeded", a CronJob's schedule, ...
function workloadDescription(workload: SlimWorkload): { text: string; state: 'ok' | 'busy' | 'failed' | 'idle' } {
  switch (workload.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
      return { text: `${workload.ready}/${workload.desired} ready`, state: workload.ready >= workload.desired ? 'ok' : 'busy' };
    case 'Job': {
      const parts = [`${workload.ready}/${workload.desired} succeeded`];
      if (workload.active > 0) parts.push(`${workload.active} active`);
      if (workload.failed > 0) parts.push(`${workload.failed} failed`);
      if (workload.failure !== '') return { text: `${parts.join(' · ')}: ${workload.failure}`, state: 'failed' };
      return { text: parts.join(' · '), state: workload.done ? 'ok' : 'busy' };
    }
    case 'CronJob':
      return { text: `${workload.detail}${workload.done ? ' · suspended' : ''}${workload.active > 0 ? ` · ${workload.active} active` : ''}`, state: workload.done ? 'idle' : 'ok' };
    case 'Service':
    case 'ConfigMap':
      return { text: workload.detail, state: 'idle' };
  }
}

const stateColours = {
  ok: 'testing.iconPassed',
  busy: 'list.warningForeground',
  failed: 'testing.iconFailed',
  idle: 'foreground',
} as const;

/** The rows of the workloads a pod belongs to: its owner's, and its Job's CronJob's. */
export function podWorkloadIds(connection: ClusterConnection, context: string, pod: SlimPod): string[] {
  const { namespace } = pod.meta;
  const owners = [podOwnerWorkload(pod), podTopWorkload(pod, (job) => connection.workloads.Job.get(namespace, job)?.meta.owner)];
  return [...new Set(owners.flatMap((owner) => (owner !== undefined && isShownKind(owner.kind) ? [workloadId(context, namespace, owner.kind, owner.name)] : [])))];
}

export const workloadRow: Row<'workload'> = {
  children(element, tree) {
    const connection = tree.connection(element.context);
    const events = eventsChild(tree, connection, element.id, element.context, element);
    if (!POD_OWNERS.has(element.kind)) return events;
    // A workload's pods are what it is made of: shown whole, not filtered.
    const pods = connection.podsOwnedBy(element.kind, element.namespace, element.name).toSorted((a, b) => byName(a.meta.name, b.meta.name));
    return [...events, ...tree.page(element, pods, (pod) => tree.element(podElement(element.context, element.namespace, pod.meta.name, 'workload')))];
  },
  item(element, tree) {
    const connection = tree.connection(element.context);
    const workload = connection.workloads[element.kind].get(element.namespace, element.name);
    const pods = POD_OWNERS.has(element.kind) ? connection.podsOwnedBy(element.kind, element.namespace, element.name).length : 0;
    const opens = pods > 0 || subjectEvents(connection, element).length > 0;
    const item = new vscode.TreeItem(element.name, opens ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    if (workload === undefined) {
      item.description = 'deleted';
      return item;
    }
    const warnings = warningNote(subjectWarnings(connection, element));
    // The warning badge comes from EventDecorations, keyed by this URI.
    item.resourceUri = objectUri(element.context, element);
    const { text, state } = workloadDescription(workload);
    const scaling = connection.autoscalersOf(element.kind, element.namespace, element.name).map((hpa) => hpa.scales?.words ?? '');
    item.description = [text, ...scaling, ...(warnings === undefined ? [] : [warnings.description])].join(' · ');
    item.iconPath = new vscode.ThemeIcon(kindIcons[element.kind], new vscode.ThemeColor(stateColours[state]));
    item.tooltip = [`${element.kind} ${element.namespace}/${element.name}: ${text}`, ...(pods > 0 ? [`${pods} pods`] : []), ...scaling.map((words) => `scaled by ${words}`), ...(warnings === undefined ? [] : [warnings.tooltip])].join('\n');
    return item;
  },
  contextValue: (element) => `kubeWorkbench.workload.${element.kind}`,
  refreshOn(change, context, connection) {
    // A pod redraws the workload it belongs to (its pod list and its expander) and a Job's pod its
    // CronJob, an HPA the workload it scales (before and after); a workload's own change redraws its
    // kind row, and so this row.
    if (change.resource === 'HorizontalPodAutoscaler' && change.type !== 'state' && change.type !== 'relisted') {
      const targets = [change.item, ...(change.type === 'modified' ? [change.previous] : [])].flatMap(({ meta, scales }) => (scales !== undefined && isShownKind(scales.kind) ? [workloadId(context, meta.namespace, scales.kind, scales.name)] : []));
      return [...new Set(targets)];
    }
    if (change.resource !== 'pods' || change.type === 'state' || change.type === 'relisted') return [];
    return podWorkloadIds(connection, context, change.item);
  },
};
