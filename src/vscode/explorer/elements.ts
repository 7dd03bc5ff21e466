// The Explorer's elements: small value objects naming what a row shows. The provider hands VS Code
// one object per id (ElementCache), so a change can refresh exactly the rows it touches.
import type { WorkloadKind } from '../../core/cluster/workload-model.ts';

export type Element =
  | { readonly type: 'context'; readonly id: string; readonly context: string }
  | { readonly type: 'nodes'; readonly id: string; readonly context: string }
  | { readonly type: 'node'; readonly id: string; readonly context: string; readonly name: string }
  | { readonly type: 'pod'; readonly id: string; readonly context: string; readonly namespace: string; readonly name: string }
  | { readonly type: 'workloads'; readonly id: string; readonly context: string }
  | { readonly type: 'namespace'; readonly id: string; readonly context: string; readonly namespace: string }
  | { readonly type: 'kind'; readonly id: string; readonly context: string; readonly namespace: string; readonly kind: WorkloadKind }
  | {
      readonly type: 'workload';
      readonly id: string;
      readonly context: string;
      readonly namespace: string;
      readonly kind: WorkloadKind;
      readonly name: string;
    }
  | { readonly type: 'customs'; readonly id: string; readonly context: string }
  | { readonly type: 'crdGroup'; readonly id: string; readonly context: string; readonly group: string }
  | { readonly type: 'crdKind'; readonly id: string; readonly context: string; readonly key: string; readonly kind: string }
  | { readonly type: 'custom'; readonly id: string; readonly context: string; readonly key: string; readonly namespace: string; readonly name: string }
  | { readonly type: 'status'; readonly id: string; readonly context: string; readonly severity: 'error' | 'info'; readonly message: string; readonly detail: string }
  | { readonly type: 'more'; readonly id: string; readonly context: string; readonly parentId: string; readonly remaining: number };

export type ElementOf<K extends Element['type']> = Extract<Element, { type: K }>;

/** Hands out one object per id, so VS Code sees the same element across refreshes. */
export class ElementCache {
  private readonly elements = new Map<string, Element>();

  get<K extends Element['type']>(element: ElementOf<K>): ElementOf<K> {
    const existing = this.elements.get(element.id);
    // An id names the same row for good, except status and "more" rows, whose text changes.
    if (existing !== undefined && existing.type === element.type && element.type !== 'status' && element.type !== 'more') {
      return existing as ElementOf<K>;
    }
    this.elements.set(element.id, element);
    return element;
  }

  /** The element with this id, if it was handed out. */
  find(id: string): Element | undefined {
    return this.elements.get(id);
  }

  all(): Element[] {
    return [...this.elements.values()];
  }

  /** Forgets the elements of a context (after a kubeconfig reload), or everything. */
  clear(context?: string): void {
    if (context === undefined) this.elements.clear();
    else for (const [id, element] of this.elements) if (element.context === context) this.elements.delete(id);
  }
}

export const ids = {
  context: (context: string) => `ctx:${context}`,
  nodes: (context: string) => `nodes:${context}`,
  node: (context: string, name: string) => `node:${context}:${name}`,
  pod: (context: string, namespace: string, name: string) => `pod:${context}:${namespace}/${name}`,
  workloads: (context: string) => `workloads:${context}`,
  namespace: (context: string, namespace: string) => `ns:${context}:${namespace}`,
  kind: (context: string, namespace: string, kind: WorkloadKind) => `kind:${context}:${namespace}:${kind}`,
  workload: (context: string, namespace: string, kind: WorkloadKind, name: string) => `wl:${context}:${namespace}:${kind}/${name}`,
  customs: (context: string) => `customs:${context}`,
  crdGroup: (context: string, group: string) => `crdgroup:${context}:${group}`,
  /** `key` is the connection's customKey(group, plural). */
  crdKind: (context: string, key: string) => `crdkind:${context}:${key}`,
  custom: (context: string, key: string, namespace: string, name: string) => `cr:${context}:${key}:${namespace}/${name}`,
};
