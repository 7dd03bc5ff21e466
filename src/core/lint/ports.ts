import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import type { KubeObject, RuleContext } from './types.ts';
import { asList, asMapping, type Mapping } from './values.ts';
import { containers } from './workloads.ts';

export interface ContainerPort {
  readonly object: KubeObject;
  readonly port: Mapping;
  /** Where `field` of the port is. */
  readonly rangeOf: (field: string) => Range;
}

/** Every `ports[]` entry of every container (Service ports are not container ports). */
export function* containerPorts(context: RuleContext): Iterable<ContainerPort> {
  for (const { object, container } of containers(context)) {
    for (const item of asList(container.ports)) {
      const port = asMapping(item);
      if (port !== undefined) yield { object, port, rangeOf: (field) => rangeIn(object, port, field) };
    }
  }
}
