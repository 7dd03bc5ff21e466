// `fit`'s snapshot read and checked: whatever is wrong with it (too large, not JSON, not a List of
// Nodes) is a UsageError naming the file, exit 2: a fit check against no nodes is no answer. The
// JSON parser's message is not passed on, since it quotes the file, which may hold secret values.
import { readInputFile } from './read-input.ts';
import { UsageError } from './usage-error.ts';

/** `kubectl get nodes,pods -A -o json` of a 5,000-node cluster is some hundred MB. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

export interface SnapshotObjects {
  readonly nodes: readonly unknown[];
  readonly pods: readonly unknown[];
}

function whatItIs(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a JSON array';
  if (typeof value !== 'object') return `a JSON ${typeof value}`;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' ? `a ${kind}` : 'an object without kind';
}

/** The Node and Pod objects of a kubectl List (or of a single Node). */
export async function readSnapshot(path: string): Promise<SnapshotObjects> {
  const text = await readInputFile(path, MAX_SNAPSHOT_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${path}: not JSON (a snapshot is what \`kubectl get nodes,pods -A -o json\` prints)`);
  }
  const items = (parsed as { items?: unknown } | null)?.items;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || (items !== undefined && !Array.isArray(items))) {
    throw new UsageError(`${path}: not a List of Nodes and Pods but ${whatItIs(parsed)} (a snapshot is what \`kubectl get nodes,pods -A -o json\` prints)`);
  }
  const objects: readonly unknown[] = Array.isArray(items) ? items : [parsed];
  const kindOf = (item: unknown): unknown => (item as { kind?: unknown } | null)?.kind;
  const nodes = objects.filter((item) => kindOf(item) === 'Node');
  if (nodes.length === 0) throw new UsageError(`${path}: holds no Node (${objects.length === 1 ? whatItIs(objects[0]) : `${objects.length} items`}); nothing to fit onto`);
  return { nodes, pods: objects.filter((item) => kindOf(item) === 'Pod') };
}
