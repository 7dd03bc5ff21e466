/**
 * The three classic patch types: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and a strategic
 * merge patch covering the common cases (lists merged by their patchMergeKey, `$patch` directives).
 */
import { isObject } from './objects.ts';
import { ApiError, badRequest } from './status.ts';

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** The patchMergeKey of the list fields that kubectl patches most (from the core/v1 and apps/v1 types). */
const mergeKeys: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  conditions: 'type',
  containerStatuses: 'name',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};

/** Service ports merge on `port`, container ports on `containerPort`: told apart by their items. */
export function mergeKeyOf(field: string, items: readonly unknown[]): string | undefined {
  if (field === 'ports') return items.some((item) => isObject(item) && 'containerPort' in item) ? 'containerPort' : 'port';
  return mergeKeys[field];
}

function mergeList(field: string, target: unknown, patch: unknown[]): unknown[] {
  const current = Array.isArray(target) ? target : [];
  const key = mergeKeyOf(field, [...current, ...patch]);
  if (key === undefined || !patch.every(isObject)) return patch.filter((item) => !(isObject(item) && '$patch' in item));
  if (patch.some((item) => isObject(item) && item['$patch'] === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item['$patch'] === 'replace'));
  }
  const result = [...current];
  // Positions by merge key, so a long list is merged in one pass (a search per item took minutes at 20,000).
  const positions = new Map<unknown, number>();
  result.forEach((existing, index) => {
    if (isObject(existing) && !positions.has(existing[key])) positions.set(existing[key], index);
  });
  const deleted = new Set<number>();
  for (const item of patch as Record<string, unknown>[]) {
    const index = positions.get(item[key]);
    if (item['$patch'] === 'delete') {
      if (index !== undefined) deleted.add(index);
      positions.delete(item[key]);
    } else if (index !== undefined) {
      result[index] = strategicMergePatch(result[index], item);
    } else {
      positions.set(item[key], result.length);
      result.push(strategicMergePatch(undefined, item));
    }
  }
  return deleted.size === 0 ? result : result.filter((_, index) => !deleted.has(index));
}

export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return rest;
  }
  if (patch['$patch'] === 'delete') return undefined;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$setElementOrder/') || key === '$retainKeys' || key === '$patch') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const drop = new Set(Array.isArray(value) ? value : []);
      const list = result[field];
      if (Array.isArray(list)) result[field] = list.filter((item) => !drop.has(item));
      continue;
    }
    if (value === null) delete result[key];
    else if (Array.isArray(value)) result[key] = mergeList(key, result[key], value);
    else {
      const merged = strategicMergePatch(result[key], value);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    }
  }
  return result;
}

function pointer(path: unknown): string[] {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) throw badRequest(`invalid JSON patch path ${String(path)}`);
  return path
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(document: unknown, parts: string[]): { parent: Record<string, unknown> | unknown[]; last: string } {
  let node: unknown = document;
  for (const part of parts.slice(0, -1)) {
    node = Array.isArray(node) ? node[Number(part)] : isObject(node) ? node[part] : undefined;
    if (!isObject(node) && !Array.isArray(node)) throw badRequest(`JSON patch path /${parts.join('/')} does not exist`);
  }
  return { parent: node as Record<string, unknown> | unknown[], last: parts[parts.length - 1] ?? '' };
}

/** kube-apiserver's limit on the operations of one JSON patch. */
export const maxJsonPatchOperations = 10_000;
/**
 * What `copy` operations may add together, in bytes of JSON: json-patch's AccumulatedCopySizeLimit,
 * which kube-apiserver sets so that copying a list into itself cannot double a document thirty times.
 */
export const maxCopiedBytes = 3 * 3 * 1024 * 1024;

/** RFC 6902 on a copy: add, remove, replace, test, move and copy. */
export function jsonPatch(document: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw badRequest('a JSON patch must be a list of operations');
  if (operations.length > maxJsonPatchOperations) {
    throw new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${operations.length}`);
  }
  let copied = 0;
  let result = structuredClone(document);
  for (const operation of operations) {
    if (!isObject(operation)) throw badRequest('a JSON patch operation must be an object');
    const parts = pointer(operation['path']);
    const read = (at: string[]): unknown => {
      const { parent, last } = parentOf(result, at);
      return Array.isArray(parent) ? parent[Number(last)] : parent[last];
    };
    const remove = (at: string[]): void => {
      const { parent, last } = parentOf(result, at);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else if (last in parent) delete parent[last];
      else throw badRequest(`JSON patch: path /${at.join('/')} does not exist`);
    };
    const add = (at: string[], value: unknown): void => {
      if (at.length === 0) {
        result = value;
        return;
      }
      const { parent, last } = parentOf(result, at);
      if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, value);
      else parent[last] = value;
    };
    switch (operation['op']) {
      case 'add':
        add(parts, structuredClone(operation['value']));
        break;
      case 'remove':
        remove(parts);
        break;
      case 'replace':
        remove(parts);
        add(parts, structuredClone(operation['value']));
        break;
      case 'test':
        if (JSON.stringify(read(parts)) !== JSON.stringify(operation['value'])) throw badRequest(`JSON patch test failed at ${String(operation['path'])}`);
        break;
      case 'move': {
        // Moved, not copied: the value leaves its old place, so no clone (one per move made 10,000 moves of a big subtree slow).
        const from = pointer(operation['from']);
        const value = read(from);
        remove(from);
        add(parts, value);
        break;
      }
      case 'copy': {
        const value = read(pointer(operation['from']));
        copied += JSON.stringify(value ?? null).length;
        if (copied > maxCopiedBytes) {
          throw new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: Unable to complete the copy, the accumulated size increase of copy is ${copied}, exceeding the limit ${maxCopiedBytes}`);
        }
        add(parts, structuredClone(value));
        break;
      }
      default:
        throw badRequest(`unknown JSON patch operation ${String(operation['op'])}`);
    }
  }
  return result;
}
