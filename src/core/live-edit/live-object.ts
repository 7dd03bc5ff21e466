// A live object as a user edits it: what the server sets and keeps (status, managedFields, uid,
// resourceVersion, ...) left out, kubectl's last-applied annotation too, and the keys in the order
// manifests are written (apiVersion, kind, metadata, spec, then the rest). What is left out is not
// lost: the save merges the edit onto the live object (three-way-merge.ts), which still holds it.

type Json = Record<string, unknown>;

/**
 * kubectl's client-side apply record: a one-line JSON copy of a whole object, the noisiest line of
 * the document and never meant for hand editing. Hidden rather than shown, and kept unchanged on the
 * server by the save (as for every hidden field), so a later `kubectl apply` still diffs against it.
 */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Set by the server (or by kubectl's bookkeeping) and never by the user. */
const SERVER_METADATA = ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'selfLink', 'deletionGracePeriodSeconds', 'deletionTimestamp'];

const TOP_ORDER = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA_ORDER = ['name', 'generateName', 'namespace', 'labels', 'annotations'];

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `object`'s keys with `first` (those present) leading, the others in their own order. */
export function ordered(object: Json, first: readonly string[]): Json {
  const keys = [...first.filter((key) => Object.hasOwn(object, key)), ...Object.keys(object).filter((key) => !first.includes(key))];
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

function withoutKeys(object: Json, keys: readonly string[]): Json {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The object as the Edit document shows it. */
export function cleanLiveObject(object: Json): Json {
  const metadata = isRecord(object['metadata']) ? withoutKeys(object['metadata'], SERVER_METADATA) : {};
  if (isRecord(metadata['annotations'])) {
    const annotations = withoutKeys(metadata['annotations'], [LAST_APPLIED]);
    if (Object.keys(annotations).length === 0) delete metadata['annotations'];
    else metadata['annotations'] = annotations;
  }
  return ordered({ ...withoutKeys(object, ['status']), metadata: ordered(metadata, METADATA_ORDER) }, TOP_ORDER);
}
