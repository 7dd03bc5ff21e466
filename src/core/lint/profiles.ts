// Rule profiles, as kube-linter's built-in sets and Polaris's config: `default` is every rule without a
// profile; `pss-baseline` and `pss-restricted` add the Pod Security Standards controls of that level for
// every workload; `all` also turns on the opt-in rules.
import type { Rule } from './types.ts';

export type ProfileName = 'default' | 'pss-baseline' | 'pss-restricted' | 'all';
export const profileNames: readonly ProfileName[] = ['default', 'pss-baseline', 'pss-restricted', 'all'];

export function isProfileName(value: unknown): value is ProfileName {
  return profileNames.includes(value as ProfileName);
}

/** Pod Security levels, weakest first. */
export type PssLevel = 'baseline' | 'restricted';

/** The level a profile holds every workload to (namespace labels may choose another); undefined for `default`. */
export function profileLevel(profile: ProfileName): PssLevel | undefined {
  return profile === 'pss-baseline' ? 'baseline' : profile === 'pss-restricted' || profile === 'all' ? 'restricted' : undefined;
}

/**
 * Whether the engine runs a rule under a profile. The Pod Security rules always run: a namespace's
 * pod-security labels hold its workloads to a level whatever the profile, so they choose per object.
 */
export function runsUnder(rule: Rule, profile: ProfileName): boolean {
  return rule.profile !== 'all' || profile === 'all';
}
