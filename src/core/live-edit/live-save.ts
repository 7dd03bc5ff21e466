// The Edit document's text, and what its save sends: the edit (the object as opened → the text as
// saved) merged onto the live object, which also carries back every field the document leaves out,
// with the live object's resourceVersion as the update's precondition.
import { load } from 'js-yaml';
import { err, ok, type Result } from '../result.ts';
import { toYaml } from '../yaml/dump.ts';
import { cleanLiveObject, isRecord } from './live-object.ts';
import { decodeSecret, encodeSecret } from './secret-edit.ts';
import { threeWayMerge } from './three-way-merge.ts';

type Json = Record<string, unknown>;

/** The document text of a live object (a Secret's text values decoded only when `decodeSecrets`). */
export function editText(object: Json, decodeSecrets: boolean): string {
  const clean = cleanLiveObject(object);
  return toYaml(decodeSecrets ? decodeSecret(clean) : clean);
}

const identity = (object: Json): string => {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  return `${String(object['apiVersion'])} ${String(object['kind'])} ${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
};

/** The saved text as one object, refused when it is not YAML or names another object than the document's. */
export function parseEdited(text: string, opened: Json): Result<Json, string> {
  let value: unknown;
  try {
    value = load(text);
  } catch (error) {
    return err(`the document is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  if (!isRecord(value)) return err('the document must hold one object');
  const namespace = (opened['metadata'] as Json | undefined)?.['namespace'];
  // A missing namespace is the document's own (as kubectl apply -n fills it in).
  const metadata = isRecord(value['metadata']) ? value['metadata'] : {};
  const filled = namespace === undefined || metadata['namespace'] !== undefined ? value : { ...value, metadata: { ...metadata, namespace } };
  if (identity(filled) !== identity(opened)) return err(`the document edits ${identity(opened)}; apiVersion, kind, name and namespace cannot change`);
  return ok(filled);
}

export interface SavePlan {
  /** The object to send (PUT): the live one with my edit, its resourceVersion the precondition. */
  readonly body: Json;
  /** Fields both my edit and the live object changed since `opened`. */
  readonly conflicts: readonly string[];
}

/**
 * My edit (`opened` → `edited`) onto `live`. Saving right after opening passes the opened object as
 * `live`; after a conflict, the object as it is now (reload and re-apply); overwriting passes the
 * object now as both `opened` and `live`, so every difference is mine.
 */
export function savePlan(opened: Json, edited: Json, live: Json): SavePlan {
  const { merged, conflicts } = threeWayMerge(cleanLiveObject(opened), encodeSecret(edited), live);
  return { body: merged as Json, conflicts };
}
