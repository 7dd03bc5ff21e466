/**
 * Cascading deletion: when an owner goes, its dependents go too (background propagation, the
 * kubectl default), and a deleted namespace takes its objects with it.
 */
import type { KubeObject } from './objects.ts';
import type { OwnerIndex } from './owner-index.ts';
import type { Catalog } from './resources.ts';
import type { Store } from './store.ts';

export class GarbageCollector {
  private readonly store: Store;
  private readonly owners: OwnerIndex;
  private readonly catalog: Catalog;

  constructor(store: Store, owners: OwnerIndex, catalog: Catalog) {
    this.store = store;
    this.owners = owners;
    this.catalog = catalog;
    store.subscribe((event) => {
      if (event.type !== 'DELETED') return;
      const uid = event.object.metadata.uid ?? '';
      // Deleting inside the listener is safe: the store emits each event after its own change is done.
      for (const dependent of this.owners.dependentRefs(uid)) {
        if (this.store.get(dependent.type, dependent.namespace, dependent.name) !== undefined) this.store.delete(dependent.type, dependent.namespace, dependent.name);
      }
      this.owners.forget(uid);
      if (event.resource.group === '' && event.resource.plural === 'namespaces') this.emptyNamespace(event.object.metadata.name ?? '');
    });
  }

  /** Removes the owner's references from its dependents, so they outlive it (propagationPolicy=Orphan). */
  orphan(owner: KubeObject): void {
    const uid = owner.metadata.uid ?? '';
    for (const ref of this.owners.dependentRefs(uid)) {
      const dependent = this.store.get(ref.type, ref.namespace, ref.name);
      if (dependent === undefined) continue;
      const ownerReferences = (dependent.metadata.ownerReferences ?? []).filter((each) => each.uid !== uid);
      this.store.update(ref.type, { ...dependent, metadata: { ...dependent.metadata, ownerReferences } });
    }
  }

  private emptyNamespace(namespace: string): void {
    for (const type of this.catalog.all()) {
      if (!type.namespaced || type.virtual === true) continue;
      for (const { object } of [...this.store.scan(type, { namespace })]) this.store.delete(type, namespace, object.metadata.name ?? '');
    }
  }
}
