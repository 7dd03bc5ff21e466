// The Outline and breadcrumbs of a manifest: one symbol per object (`Deployment web`), its containers
// by name below it. Built from the linter's own object and workload walk, so a `kind: List` shows its items.
import { objectsOf } from '../lint/objects.ts';
import { containerRange } from '../lint/ranges.ts';
import type { KubeObject, LintFile } from '../lint/types.ts';
import { asText } from '../lint/values.ts';
import { indexWorkloads } from '../lint/workloads.ts';
import type { Range } from '../yaml/types.ts';

export interface ObjectSymbol {
  readonly name: string;
  /** The namespace of an object, the list (`initContainers`) of a container. */
  readonly detail: string;
  readonly kind: 'object' | 'container';
  /** The whole block: what the Outline highlights and breadcrumbs follow. */
  readonly range: Range;
  /** Its name (or kind): where the Outline puts the cursor. */
  readonly selectionRange: Range;
  readonly children: readonly ObjectSymbol[];
}

/** The block of an object: its root mapping, or the name when an alias hides where it sits. */
export function blockRange(object: KubeObject): Range {
  return object.positions.rangeOf(object.value) ?? object.range;
}

/** `Kind name`, with what is still missing left out, and something for an object with neither. */
export function objectTitle(object: KubeObject): string {
  return [object.kind, object.name].filter((part) => part !== undefined).join(' ') || 'object';
}

export function documentSymbols(file: LintFile): ObjectSymbol[] {
  const objects = objectsOf(file);
  const workloads = indexWorkloads(objects);
  return objects.map((object) => ({
    name: objectTitle(object),
    detail: object.namespace ?? '',
    kind: 'object',
    range: blockRange(object),
    selectionRange: object.range,
    children: workloads.containers(object).map((ref) => {
      const selection = containerRange(object, ref.container);
      return {
        name: asText(ref.container.name) ?? 'container',
        detail: ref.list,
        kind: 'container',
        range: object.positions.rangeOf(ref.container) ?? selection,
        selectionRange: selection,
        children: [],
      };
    }),
  }));
}
