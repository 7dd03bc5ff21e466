// A pod (task), under its node or under the workload that owns it: its status first, then readiness,
// restarts, and where it lives (the namespace under a node, the node under a workload).
import * as vscode from 'vscode';
import type { SlimPod } from '../../../core/cluster/pod-model.ts';
import { objectUri } from '../event-decorations.ts';
import { subjectWarnings, warningNote } from '../object-warnings.ts';
import { eventsChild } from './events-row.ts';
import type { Row } from './row.ts';

declare module '../elements.ts' {
  interface ElementFields {
    /** `via`: the parent it is listed under; a tree id may appear once, so each parent gives it its own. */
    pod: { namespace: string; name: string; via: 'node' | 'workload' };
  }
}

export const podElement = (context: string, namespace: string, name: string, via: 'node' | 'workload') =>
  ({ type: 'pod', id: `${via === 'node' ? 'pod' : 'wpod'}:${context}:${namespace}/${name}`, context, namespace, name, via }) as const;

const GIB = 2 ** 30;

function podIcon(pod: SlimPod): vscode.ThemeIcon {
  if (pod.phase === 'Failed' || /BackOff|Err|Evicted|OOMKilled/.test(pod.reason)) {
    return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
  }
  if (pod.phase === 'Succeeded') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('disabledForeground'));
  if (pod.phase === 'Running' && pod.readyContainers === pod.containers) {
    return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
  }
  return new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground'));
}

const subjectOf = (element: { namespace: string; name: string }) => ({ kind: 'Pod', namespace: element.namespace, name: element.name });

export const podRow: Row<'pod'> = {
  children: (element, tree) => eventsChild(tree, tree.connection(element.context), element.id, element.context, subjectOf(element)),
  item(element, tree) {
    const connection = tree.connection(element.context);
    const subject = subjectOf(element);
    const hasEvents = connection.events.forObject('Pod', element.namespace, element.name).length > 0;
    const item = new vscode.TreeItem(element.name, hasEvents ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const pod = connection.pods.get(element.namespace, element.name);
    if (pod === undefined) {
      item.description = 'deleted';
      return item;
    }
    const warnings = warningNote(subjectWarnings(connection, subject));
    // The warning badge comes from EventDecorations, keyed by this URI.
    item.resourceUri = objectUri(element.context, subject);
    const status = pod.reason || pod.phase;
    const where = element.via === 'node' ? element.namespace : pod.nodeName || 'not scheduled';
    item.description = [status, `${pod.readyContainers}/${pod.containers} ready`, ...(pod.restarts > 0 ? [`${pod.restarts} restarts`] : []), ...(warnings === undefined ? [] : [warnings.description]), where].join(' · ');
    item.iconPath = podIcon(pod);
    const owner = pod.meta.owner === undefined ? 'no owner' : `owned by ${pod.meta.owner.kind} ${pod.meta.owner.name}`;
    item.tooltip = new vscode.MarkdownString(
      [
        `**${element.namespace}/${element.name}**: ${status}`,
        pod.nodeName === '' ? 'not scheduled' : `on node ${pod.nodeName}`,
        owner,
        `requests cpu ${pod.requestCpu} cores, memory ${(pod.requestMemoryBytes / GIB).toFixed(2)} GiB`,
        // Event text is the cluster's: escaped, never rendered as Markdown.
        ...(warnings === undefined ? [] : [new vscode.MarkdownString().appendText(warnings.tooltip).value]),
      ].join('\n\n'),
    );
    return item;
  },
  contextValue: () => 'kubeWorkbench.pod',
};
