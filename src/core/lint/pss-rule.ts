// One Pod Security Standards control as a lint rule (rules/pss-*.ts): it runs for the objects that a
// namespace label or the profile holds to the control's level (pss-levels.ts), at that level's version.
import { versionAtLeast } from './deprecations.ts';
import { type PssLevel } from './profiles.ts';
import { type Enforcement, enforcementFor, enforcements } from './pss-levels.ts';
import { rangeIn } from './ranges.ts';
import { reportOn } from './report.ts';
import type { Fix, KubeObject, Rule } from './types.ts';
import type { Range } from '../yaml/types.ts';
import { asList, asMapping, asText, type Mapping, mappingAt, valueAt } from './values.ts';
import { type ContainerRef, podKinds, type PodRef } from './workloads.ts';

export interface Violation {
  readonly range: Range;
  /** What the control requires, without the level: `seccompProfile.type must be RuntimeDefault or Localhost`. */
  readonly message: string;
  readonly fix?: Fix;
}

export interface PssControl {
  readonly id: string;
  readonly level: PssLevel;
  /** The control's name on the Pod Security Standards page. */
  readonly control: string;
  /** The first policy version with the control (major.minor); unset: every version. */
  readonly since?: string;
  /** Restricted controls that the admission controller skips for Windows pods (spec.os.name) from 1.25 on. */
  readonly windowsExempt?: boolean;
  /** A baseline control that a stricter restricted one replaces from this version on (hostPath by volume types, ...). */
  readonly overriddenFrom?: string;
  readonly description: string;
  readonly why: string;
  readonly fix?: string;
  /** The pod's violations under the level and policy version in force. */
  check(pod: PodRef, containers: readonly ContainerRef[], enforcement: Enforcement): Iterable<Violation>;
}

export function pssRule(control: PssControl): Rule {
  const { id, level, description, why, fix } = control;
  return {
    id,
    category: 'security',
    severity: 'warning',
    kinds: podKinds,
    profile: `pss-${level}`,
    description: `Pod Security ${level} control "${control.control}"${control.since === undefined ? '' : ` (policy ${control.since}+)`}: ${description}`,
    why,
    ...(fix === undefined ? {} : { fix }),
    *checkObject(object, context) {
      const pod = context.workloads.pod(object);
      if (pod === undefined) return;
      const enforcement = enforcementFor(enforcements(object, context), level, control.since, control.overriddenFrom);
      if (enforcement === undefined) return;
      if (control.windowsExempt === true && asText(valueAt(pod.spec, 'os', 'name')) === 'windows' && versionAtLeast(enforcement.version, '1.25')) return;
      const source = enforcement.source === undefined ? '' : ` (${enforcement.source})`;
      for (const violation of control.check(pod, context.workloads.containers(object), enforcement)) {
        yield reportOn(object, violation.range, `${level}: ${violation.message}${source}`, {
          ...(enforcement.severity === undefined ? {} : { severity: enforcement.severity }),
          ...(violation.fix === undefined ? {} : { fix: violation.fix }),
        });
      }
    },
  };
}

/** From 1.35 the policy relaxes the root and /proc controls for pods in a user namespace (`hostUsers: false`). */
export function inUserNamespace(pod: PodRef, version: string): boolean {
  return pod.spec.hostUsers === false && versionAtLeast(version, '1.35');
}

/** A security context to check: the pod's or a container's, with how to name it in a message. */
export interface ContextSite {
  readonly object: KubeObject;
  readonly holder: Mapping | undefined;
  /** `the pod` or `container "app"`. */
  readonly where: string;
  readonly ref: ContainerRef | undefined;
}

export function containerLabel(ref: ContainerRef): string {
  return `container "${asText(ref.container.name) ?? '(unnamed)'}"`;
}

/** The pod's securityContext, then each container's (init and ephemeral ones too). */
export function securityContexts(pod: PodRef, containers: readonly ContainerRef[]): ContextSite[] {
  return [
    { object: pod.object, holder: mappingAt(pod.spec, 'securityContext'), where: 'the pod', ref: undefined },
    ...containers.map((ref) => ({ object: pod.object, holder: mappingAt(ref.container, 'securityContext'), where: containerLabel(ref), ref })),
  ];
}

/** A violation at `holder[key]` (its value), the message ending with where it is. */
export function at(site: ContextSite, holder: unknown, key: string | number, message: string, fix?: Fix): Violation {
  return { range: rangeIn(site.object, holder, key), message: `${message} on ${site.where}`, ...(fix === undefined ? {} : { fix }) };
}

/** For each site (pod or container) whose `<holderKey>.<field>` is bad: a violation at that field. */
export function* nestedFieldViolations(sites: readonly ContextSite[], holderKey: string, field: string, bad: (value: unknown) => boolean, message: string): Iterable<Violation> {
  for (const site of sites) {
    const holder = mappingAt(site.holder, holderKey);
    if (holder?.[field] !== undefined && bad(holder[field])) yield at(site, holder, field, message);
  }
}

/** Volumes of the pod with one of the given sources, at the source's key. */
export function* volumeSourceViolations(pod: PodRef, sources: readonly string[]): Iterable<Violation> {
  for (const item of asList(pod.spec.volumes)) {
    const volume = asMapping(item);
    for (const source of sources) {
      if (volume?.[source] !== undefined && volume[source] !== null) yield { range: rangeIn(pod.object, volume, source, 'key'), message: `volume ${String(volume.name)}: ${source} volumes are forbidden` };
    }
  }
}