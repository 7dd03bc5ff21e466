/**
 * Field sets for managedFields: the leaves an object sets, as paths of `f:<field>` and
 * `k:{"<key>":<value>}` steps, converted to and from the FieldsV1 JSON the API shows.
 */
import { isObject } from './objects.ts';
import { mergeKeyOf } from './patch.ts';
import { ApiError } from './status.ts';

/** A path is its steps joined by NUL, which cannot occur in a field name. */
const separator = '\u0000';
/** The marker step FieldsV1 writes as `".": {}` for a keyed list item itself. */
const self = '.';

/** Fields the server manages itself, never owned by a field manager. */
const ignoredTop = new Set(['apiVersion', 'kind', 'status']);
const ignoredMetadata = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'deletionTimestamp', 'selfLink']);

/**
 * Paths repeat their ancestors' steps, so an object both deep and wide (a chain of long keys over
 * thousands of leaves, 200 KB of JSON) would make gigabytes of them; structured-merge-diff keeps a
 * tree and has no such limit. A real object's paths come to kilobytes, a 1 MiB ConfigMap's to a few
 * megabytes: past this many characters the write is refused instead.
 */
export const maxFieldPathChars = 32 * 1024 * 1024;

function tooManyPaths(): ApiError {
  return new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: the simulator tracks managedFields as paths, and this object's would take more than ${maxFieldPathChars} characters`);
}

interface Collector {
  readonly out: Set<string>;
  /** Characters of path the walk may still build. */
  left: number;
}

/** A path one step longer; built as a string, not an array copied at every level. */
function extend(path: string, step: string): string {
  return path === '' ? step : `${path}${separator}${step}`;
}

function collect(value: unknown, path: string, depth: number, field: string, into: Collector): void {
  into.left -= path.length;
  if (into.left < 0) throw tooManyPaths();
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && depth > 0) into.out.add(path);
    for (const [key, child] of entries) {
      if (depth === 0 && ignoredTop.has(key)) continue;
      if (depth === 1 && path === 'f:metadata' && ignoredMetadata.has(key)) continue;
      collect(child, extend(path, `f:${key}`), depth + 1, key, into);
    }
    return;
  }
  const key = Array.isArray(value) ? mergeKeyOf(field, value) : undefined;
  if (Array.isArray(value) && key !== undefined && value.every((item) => isObject(item) && item[key] !== undefined)) {
    for (const item of value as Record<string, unknown>[]) {
      const itemPath = extend(path, `k:${JSON.stringify({ [key]: item[key] })}`);
      into.out.add(extend(itemPath, self));
      collect(item, itemPath, depth + 1, '', into);
    }
    return;
  }
  into.out.add(path);
}

export function fieldSet(object: unknown): Set<string> {
  const into: Collector = { out: new Set<string>(), left: maxFieldPathChars };
  collect(object, '', 0, '', into);
  return into.out;
}

export function toFieldsV1(fields: ReadonlySet<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of [...fields].sort()) {
    let node = root;
    for (const step of path.split(separator)) {
      if (!isObject(node[step])) node[step] = {};
      node = node[step] as Record<string, unknown>;
    }
  }
  return root;
}

export function fromFieldsV1(fields: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, path: string): void => {
    if (!isObject(node)) return;
    const entries = Object.entries(node);
    if (entries.length === 0 && path !== '') out.add(path);
    for (const [step, child] of entries) walk(child, extend(path, step));
  };
  walk(fields, '');
  return out;
}

/** The value at a path, or undefined; `.` steps address the keyed item itself. */
export function valueAt(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const step of path.split(separator)) {
    if (step === self) return node;
    if (step.startsWith('f:')) node = isObject(node) ? node[step.slice(2)] : undefined;
    else node = findKeyed(node, step);
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * Keyed items by list, then by the item's `k:` step: one pass over a list instead of one per lookup,
 * which made a 20,000-item env list take minutes. Stored objects are immutable, and removeAt drops
 * the index of a list it changes.
 */
const keyedIndexes = new WeakMap<unknown[], Map<string, Map<string, unknown>>>();

function findKeyed(list: unknown, step: string): unknown {
  if (!Array.isArray(list)) return undefined;
  const wanted = JSON.parse(step.slice(2)) as Record<string, unknown>;
  const fields = Object.keys(wanted);
  // Every step the sim writes names one key; anything else is looked up the slow way.
  if (fields.length !== 1) return list.find((item) => isObject(item) && Object.entries(wanted).every(([key, value]) => item[key] === value));
  const field = fields[0] ?? '';
  let byField = keyedIndexes.get(list);
  if (byField === undefined) keyedIndexes.set(list, (byField = new Map()));
  let index = byField.get(field);
  if (index === undefined) {
    index = new Map();
    for (const item of list) {
      const text = isObject(item) && item[field] !== undefined ? `k:${JSON.stringify({ [field]: item[field] })}` : undefined;
      if (text !== undefined && !index.has(text)) index.set(text, item);
    }
    byField.set(field, index);
  }
  return index.get(step);
}

/** Removes the field at a path from a (mutable) object; a keyed item's marker removes the whole item. */
export function removeAt(object: Record<string, unknown>, path: string): void {
  const steps = path.split(separator);
  const itemSteps = steps[steps.length - 1] === self ? steps.slice(0, -1) : steps;
  const last = itemSteps[itemSteps.length - 1] ?? '';
  const parentSteps = itemSteps.slice(0, -1);
  const parent = parentSteps.length === 0 ? object : valueAt(object, parentSteps.join(separator));
  if (last.startsWith('f:')) {
    if (isObject(parent)) delete parent[last.slice(2)];
  } else if (Array.isArray(parent)) {
    const index = parent.indexOf(findKeyed(parent, last));
    if (index >= 0) parent.splice(index, 1);
    keyedIndexes.delete(parent);
  }
}

/** `.spec.replicas`, `.spec.template.spec.containers[name="app"].image`: how the server names a field in conflicts. */
export function describePath(path: string): string {
  return path
    .split(separator)
    .filter((step) => step !== self)
    .map((step) => {
      if (step.startsWith('f:')) return `.${step.slice(2)}`;
      const key = JSON.parse(step.slice(2)) as Record<string, unknown>;
      return `[${Object.entries(key).map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(',')}]`;
    })
    .join('');
}
