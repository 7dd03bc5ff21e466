/**
 * managedFields bookkeeping and server-side apply (KEP 555): each manager owns the fields it last
 * set; an apply that changes a field another manager owns is a 409 conflict unless forced, and
 * fields a manager stops applying are removed when nobody else owns them.
 */
import type { KubeObject, ManagedFieldsEntry } from './objects.ts';
import { clone, isObject } from './objects.ts';
import { describePath, fieldSet, fromFieldsV1, removeAt, toFieldsV1, valueAt } from './field-set.ts';
import { strategicMergePatch } from './patch.ts';
import { ApiError } from './status.ts';

export interface Manager {
  readonly name: string;
  readonly apiVersion: string;
  readonly time: string;
  readonly subresource?: string | undefined;
}

interface Owned {
  readonly entry: ManagedFieldsEntry;
  readonly fields: Set<string>;
}

function owned(object: KubeObject | undefined): Owned[] {
  return (object?.metadata.managedFields ?? []).map((entry) => ({ entry, fields: fromFieldsV1(entry.fieldsV1) }));
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function entries(all: Owned[], mine: ManagedFieldsEntry, fields: Set<string>): ManagedFieldsEntry[] {
  const others = all.filter((each) => !(each.entry.manager === mine.manager && each.entry.operation === mine.operation && each.entry.subresource === mine.subresource));
  const result = others.filter((each) => each.fields.size > 0).map((each) => ({ ...each.entry, fieldsV1: toFieldsV1(each.fields) }));
  if (fields.size > 0) result.push({ ...mine, fieldsV1: toFieldsV1(fields) });
  return result;
}

function entryOf(manager: Manager, operation: 'Apply' | 'Update'): ManagedFieldsEntry {
  return {
    manager: manager.name,
    operation,
    apiVersion: manager.apiVersion,
    time: manager.time,
    fieldsType: 'FieldsV1',
    fieldsV1: {},
    ...(manager.subresource === undefined ? {} : { subresource: manager.subresource }),
  };
}

/** An Update operation (create, replace, patch): the fields it changed move to its manager. */
export function recordUpdate(previous: KubeObject | undefined, next: KubeObject, manager: Manager): ManagedFieldsEntry[] {
  const all = owned(previous);
  const changed = [...fieldSet(next)].filter((path) => previous === undefined || !same(valueAt(previous, path), valueAt(next, path)));
  if (changed.length === 0) return previous?.metadata.managedFields ?? [];
  for (const each of all) for (const path of changed) each.fields.delete(path);
  // A manager's updates through a subresource (kubectl scale's) are an entry apart from its others.
  const mine = all.find((each) => each.entry.manager === manager.name && each.entry.operation === 'Update' && each.entry.subresource === manager.subresource);
  const fields = new Set([...(mine?.fields ?? []), ...changed]);
  return entries(all, entryOf(manager, 'Update'), fields);
}

/** A manager as the API server names it in a conflict (fieldmanager's printManager, without the time it drops). */
function managerText(entry: ManagedFieldsEntry): string {
  const subresource = entry.subresource === undefined ? '' : ` with subresource ${JSON.stringify(entry.subresource)}`;
  return `${JSON.stringify(entry.manager)}${subresource}${entry.operation === 'Update' ? ` using ${entry.apiVersion}` : ''}`;
}

function conflictError(conflicts: { path: string; manager: ManagedFieldsEntry }[]): ApiError {
  const causes = conflicts.map(({ path, manager }) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${managerText(manager)}`,
    field: describePath(path),
  }));
  const summary = causes.map((cause) => `${cause.message}: ${cause.field}`).join('\n- ');
  const count = causes.length === 1 ? '1 conflict' : `${causes.length} conflicts`;
  return new ApiError(409, 'Conflict', `Apply failed with ${count}: ${summary}`, { causes });
}

/**
 * Merges an applied configuration into the live object (undefined: a create). Throws 409 when it
 * would change fields another manager owns and `force` is off.
 */
export function serverSideApply(live: KubeObject | undefined, applied: KubeObject, manager: Manager, force: boolean): KubeObject {
  const all = owned(live);
  const fields = fieldSet(applied);
  const conflicts: { path: string; manager: ManagedFieldsEntry }[] = [];
  for (const each of all) {
    if (each.entry.manager === manager.name) continue;
    for (const path of fields) {
      if (each.fields.has(path) && live !== undefined && !same(valueAt(live, path), valueAt(applied, path))) conflicts.push({ path, manager: each.entry });
    }
  }
  if (conflicts.length > 0 && !force) throw conflictError(conflicts);
  for (const { path, manager: loser } of conflicts) all.find((each) => each.entry === loser)?.fields.delete(path);

  const base = live === undefined ? { metadata: {} } : clone(live);
  const merged = strategicMergePatch(base, withoutNulls(applied)) as KubeObject;
  const previous = all.find((each) => each.entry.manager === manager.name && each.entry.operation === 'Apply');
  for (const path of previous?.fields ?? []) {
    const stillOwned = fields.has(path) || all.some((each) => each !== previous && each.fields.has(path));
    if (!stillOwned) removeAt(merged, path);
  }
  merged.metadata = { ...merged.metadata, managedFields: entries(all, entryOf(manager, 'Apply'), fields) };
  return merged;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, child]) => child !== null)
      .map(([key, child]) => [key, withoutNulls(child)]),
  );
}
