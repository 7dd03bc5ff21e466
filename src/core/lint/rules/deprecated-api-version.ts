import { apiVersionFix } from '../api-migration.ts';
import { deprecationOf, versionAtLeast } from '../deprecations.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { anyKind } from '../kinds.ts';
import type { Rule } from '../types.ts';

export const deprecatedApiVersion: Rule = {
  id: 'deprecated-api-version',
  category: 'schema',
  severity: 'warning',
  kinds: anyKind,
  description: 'A deprecated or removed API version (extensions/v1beta1 and apps/v1beta1/v1beta2 workloads, v1beta1 Ingress, CronJob, PodDisruptionBudget, PodSecurityPolicy, RBAC, v2beta1/v2beta2 HPA, ...); an error when the target Kubernetes version has removed it.',
  why: 'An API that the cluster no longer serves fails at apply time ("no matches for kind"); a deprecated one will fail after the next upgrade.',
  fix: 'Replace the apiVersion with its successor (fields may need migrating).',
  *checkObject(object, context) {
    if (object.apiVersion === undefined || object.kind === undefined) return;
    const deprecation = deprecationOf(object.apiVersion, object.kind);
    if (deprecation === undefined) return;
    const removed = versionAtLeast(context.facts.kubernetesVersion, deprecation.removedIn);
    const range = rangeIn(object, object.value, 'apiVersion');
    const status = removed ? `was removed in Kubernetes ${deprecation.removedIn}` : `is deprecated and will be removed in Kubernetes ${deprecation.removedIn}`;
    const advice = deprecation.replacement === undefined ? 'it has no replacement' : `use ${deprecation.replacement}`;
    const fix = deprecation.replacement === undefined ? undefined : apiVersionFix(object, deprecation.replacement, context.facts.schema);
    yield reportOn(object, range, `${object.kind} in ${object.apiVersion} ${status}; ${advice}.`, { severity: removed ? 'error' : 'warning', ...(fix === undefined ? {} : { fix }) });
  },
};
