import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import type { KubeObject, RuleContext } from './types.ts';
import { asList, asMapping, type Mapping } from './values.ts';

export interface ContainerPort {
  readonly port: Mapping;
  /** Where `field` of the port is. */
  readonly rangeOf: (field: string) => Range;
}

/** Every `ports[]` entry of every container of an object (Service ports are not container ports). */
export function* containerPorts(object: KubeObject, context: RuleContext): Iterable<ContainerPort> {
  for (const { container } of context.workloads.containers(object)) {
    for (const item of asList(container.ports)) {
      const port = asMapping(item);
      if (port !== undefined) yield { port, rangeOf: (field) => rangeIn(object, port, field) };
    }
  }
}
