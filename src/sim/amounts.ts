/** Quantities as plain numbers (cores, bytes) for the sim's arithmetic, parsed by the allocator's quantity code. */
import { parseQuantity, quantityText, toNumber } from '../core/allocator/quantity.ts';
import type { Pod, ResourceList } from './objects.ts';

/** Manifests repeat a handful of quantity strings: parse each once. */
const cache = new Map<string, number>();

export function amount(value: unknown): number {
  const text = quantityText(value);
  if (text === undefined) return 0;
  let parsed = cache.get(text);
  if (parsed === undefined) {
    const result = parseQuantity(text);
    parsed = result.ok ? toNumber(result.quantity) : 0;
    if (cache.size < 10_000) cache.set(text, parsed);
  }
  return parsed;
}

export interface Amounts {
  cpu: number;
  memory: number;
}

/** A pod's requests: the sum over its containers (limits stand in for missing requests, as the API defaults them). */
export function podRequests(pod: Pod): Amounts {
  const total = { cpu: 0, memory: 0 };
  for (const container of pod.spec.containers) {
    const requests: ResourceList = { ...container.resources?.limits, ...container.resources?.requests };
    total.cpu += amount(requests.cpu);
    total.memory += amount(requests.memory);
  }
  return total;
}

/** CPU in nanocores and memory in KiB, as metrics-server reports usage. */
export function usageList(usage: Amounts): { cpu: string; memory: string } {
  return { cpu: `${Math.round(usage.cpu * 1e9)}n`, memory: `${Math.round(usage.memory / 1024)}Ki` };
}
