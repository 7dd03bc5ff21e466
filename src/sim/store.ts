/**
 * The in-memory object store: one global resourceVersion (as etcd's revision), objects treated as
 * immutable once stored, keys kept sorted per type so paged lists resume by binary search.
 */
import { randomUUID } from 'node:crypto';
import type { KubeObject } from './objects.ts';
import { typeKey, type ResourceType } from './resources.ts';
import { alreadyExists, notFound, staleResourceVersion } from './status.ts';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: EventType;
  readonly resource: ResourceType;
  readonly object: KubeObject;
  readonly resourceVersion: number;
  /** The object before a MODIFIED event: filtered watches need to know what stopped matching. */
  readonly previous?: KubeObject;
}

interface Bucket {
  readonly objects: Map<string, KubeObject>;
  /** `namespace/name` keys (names alone for cluster-scoped types), sorted unless `unsorted`. */
  readonly keys: string[];
  /** Set by bulk inserts (seeding) that append out of order; the next scan sorts once. */
  unsorted: boolean;
}

export function objectKey(namespace: string | undefined, name: string): string {
  return namespace === undefined || namespace === '' ? name : `${namespace}/${name}`;
}

/** Index of the first key greater than or equal to `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface ScanOptions {
  readonly namespace?: string | undefined;
  /** Resume strictly after this key (a continue token's position). */
  readonly after?: string | undefined;
}

export class Store {
  private revision = 0;
  private readonly buckets = new Map<string, Bucket>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly timestamp: () => string;
  private bulk = false;

  constructor(timestamp: () => string) {
    this.timestamp = timestamp;
  }

  get resourceVersion(): number {
    return this.revision;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a bulk load (seeding): inserts append and each type is sorted once, on its next scan. */
  load(fill: () => void): void {
    this.bulk = true;
    try {
      fill();
    } finally {
      this.bulk = false;
    }
  }

  get(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(resource).objects.get(objectKey(namespace, name));
  }

  count(resource: ResourceType): number {
    return this.bucket(resource).keys.length;
  }

  /** Objects in key order; a generator so a 150,000-pod list is never copied. */
  *scan(resource: ResourceType, options: ScanOptions = {}): Generator<{ key: string; object: KubeObject }> {
    const bucket = this.bucket(resource);
    if (bucket.unsorted) {
      bucket.keys.sort();
      bucket.unsorted = false;
    }
    const prefix = options.namespace === undefined ? '' : `${options.namespace}/`;
    let index = options.after === undefined ? lowerBound(bucket.keys, prefix) : lowerBound(bucket.keys, options.after + '\u0000');
    for (; index < bucket.keys.length; index += 1) {
      const key = bucket.keys[index] ?? '';
      if (!key.startsWith(prefix)) return;
      const object = bucket.objects.get(key);
      if (object !== undefined) yield { key, object };
    }
  }

  /** How many objects a scan of `namespace` has left after `after`: a page's remainingItemCount, by binary search. */
  countAfter(resource: ResourceType, namespace: string | undefined, after: string): number {
    const { keys } = this.bucket(resource);
    // '0' follows '/': every key of the namespace sorts before `<namespace>0`.
    const end = namespace === undefined ? keys.length : lowerBound(keys, `${namespace}0`);
    return Math.max(0, end - lowerBound(keys, after + '\u0000'));
  }

  /** Throws what create/update would throw, without writing: for dryRun. */
  check(resource: ResourceType, object: KubeObject, creating: boolean): void {
    const name = object.metadata.name ?? '';
    const current = this.bucket(resource).objects.get(objectKey(object.metadata.namespace, name));
    if (creating && current !== undefined) throw alreadyExists(resource, name);
    if (creating) return;
    if (current === undefined) throw notFound(resource, name);
    const expected = object.metadata.resourceVersion;
    if (expected !== undefined && expected !== '' && expected !== current.metadata.resourceVersion) throw staleResourceVersion(resource, name);
  }

  /** Stores a new object; fills uid, creationTimestamp and resourceVersion. */
  create(resource: ResourceType, object: KubeObject): KubeObject {
    const name = object.metadata.name ?? '';
    const key = objectKey(object.metadata.namespace, name);
    const bucket = this.bucket(resource);
    if (bucket.objects.has(key)) throw alreadyExists(resource, name);
    const stored: KubeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: object.metadata.uid ?? randomUUID(),
        creationTimestamp: object.metadata.creationTimestamp ?? this.timestamp(),
        resourceVersion: String(++this.revision),
      },
    };
    bucket.objects.set(key, stored);
    this.insertKey(bucket, key);
    this.emit('ADDED', resource, stored);
    return stored;
  }

  /** Replaces an object; a resourceVersion in `object` must match the stored one (optimistic concurrency). */
  update(resource: ResourceType, object: KubeObject): KubeObject {
    const name = object.metadata.name ?? '';
    const key = objectKey(object.metadata.namespace, name);
    const bucket = this.bucket(resource);
    const current = bucket.objects.get(key);
    if (current === undefined) throw notFound(resource, name);
    const expected = object.metadata.resourceVersion;
    if (expected !== undefined && expected !== '' && expected !== current.metadata.resourceVersion) {
      throw staleResourceVersion(resource, name);
    }
    const stored: KubeObject = {
      ...object,
      metadata: {
        ...object.metadata,
        uid: current.metadata.uid,
        creationTimestamp: current.metadata.creationTimestamp,
        resourceVersion: String(++this.revision),
      },
    };
    bucket.objects.set(key, stored);
    this.emit('MODIFIED', resource, stored, current);
    return stored;
  }

  delete(resource: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const key = objectKey(namespace, name);
    const bucket = this.bucket(resource);
    const current = bucket.objects.get(key);
    if (current === undefined) throw notFound(resource, name);
    bucket.objects.delete(key);
    const index = bucket.unsorted ? bucket.keys.indexOf(key) : lowerBound(bucket.keys, key);
    if (bucket.keys[index] === key) bucket.keys.splice(index, 1);
    // The DELETED event carries the object at the deletion's own resourceVersion, as etcd3's watch does.
    const gone: KubeObject = { ...current, metadata: { ...current.metadata, resourceVersion: String(++this.revision) } };
    this.emit('DELETED', resource, gone);
    return gone;
  }

  private insertKey(bucket: Bucket, key: string): void {
    const last = bucket.keys[bucket.keys.length - 1];
    if (last === undefined || key > last || bucket.unsorted) {
      bucket.keys.push(key);
      if (last !== undefined && key < last) bucket.unsorted = true;
    } else if (this.bulk) {
      bucket.keys.push(key);
      bucket.unsorted = true;
    } else {
      bucket.keys.splice(lowerBound(bucket.keys, key), 0, key);
    }
  }

  private emit(type: EventType, resource: ResourceType, object: KubeObject, previous?: KubeObject): void {
    const event: StoreEvent = { type, resource, object, resourceVersion: this.revision, ...(previous === undefined ? {} : { previous }) };
    for (const listener of this.listeners) listener(event);
  }

  private bucket(resource: ResourceType): Bucket {
    const key = typeKey(resource);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { objects: new Map(), keys: [], unsorted: false };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
