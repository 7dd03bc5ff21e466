// Which workload container's `resources:` block a position is in, for the editor's resources hover.
import type { Range } from '../yaml/types.ts';
import { objectsOf } from './objects.ts';
import type { LintFile } from './types.ts';
import { asMapping } from './values.ts';
import { indexWorkloads } from './workloads.ts';

export interface ContainerResourcesAt {
  readonly kind: string;
  readonly name: string;
  /** Undefined when the manifest leaves the namespace to `kubectl apply -n`. */
  readonly namespace: string | undefined;
  readonly container: string;
  /** From the `resources:` key to the end of its block. */
  readonly range: Range;
  /** The texts the manifest sets, e.g. { cpu: "250m" }. */
  readonly requests: Readonly<Record<string, string>>;
  readonly limits: Readonly<Record<string, string>>;
}

function texts(value: unknown): Record<string, string> {
  const mapping = asMapping(value) ?? {};
  return Object.fromEntries(Object.entries(mapping).flatMap(([key, raw]) => (typeof raw === 'string' || typeof raw === 'number' ? [[key, String(raw)]] : [])));
}

/** The app container whose `resources` entry holds `offset`, if any. */
export function containerResourcesAt(file: LintFile, offset: number): ContainerResourcesAt | undefined {
  const objects = objectsOf(file);
  const index = indexWorkloads(objects);
  for (const ref of objects.flatMap((object) => index.containers(object, ['containers']))) {
    const entry = ref.object.positions.entry(ref.container, 'resources');
    if (entry === undefined || offset < entry.key.start || offset > entry.value.end) continue;
    const resources = asMapping(ref.container.resources);
    return {
      kind: ref.object.kind ?? '',
      name: ref.object.name ?? '',
      namespace: ref.object.namespace,
      container: typeof ref.container.name === 'string' ? ref.container.name : '',
      range: { start: entry.key.start, end: entry.value.end },
      requests: texts(resources?.requests),
      limits: texts(resources?.limits),
    };
  }
  return undefined;
}
