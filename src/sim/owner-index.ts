/** Dependents by owner uid, kept from store events: what the garbage collector and controllers look up. */
import type { KubeObject } from './objects.ts';
import type { ResourceType } from './resources.ts';
import { objectKey, type Store } from './store.ts';
import { typeKey } from './resources.ts';

export interface Dependent {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
}

export class OwnerIndex {
  private readonly byOwner = new Map<string, Map<string, Dependent>>();
  /** The reverse links, so an update unlinks an object in O(its owners). */
  private readonly ownersOf = new Map<string, string[]>();
  private readonly store: Store;

  constructor(store: Store) {
    this.store = store;
    store.subscribe((event) => {
      const owners = event.object.metadata.ownerReferences ?? [];
      const id = `${typeKey(event.resource)}|${objectKey(event.object.metadata.namespace, event.object.metadata.name ?? '')}`;
      // An update may drop owners: remove the old links before adding the current ones.
      for (const uid of this.ownersOf.get(id) ?? []) this.byOwner.get(uid)?.delete(id);
      this.ownersOf.delete(id);
      if (event.type === 'DELETED' || owners.length === 0) return;
      this.ownersOf.set(id, owners.map((owner) => owner.uid));
      for (const owner of owners) {
        let dependents = this.byOwner.get(owner.uid);
        if (dependents === undefined) {
          dependents = new Map();
          this.byOwner.set(owner.uid, dependents);
        }
        dependents.set(id, { type: event.resource, namespace: event.object.metadata.namespace, name: event.object.metadata.name ?? '' });
      }
    });
  }

  /** The current objects owned by `uid`, optionally of one type. */
  dependents(uid: string, type?: ResourceType): KubeObject[] {
    const result: KubeObject[] = [];
    for (const dependent of this.byOwner.get(uid)?.values() ?? []) {
      if (type !== undefined && typeKey(dependent.type) !== typeKey(type)) continue;
      const object = this.store.get(dependent.type, dependent.namespace, dependent.name);
      if (object !== undefined) result.push(object);
    }
    return result;
  }

  dependentRefs(uid: string): Dependent[] {
    return [...(this.byOwner.get(uid)?.values() ?? [])];
  }

  forget(uid: string): void {
    this.byOwner.delete(uid);
  }
}
