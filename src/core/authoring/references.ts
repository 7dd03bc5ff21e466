import { asList, asMapping, asText, valueAt } from '../lint/values.ts';
import type { PathSegment } from '../yaml/positions.ts';

/** An object of the folder's manifests, as completion needs it: plain values, no positions. */
export interface FolderObject {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly value: unknown;
}

/** Names from a connected cluster's cache, by kind (Secrets by name only: never their data). */
export type ClusterNames = Readonly<Partial<Record<string, readonly string[]>>>;

/** One name a reference field may take, and where it comes from. */
export interface ReferenceName {
  readonly name: string;
  readonly source: 'folder' | 'cluster';
  readonly kind: string;
}

interface Reference {
  /** Matches the dotted path of the field (list items as `[]`). */
  readonly field: RegExp;
  /** The kind of the named object; a function when a sibling says it (scaleTargetRef.kind). */
  readonly kind: string | ((siblings: ReadonlyMap<string, string>) => string);
  /** Names below the object rather than its name: the data keys of a ConfigMap or Secret, a Service's ports. */
  readonly inner?: (object: FolderObject) => readonly string[];
  /** For `inner`: the sibling (or, with `up`, the grandparent's key) naming the object. */
  readonly owner?: { readonly key: string; readonly up: number };
}

const dataKeys = (object: FolderObject): string[] => [...Object.keys(asMapping(valueAt(object.value, 'data')) ?? {}), ...Object.keys(asMapping(valueAt(object.value, 'stringData')) ?? {})];
const servicePorts = (field: 'port' | 'name') => (object: FolderObject): string[] =>
  asList(valueAt(object.value, 'spec', 'ports')).flatMap((port) => {
    const value = valueAt(port, field);
    return typeof value === 'string' || typeof value === 'number' ? [String(value)] : [];
  });

const references: readonly Reference[] = [
  { field: /(?:configMapRef|configMapKeyRef|configMap)\.name$/, kind: 'ConfigMap' },
  { field: /(?:secretKeyRef|secretRef)\.name$|secret\.secretName$|imagePullSecrets\[\]\.name$/, kind: 'Secret' },
  { field: /configMapKeyRef\.key$/, kind: 'ConfigMap', inner: dataKeys, owner: { key: 'name', up: 0 } },
  { field: /secretKeyRef\.key$/, kind: 'Secret', inner: dataKeys, owner: { key: 'name', up: 0 } },
  { field: /(?:^|\.)serviceAccountName$/, kind: 'ServiceAccount' },
  { field: /persistentVolumeClaim\.claimName$/, kind: 'PersistentVolumeClaim' },
  { field: /scaleTargetRef\.name$/, kind: (siblings) => siblings.get('kind') ?? 'Deployment' },
  { field: /[bB]ackend\.service\.name$/, kind: 'Service' },
  { field: /[bB]ackend\.service\.port\.number$/, kind: 'Service', inner: servicePorts('port'), owner: { key: 'name', up: 1 } },
  { field: /[bB]ackend\.service\.port\.name$/, kind: 'Service', inner: servicePorts('name'), owner: { key: 'name', up: 1 } },
  { field: /(?:^|\.)storageClassName$/, kind: 'StorageClass' },
  { field: /(?:^|\.)priorityClassName$/, kind: 'PriorityClass' },
  { field: /^metadata\.namespace$/, kind: 'Namespace' },
];

export function dottedPath(path: readonly PathSegment[], key: string): string {
  return [...path, key].map((step) => (step === 0 ? '[]' : String(step))).join('.').replaceAll('.[]', '[]');
}

function referenceOf(path: readonly PathSegment[], key: string): Reference | undefined {
  const field = dottedPath(path, key);
  return references.find((entry) => entry.field.test(field));
}

const kindOf = (reference: Reference, siblings: ReadonlyMap<string, string>): string => (typeof reference.kind === 'string' ? reference.kind : reference.kind(siblings));

/** The kind of object a field names by its `metadata.name` (not the keys or ports inside one), if it names one. */
export function referencedKind(path: readonly PathSegment[], key: string, siblings: ReadonlyMap<string, string>): string | undefined {
  const reference = referenceOf(path, key);
  return reference === undefined || reference.inner !== undefined ? undefined : kindOf(reference, siblings);
}

/**
 * The names a reference field may take: objects of the folder's manifests first, then the cluster's.
 * `scopes` are the mappings from the root down to the field's own, for the sibling that names the owner.
 */
export function referenceNames(path: readonly PathSegment[], key: string, scopes: readonly ReadonlyMap<string, string>[], folder: readonly FolderObject[], cluster: ClusterNames): ReferenceName[] {
  const reference = referenceOf(path, key);
  if (reference === undefined) return [];
  const kind = kindOf(reference, scopes.at(-1) ?? new Map<string, string>());
  const ofKind = folder.filter((object) => object.kind === kind);
  const names = new Map<string, ReferenceName>();
  if (reference.inner !== undefined && reference.owner !== undefined) {
    const owner = scopes.at(-1 - reference.owner.up)?.get(reference.owner.key);
    for (const object of ofKind.filter((entry) => entry.name === owner)) for (const name of reference.inner(object)) names.set(name, { name, source: 'folder', kind });
    return [...names.values()];
  }
  for (const object of ofKind) if (object.name !== undefined) names.set(object.name, { name: object.name, source: 'folder', kind });
  for (const name of cluster[kind] ?? []) if (!names.has(name)) names.set(name, { name, source: 'cluster', kind });
  return [...names.values()];
}

/** Folder objects from parsed documents' values. */
export function folderObjects(values: readonly unknown[]): FolderObject[] {
  return values.map((value) => ({ kind: asText(valueAt(value, 'kind')), name: asText(valueAt(value, 'metadata', 'name')), value }));
}
