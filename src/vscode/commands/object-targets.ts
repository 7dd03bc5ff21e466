// What a command acts on: an ObjectRef plus the context it lives in, from a tree row (palette picks
// are in object-picks.ts); and the current context the palette's commands act in.
import * as vscode from 'vscode';
import { formatObjectName } from '../../core/cluster/object-ref.ts';
import { workloadPods } from '../../core/cluster/pod-owner.ts';
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import type { ObjectRef } from '../../cluster/index.ts';
import { crdKindPath } from '../../cluster/kinds.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import type { Element } from '../explorer/elements.ts';

export interface Target {
  readonly context: string;
  readonly ref: ObjectRef;
}

export function describeTarget(target: Target): string {
  return formatObjectName(target.ref);
}

/** The pods of a workload in the cache, through its owner references (owner-match.ts, pod-owner.ts). */
export function podsOfWorkload(connection: ClusterConnection, kind: string, namespace: string, name: string): SlimPod[] {
  return workloadPods(connection.pods.byIndex('namespace', namespace), { kind, name }, (job) => connection.workloads.Job.get(namespace, job)?.meta.owner);
}

/** The object behind a tree row; undefined for rows that are not one object. */
export function targetOf(element: Element, clusters: ClusterServiceHolder): Target | undefined {
  switch (element.type) {
    case 'workload':
      return { context: element.context, ref: { kind: element.kind, namespace: element.namespace, name: element.name } };
    case 'pod':
      return { context: element.context, ref: { kind: 'Pod', namespace: element.namespace, name: element.name } };
    case 'node':
      return { context: element.context, ref: { kind: 'Node', namespace: '', name: element.name } };
    case 'listedObject':
      return { context: element.context, ref: { kind: element.kind, namespace: element.namespace, name: element.name } };
    case 'custom': {
      const crd = clusters.get().connection(element.context)?.customResources.get(element.key)?.crd;
      if (crd === undefined) return undefined;
      return { context: element.context, ref: { kind: crd.kind, namespace: element.namespace, name: element.name, path: crdKindPath(crd) } };
    }
    default:
      return undefined;
  }
}

export interface CurrentContext {
  readonly name: string;
  /** The context's namespace, '' when it sets none. */
  readonly namespace: string;
  /** The kubeconfig files in effect. */
  readonly files: readonly string[];
}

/** The kubeconfig's current context; undefined after telling the user why there is none. */
export function currentContext(clusters: ClusterServiceHolder, purpose = ''): CurrentContext | undefined {
  const config = clusters.get().config;
  if (!config.ok || config.value.currentContext === '') {
    void vscode.window.showErrorMessage(config.ok ? `The kubeconfig sets no current context${purpose}.` : config.error.message);
    return undefined;
  }
  const name = config.value.currentContext;
  return { name, namespace: config.value.contexts.find((candidate) => candidate.name === name)?.namespace ?? '', files: config.value.files };
}
