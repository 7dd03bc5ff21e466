// Custom resources: the CustomResourceDefinitions of a cluster (which kinds exist, where they are
// served) and their objects, which the Explorer shows by name, grouped by API group.
import { array, objectMeta, record, text, type ObjectMeta } from './object-fields.ts';

export interface SlimCrd {
  readonly meta: ObjectMeta;
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  /** The version to list: the storage version if served, else the first served one; '' if none. */
  readonly version: string;
  readonly namespaced: boolean;
}

export interface SlimCustomResource {
  readonly meta: ObjectMeta;
}

export function slimCrd(object: unknown): SlimCrd {
  const spec = record(record(object)['spec']);
  const names = record(spec['names']);
  const served = array(spec['versions']).map(record).filter((version) => version['served'] === true);
  const chosen = served.find((version) => version['storage'] === true) ?? served[0];
  return {
    meta: objectMeta(object),
    group: text(spec['group']),
    kind: text(names['kind']),
    plural: text(names['plural']),
    version: chosen === undefined ? '' : text(chosen['name']),
    namespaced: spec['scope'] !== 'Cluster',
  };
}

export function slimCustomResource(object: unknown): SlimCustomResource {
  return { meta: objectMeta(object) };
}
