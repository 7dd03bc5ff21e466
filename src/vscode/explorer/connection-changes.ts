// Turns one context's cache changes into the ids of the Explorer rows they touch: a pod redraws its
// node (and the node it left), a lease its node, a workload its kind row, a relist or a state change
// the context's groups. Handlers only collect ids; the coalescer decides when to redraw.
import type { SlimLease } from '../../core/cluster/lease-model.ts';
import type { SlimNode } from '../../core/cluster/node-model.ts';
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import type { SlimWorkload } from '../../core/cluster/workload-model.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { ids } from './elements.ts';

export function watchConnection(connection: ClusterConnection, invalidate: (id: string) => void): { dispose(): void } {
  const context = connection.context;
  const changes = connection.onDidChange(({ resource, item, previous }) => {
    if (resource === 'crds') {
      // Kinds came or went: the context shows or hides Custom resources, the groups change.
      invalidate(ids.context(context));
      return;
    }
    if (resource.startsWith('custom:')) {
      invalidate(ids.crdKind(context, resource));
      return;
    }
    if (item === undefined) {
      // A relist replaced the resource: redraw its group.
      invalidate(resource === 'nodes' || resource === 'leases' || resource === 'pods' ? ids.nodes(context) : ids.workloads(context));
      return;
    }
    switch (resource) {
      case 'nodes': {
        // Added or deleted (a delete carries the old object as both): the group's list changes.
        const addedOrDeleted = previous === undefined || previous === item;
        invalidate(addedOrDeleted ? ids.nodes(context) : ids.node(context, (item as SlimNode).meta.name));
        return;
      }
      case 'leases':
        invalidate(ids.node(context, (item as SlimLease).name));
        return;
      case 'pods': {
        const pod = item as SlimPod;
        const before = previous as SlimPod | undefined;
        if (pod.nodeName !== '') invalidate(ids.node(context, pod.nodeName));
        if (before !== undefined && before.nodeName !== pod.nodeName && before.nodeName !== '') invalidate(ids.node(context, before.nodeName));
        return;
      }
      default: {
        const workload = item as SlimWorkload;
        invalidate(ids.kind(context, workload.meta.namespace, workload.kind));
        if (previous === undefined || previous === item) {
          // Added or deleted: counts on the namespace and group rows change too.
          invalidate(ids.namespace(context, workload.meta.namespace));
          invalidate(ids.workloads(context));
        }
      }
    }
  });
  const states = connection.onDidChangeState((resource) => {
    if (resource === 'version') return invalidate(ids.context(context));
    invalidate(ids.nodes(context));
    invalidate(ids.workloads(context));
  });
  return {
    dispose: () => {
      changes.dispose();
      states.dispose();
    },
  };
}
