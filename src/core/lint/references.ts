// The ConfigMaps, Secrets and PersistentVolumeClaims a pod spec names (env, envFrom, volumes, projected
// volumes), for the rules that report the ones the file set lacks.
import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import type { KubeObject, RuleContext } from './types.ts';
import { asList, asMapping, asText, type Mapping, mappingAt, valueAt } from './values.ts';
import type { ContainerRef, PodRef } from './workloads.ts';

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';

export interface Reference {
  readonly kind: ReferencedKind;
  readonly name: string;
  readonly nameRange: Range;
  /** Keys the pod needs from it, each with where it is named. */
  readonly keys: readonly { readonly key: string; readonly range: Range }[];
}

function* fromSource(object: KubeObject, kind: ReferencedKind, source: Mapping | undefined, nameField: string, keysOf: (source: Mapping) => Reference['keys']): Iterable<Reference> {
  const name = asText(source?.[nameField]);
  // An optional reference may be missing: the pod starts without it.
  if (source === undefined || name === undefined || source.optional === true) return;
  yield { kind, name, nameRange: rangeIn(object, source, nameField), keys: keysOf(source) };
}

const itemKeys = (object: KubeObject) => (source: Mapping) =>
  asList(source.items).flatMap((item) => {
    const key = asText(valueAt(item, 'key'));
    return key === undefined ? [] : [{ key, range: rangeIn(object, item, 'key') }];
  });
const refKey = (object: KubeObject) => (source: Mapping) => {
  const key = asText(source.key);
  return key === undefined ? [] : [{ key, range: rangeIn(object, source, 'key') }];
};
const noKeys = () => [];

function* containerReferences(object: KubeObject, ref: ContainerRef): Iterable<Reference> {
  for (const env of asList(ref.container.env)) {
    yield* fromSource(object, 'ConfigMap', mappingAt(env, 'valueFrom', 'configMapKeyRef'), 'name', refKey(object));
    yield* fromSource(object, 'Secret', mappingAt(env, 'valueFrom', 'secretKeyRef'), 'name', refKey(object));
  }
  for (const envFrom of asList(ref.container.envFrom)) {
    yield* fromSource(object, 'ConfigMap', mappingAt(envFrom, 'configMapRef'), 'name', noKeys);
    yield* fromSource(object, 'Secret', mappingAt(envFrom, 'secretRef'), 'name', noKeys);
  }
}

/** Every non-optional reference of a pod spec. */
export function* podReferences(pod: PodRef, containers: readonly ContainerRef[]): Iterable<Reference> {
  const object = pod.object;
  for (const ref of containers) yield* containerReferences(object, ref);
  for (const item of asList(pod.spec.volumes)) {
    const volume = asMapping(item);
    yield* fromSource(object, 'ConfigMap', mappingAt(volume, 'configMap'), 'name', itemKeys(object));
    yield* fromSource(object, 'Secret', mappingAt(volume, 'secret'), 'secretName', itemKeys(object));
    yield* fromSource(object, 'PersistentVolumeClaim', mappingAt(volume, 'persistentVolumeClaim'), 'claimName', noKeys);
    for (const source of asList(valueAt(volume, 'projected', 'sources'))) {
      yield* fromSource(object, 'ConfigMap', mappingAt(source, 'configMap'), 'name', itemKeys(object));
      yield* fromSource(object, 'Secret', mappingAt(source, 'secret'), 'name', itemKeys(object));
    }
  }
}

interface Target {
  readonly namespace: string | undefined;
  readonly keys: ReadonlySet<string>;
}

/** The ConfigMaps, Secrets and claims of the file set by `kind name`, with their namespaces and the keys they hold. */
export function definedTargets(context: RuleContext): { byName: Map<string, Target[]>; kinds: ReadonlySet<string> } {
  const byName = new Map<string, Target[]>();
  const kinds = new Set<string>();
  for (const object of context.objects) {
    if (object.kind !== 'ConfigMap' && object.kind !== 'Secret' && object.kind !== 'PersistentVolumeClaim') continue;
    kinds.add(object.kind);
    const keys = ['data', 'binaryData', 'stringData'].flatMap((field) => Object.keys(mappingAt(object.value, field) ?? {}));
    const slot = `${object.kind} ${object.name ?? ''}`;
    byName.set(slot, [...(byName.get(slot) ?? []), { namespace: object.namespace, keys: new Set(keys) }]);
  }
  return { byName, kinds };
}

/**
 * Whether two objects may share a namespace: an object without one lands in whatever namespace it is
 * applied to, so it may be the other's (rules that report what is missing stay silent then).
 */
export function mayShareNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === b || a === undefined || b === undefined;
}

/** The target a reference from `namespace` reaches: one of that namespace first, else one that may be in it. */
export function findTarget(targets: readonly Target[] | undefined, namespace: string | undefined): Target | undefined {
  return targets?.find((target) => target.namespace === namespace) ?? targets?.find((target) => mayShareNamespace(target.namespace, namespace));
}
