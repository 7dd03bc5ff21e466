// Which fields a user wrote, as the server recorded it: the managedFields entries of server-side
// apply (operation Apply) list exactly the fields of the applied configuration. (Update entries
// also claim the fields defaulting added, so they cannot tell.) fieldsV1 nests `f:<field>` for a
// field and `k:{"name":...}` for a list item found by its key.
import { isRecord } from './live-object.ts';

/** A step into a field (string) or into the list item with this name. */
export type FieldStep = string | { readonly name: string };

function child(fields: Record<string, unknown>, step: FieldStep): Record<string, unknown> | undefined {
  if (typeof step === 'string') {
    const next = fields[`f:${step}`];
    return isRecord(next) ? next : undefined;
  }
  for (const [key, next] of Object.entries(fields)) {
    if (!key.startsWith('k:') || !isRecord(next)) continue;
    try {
      const itemKey: unknown = JSON.parse(key.slice(2));
      if (isRecord(itemKey) && itemKey['name'] === step.name) return next;
    } catch {
      // A malformed key is no item of ours.
    }
  }
  return undefined;
}

function owns(fieldsV1: unknown, path: readonly FieldStep[]): boolean {
  let fields: Record<string, unknown> | undefined = isRecord(fieldsV1) ? fieldsV1 : undefined;
  for (const step of path) fields = fields === undefined ? undefined : child(fields, step);
  return fields !== undefined;
}

/** True when a server-side apply of the object's managers set the field at `path`. */
export function appliedByUser(object: Record<string, unknown>, path: readonly FieldStep[]): boolean {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  const entries = Array.isArray(metadata['managedFields']) ? metadata['managedFields'] : [];
  return entries.some((entry) => isRecord(entry) && entry['operation'] === 'Apply' && owns(entry['fieldsV1'], path));
}
