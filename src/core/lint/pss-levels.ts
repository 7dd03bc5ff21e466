// Which Pod Security level holds an object, as the Pod Security admission controller decides it: the
// pod-security.kubernetes.io/<mode> labels of its namespace (a Namespace in the file set, else the
// connected cluster's), else the lint profile. A namespace labelled for no mode is left to the profile.
import { versionAtLeast } from './deprecations.ts';
import { type PssLevel, profileLevel } from './profiles.ts';
import type { KubeObject, RuleContext, Severity } from './types.ts';
import { stringMap, valueAt } from './values.ts';

/** One level in force for an object: its admission mode's severity and the policy version (major.minor). */
export interface Enforcement {
  readonly level: PssLevel;
  readonly version: string;
  /** enforce → error (the pod is refused), warn → warning, audit → info; undefined: the rule's own (profile). */
  readonly severity: Severity | undefined;
  /** Where the level comes from, for the message: `namespace shop enforce` or undefined for the profile. */
  readonly source: string | undefined;
}

const modes: readonly (readonly [string, Severity])[] = [
  ['enforce', 'error'],
  ['warn', 'warning'],
  ['audit', 'info'],
];
const prefix = 'pod-security.kubernetes.io/';

/** The labels of every namespace the file set defines (for `context.derived`). */
function namespaceLabels(context: RuleContext): Map<string, Record<string, string>> {
  const labels = new Map<string, Record<string, string>>();
  for (const object of context.objects) {
    if (object.kind === 'Namespace' && object.name !== undefined) labels.set(object.name, stringMap(valueAt(object.value, 'metadata', 'labels')));
  }
  return labels;
}

/**
 * A mode's level from its label; an unknown level counts as restricted and `privileged` as none, as the
 * admission controller reads them. The version label pins the policy (`latest` or unset: the target).
 */
function fromLabels(labels: Readonly<Record<string, string>>, target: string, namespace: string): Enforcement[] {
  const found: Enforcement[] = [];
  for (const [mode, severity] of modes) {
    const level = labels[prefix + mode];
    if (level === undefined || level === 'privileged') continue;
    const pinned = /^v(\d+\.\d+)$/.exec(labels[`${prefix}${mode}-version`] ?? '')?.[1];
    found.push({ level: level === 'baseline' ? 'baseline' : 'restricted', version: pinned ?? target, severity, source: `namespace ${namespace} ${mode}` });
  }
  return found;
}

function labelled(labels: Readonly<Record<string, string>> | undefined): boolean {
  return labels !== undefined && modes.some(([mode]) => labels[prefix + mode] !== undefined);
}

/** The levels in force for an object, strictest mode first; empty when nothing holds it to a Pod Security level. */
export function enforcements(object: KubeObject, context: RuleContext): Enforcement[] {
  const { facts } = context;
  const namespace = object.namespace;
  if (namespace !== undefined) {
    const own = context.derived(namespaceLabels).get(namespace);
    const labels = labelled(own) ? own : facts.cluster?.namespaceLabels?.[namespace];
    if (labels !== undefined && labelled(labels)) return fromLabels(labels, facts.kubernetesVersion, namespace);
  }
  const level = profileLevel(facts.profile);
  return level === undefined ? [] : [{ level, version: facts.kubernetesVersion, severity: undefined, source: undefined }];
}

/**
 * The first enforcement that holds a control of `level` present since `since`; a baseline control that
 * a restricted one replaces from `overriddenFrom` on does not count under restricted from then.
 */
export function enforcementFor(all: readonly Enforcement[], level: PssLevel, since: string | undefined, overriddenFrom: string | undefined): Enforcement | undefined {
  return all.find((entry) => {
    if (level === 'restricted' && entry.level !== 'restricted') return false;
    if (since !== undefined && !versionAtLeast(entry.version, since)) return false;
    return overriddenFrom === undefined || entry.level !== 'restricted' || !versionAtLeast(entry.version, overriddenFrom);
  });
}
