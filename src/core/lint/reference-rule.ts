import { definedTargets, findTarget, podReferences, type Reference, type ReferencedKind } from './references.ts';
import { reportOn } from './report.ts';
import type { KubeObject, Rule, RuleContext } from './types.ts';
import { podKinds } from './workloads.ts';

/** The references of a checked object's pod spec, found once for the three rules. */
function referencesOf(context: RuleContext): (object: KubeObject) => readonly Reference[] {
  const found = new Map<KubeObject, readonly Reference[]>();
  return (object) => {
    let references = found.get(object);
    if (references === undefined) {
      const pod = context.workloads.pod(object);
      references = pod === undefined ? [] : [...podReferences(pod, context.workloads.containers(object))];
      found.set(object, references);
    }
    return references;
  };
}

/** missing-config-map / missing-secret / missing-persistent-volume-claim: checked only when the file set defines one of the kind. */
export function referenceRule(id: string, kind: ReferencedKind, why: string): Rule {
  const keyed = kind !== 'PersistentVolumeClaim';
  return {
    id,
    category: 'consistency',
    severity: 'error',
    kinds: podKinds,
    description: `A pod spec names a ${kind}${keyed ? ' (or a key of one)' : ''} that the file set does not define, in env, envFrom or volumes (checked only when the file set defines a ${kind}; optional references are left alone).`,
    why,
    *checkObject(object, context) {
      const pod = context.workloads.pod(object);
      const defined = context.derived(definedTargets);
      if (pod === undefined || !defined.kinds.has(kind)) return;
      for (const reference of context.derived(referencesOf)(object)) {
        if (reference.kind !== kind) continue;
        const keys = findTarget(defined.byName.get(`${kind} ${reference.name}`), object.namespace)?.keys;
        if (keys === undefined) {
          yield reportOn(object, reference.nameRange, `The ${kind} ${reference.name} is not defined in the file set.`);
          continue;
        }
        for (const { key, range } of reference.keys) {
          if (!keys.has(key)) yield reportOn(object, range, `The ${kind} ${reference.name} has no key ${key}.`);
        }
      }
    },
  };
}
