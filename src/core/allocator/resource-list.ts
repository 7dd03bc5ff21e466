// A ResourceList as in core/v1 (resource name → quantity), with the exact sums the scheduler and
// the simulator need: pod requests added up, allocatable minus what is bound, request vs. free.
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  quantityText,
  subtractQuantities,
  type Quantity,
} from './quantity.ts';

export type ResourceList = Readonly<Record<string, Quantity>>;

/** A value of a manifest's resource map that is not a quantity. */
export interface ResourceListIssue {
  readonly resource: string;
  readonly text: string;
  readonly reason: string;
}

/** Reads `{cpu: "250m", memory: 512Mi}` as found in a manifest; bad values are reported and left out. */
export function parseResourceList(raw: unknown): { list: ResourceList; issues: ResourceListIssue[] } {
  const list: Record<string, Quantity> = {};
  const issues: ResourceListIssue[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { list, issues };
  for (const [resource, value] of Object.entries(raw)) {
    const text = quantityText(value);
    const result = text === undefined ? undefined : parseQuantity(text);
    if (result?.ok === true) list[resource] = result.quantity;
    else issues.push({ resource, text: text ?? JSON.stringify(value) ?? String(value), reason: result?.reason ?? 'not a quantity' });
  }
  return { list, issues };
}

function combine(a: ResourceList, b: ResourceList, pick: (x: Quantity, y: Quantity) => Quantity): ResourceList {
  const zero: Quantity = { nanos: 0n, format: 'DecimalSI' };
  const result: Record<string, Quantity> = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) result[name] = pick(a[name] ?? zero, b[name] ?? zero);
  return result;
}

export function addResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, addQuantities);
}

/** a − b for every resource in either list; results may be negative (an overcommitted node). */
export function subtractResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, subtractQuantities);
}

/** The larger quantity per resource, as the effective request of init containers is taken. */
export function maxResourceLists(a: ResourceList, b: ResourceList): ResourceList {
  return combine(a, b, (x, y) => (compareQuantities(x, y) >= 0 ? x : y));
}

export function sumResourceLists(lists: Iterable<ResourceList>): ResourceList {
  let total: ResourceList = {};
  for (const list of lists) total = addResourceLists(total, list);
  return total;
}

/** The resources whose request exceeds what is available (a missing resource is available as 0). */
export function exceededResources(request: ResourceList, available: ResourceList): string[] {
  return Object.entries(request)
    .filter(([name, quantity]) => quantity.nanos > (available[name]?.nanos ?? 0n))
    .map(([name]) => name);
}

/** Kubernetes strings per resource, as a manifest or `kubectl get -o json` shows them. */
export function formatResourceList(list: ResourceList): Record<string, string> {
  return Object.fromEntries(Object.entries(list).map(([name, quantity]) => [name, formatQuantity(quantity)]));
}
