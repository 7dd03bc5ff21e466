import { parseQuantity, type Quantity, quantityText } from '../allocator/quantity.ts';
import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import type { KubeObject } from './types.ts';
import { asMapping, type Mapping } from './values.ts';
import type { ContainerRef } from './workloads.ts';

export type ResourceSide = 'requests' | 'limits';

export interface ResourceValue {
  readonly resource: string;
  readonly side: ResourceSide;
  readonly holder: Mapping;
  readonly raw: unknown;
  /** Undefined when Kubernetes would reject the text. */
  readonly quantity: Quantity | undefined;
  readonly reason: string | undefined;
  readonly range: Range;
}

/** Every requests/limits entry of a container, parsed with the allocator's quantity parser. */
export function resourceValues(object: KubeObject, container: Mapping): ResourceValue[] {
  const values: ResourceValue[] = [];
  for (const side of ['requests', 'limits'] as const) {
    const holder = asMapping(asMapping(container.resources)?.[side]);
    for (const [resource, raw] of Object.entries(holder ?? {})) {
      const text = quantityText(raw);
      const parsed = text === undefined ? { ok: false as const, reason: 'not a string or number' } : parseQuantity(text);
      values.push({
        resource,
        side,
        holder: holder as Mapping,
        raw,
        quantity: parsed.ok ? parsed.quantity : undefined,
        reason: parsed.ok ? undefined : parsed.reason,
        range: rangeIn(object, holder, resource),
      });
    }
  }
  return values;
}

/** The effective request: the request, or the limit alone (Kubernetes defaults a missing request to the limit). */
export function effectiveRequest(ref: ContainerRef, resource: string): ResourceValue | undefined {
  const values = ref.resources.filter((value) => value.resource === resource);
  return values.find((value) => value.side === 'requests') ?? values.find((value) => value.side === 'limits');
}
