import { builtInKind, kindKey } from './kinds.ts';
import type { KubeObject, RuleContext } from './types.ts';
import { asList, asText, valueAt } from './values.ts';

/** Kinds that CustomResourceDefinitions in the file set define, keyed `group/version kind`, with their scope. */
export function crdKinds(context: RuleContext): Map<string, { readonly namespaced: boolean }> {
  const kinds = new Map<string, { readonly namespaced: boolean }>();
  for (const object of context.objects) {
    if (object.kind !== 'CustomResourceDefinition') continue;
    const group = asText(valueAt(object.value, 'spec', 'group'));
    const kind = asText(valueAt(object.value, 'spec', 'names', 'kind'));
    if (group === undefined || kind === undefined) continue;
    const namespaced = asText(valueAt(object.value, 'spec', 'scope')) !== 'Cluster';
    // apiextensions v1 lists versions; v1beta1 may give a single `version`.
    const versions = [...asList(valueAt(object.value, 'spec', 'versions')).map((entry) => asText(valueAt(entry, 'name'))), asText(valueAt(object.value, 'spec', 'version'))];
    for (const version of versions) if (version !== undefined) kinds.set(kindKey(`${group}/${version}`, kind), { namespaced });
  }
  return kinds;
}

/** Whether an object lives in a namespace: built-in scope, else its CRD's, else the cluster's; undefined if unknown. */
export function isNamespaced(object: KubeObject, crds: ReadonlyMap<string, { readonly namespaced: boolean }>, context: RuleContext): boolean | undefined {
  if (object.apiVersion === undefined || object.kind === undefined) return undefined;
  const key = kindKey(object.apiVersion, object.kind);
  return (
    builtInKind(object.apiVersion, object.kind)?.namespaced ??
    crds.get(key)?.namespaced ??
    context.facts.cluster?.knownKinds?.find((entry) => kindKey(entry.apiVersion, entry.kind) === key)?.namespaced
  );
}
