// Which rules may run file by file and still give what a run over the whole file set gives: the editor
// lints each open file with them, so a kustomize render's output adds only the others. A rule not named
// here runs over the whole set: new rules are safe by default.
import { objectsOf } from './objects.ts';
import { isKustomization } from './templates.ts';
import type { LintFile, Rule } from './types.ts';

/**
 * Rules whose findings on an object depend on that object, its file and the run's facts alone: they
 * read no other object (no context.objects, derived indexes, files or schema issues of the set).
 * locality.test.ts re-derives this from their sources and checks it on the corpus.
 */
const perFileRuleIds: ReadonlySet<string> = new Set([
  'access-to-create-pods', 'access-to-node-proxy', 'access-to-pod-exec', 'access-to-secrets', 'anonymous-binding',
  'cluster-admin-role-binding', 'dangerous-capabilities', 'default-service-account-binding', 'deprecated-api-version',
  'deprecated-service-account-field', 'docker-sock', 'drop-net-raw-capability', 'duplicate-env-var', 'env-var-secret',
  'host-ipc', 'host-network', 'host-pid', 'host-port', 'invalid-image-reference', 'invalid-name', 'invalid-quantity',
  'job-backoff-limit', 'job-no-deadline', 'job-ttl-after-finished', 'latest-tag', 'limit-below-request', 'missing-cpu-limit',
  'missing-cpu-request', 'missing-memory-limit', 'missing-memory-request', 'no-anti-affinity', 'no-liveness-probe',
  'no-read-only-root-fs', 'no-readiness-probe', 'no-rolling-update-strategy', 'no-zone-spread', 'pdb-max-unavailable',
  'privilege-escalation-container', 'privileged-container', 'privileged-ports', 'rbac-escalation-verbs',
  'rbac-write-access', 'request-exceeds-node', 'required-annotations', 'required-labels', 'restart-policy',
  'run-as-non-root', 'secret-in-config-map', 'sensitive-host-mounts', 'ssh-port', 'unsafe-sysctls', 'wildcard-in-rules',
]);

/** What of the whole file set the conditional rules read. */
export interface FileSetTraits {
  /** A CustomResourceDefinition: the schema rules check custom resources against it. */
  readonly crds: boolean;
  /** A Namespace: its pod-security labels choose the Pod Security level of the objects in it. */
  readonly namespaces: boolean;
  /** A kustomization: the files it names as patches are partial objects for schema-required-field. */
  readonly kustomizations: boolean;
}

const pssRule = (id: string): boolean => id.startsWith('pss-');

/** Rules that are per-file unless the set holds what they read across files. */
function perFileUnless(id: string, traits: FileSetTraits): boolean {
  if (pssRule(id)) return !traits.namespaces;
  if (id === 'schema-type-mismatch' || id === 'schema-unknown-field') return !traits.crds;
  if (id === 'schema-required-field') return !traits.crds && !traits.kustomizations;
  return false;
}

const everything: FileSetTraits = { crds: true, namespaces: true, kustomizations: true };

/** Whether a rule's findings over the whole set are the union of its findings over each file alone, given the set's traits. */
export function isPerFileRule(rule: Rule, traits: FileSetTraits): boolean {
  return perFileRuleIds.has(rule.id) || perFileUnless(rule.id, traits);
}

/** The traits of a file set; every file's documents count (Helm templates too), which can only add reruns. */
export function fileSetTraits(files: readonly LintFile[]): FileSetTraits {
  let crds = false;
  let namespaces = false;
  let kustomizations = false;
  for (const file of files) {
    kustomizations ||= isKustomization(file);
    for (const object of objectsOf(file)) {
      crds ||= object.kind === 'CustomResourceDefinition';
      namespaces ||= object.kind === 'Namespace';
    }
    if (crds && namespaces && kustomizations) return everything;
  }
  return { crds, namespaces, kustomizations };
}
