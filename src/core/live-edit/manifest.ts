// "Save as Manifest": a live object as a hand-written manifest reads. Besides what the Edit document
// leaves out (live-object.ts: status, server metadata, kubectl's last-applied record, which apply
// writes anew), every field the server defaulted, allocated or generated (server-defaults.ts) goes
// while its value is still the server's: applying the file sets the same values. A field the user
// applied with server-side apply stays, default or not: they wrote it.
import { appliedByUser, type FieldStep } from './applied-fields.ts';
import { cleanLiveObject, isRecord } from './live-object.ts';
import { NOT_DEFAULTED, SERVER_DEFAULTS, type DefaultEntry } from './server-defaults.ts';

type Json = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Removes the entry's field wherever it holds the server's value; emptied parents go with it. */
function drop(root: Json, original: Json, entry: DefaultEntry, at: unknown, index: number, steps: FieldStep[]): boolean {
  const name = entry.path[index]!;
  const last = index === entry.path.length - 1;
  if (name === '*') {
    if (!Array.isArray(at)) return false;
    for (const item of at) {
      const step: FieldStep = isRecord(item) && typeof item['name'] === 'string' ? { name: item['name'] } : '';
      drop(root, original, entry, item, index + 1, [...steps, step]);
    }
    return false;
  }
  if (!isRecord(at) || !Object.hasOwn(at, name)) return false;
  const path = [...steps, name];
  if (last) {
    const value = typeof entry.value === 'function' ? (entry.value as (parent: Json, root: Json) => unknown)(at, root) : entry.value;
    // An unnamed list item ('') cannot be found in managedFields: the value is the default either way.
    const written = !path.includes('') && appliedByUser(original, path);
    if (value === NOT_DEFAULTED || !same(at[name], value) || written) return false;
    delete at[name];
    return Object.keys(at).length === 0;
  }
  if (drop(root, original, entry, at[name], index + 1, path) && isRecord(at[name])) delete at[name];
  return Object.keys(at).length === 0;
}

/** The object as a manifest file holds it (a Secret's data as stored: base64). */
export function manifestOf(object: Json): Json {
  const clean = structuredClone(cleanLiveObject(object));
  const entries = SERVER_DEFAULTS[`${String(clean['apiVersion'])} ${String(clean['kind'])}`] ?? [];
  for (const entry of entries) drop(clean, object, entry, clean, 0, []);
  return clean;
}
