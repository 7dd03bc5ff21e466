import { accessToCreatePods } from './access-to-create-pods.ts';
import { accessToNodeProxy } from './access-to-node-proxy.ts';
import { accessToPodExec } from './access-to-pod-exec.ts';
import { accessToSecrets } from './access-to-secrets.ts';
import { adminEquivalentBinding } from './admin-equivalent-binding.ts';
import { anonymousBinding } from './anonymous-binding.ts';
import { automountServiceAccountToken } from './automount-service-account-token.ts';
import { clusterAdminRoleBinding } from './cluster-admin-role-binding.ts';
import { dangerousCapabilities } from './dangerous-capabilities.ts';
import { danglingHpa } from './dangling-hpa.ts';
import { danglingIngress } from './dangling-ingress.ts';
import { danglingNetworkPolicyPeer } from './dangling-network-policy-peer.ts';
import { danglingNetworkPolicy } from './dangling-network-policy.ts';
import { danglingService } from './dangling-service.ts';
import { defaultServiceAccountBinding } from './default-service-account-binding.ts';
import { deprecatedApiVersion } from './deprecated-api-version.ts';
import { deprecatedServiceAccountField } from './deprecated-service-account-field.ts';
import { dockerSock } from './docker-sock.ts';
import { dropNetRawCapability } from './drop-net-raw-capability.ts';
import { duplicateEnvVar } from './duplicate-env-var.ts';
import { duplicateObject } from './duplicate-object.ts';
import { envVarSecret } from './env-var-secret.ts';
import { hostIpc } from './host-ipc.ts';
import { hostNetwork } from './host-network.ts';
import { hostPid } from './host-pid.ts';
import { hostPort } from './host-port.ts';
import { invalidImageReference } from './invalid-image-reference.ts';
import { invalidName } from './invalid-name.ts';
import { invalidQuantity } from './invalid-quantity.ts';
import { invalidTargetPort } from './invalid-target-port.ts';
import { jobBackoffLimit } from './job-backoff-limit.ts';
import { jobNoDeadline } from './job-no-deadline.ts';
import { jobTtlAfterFinished } from './job-ttl-after-finished.ts';
import { latestTag } from './latest-tag.ts';
import { limitBelowRequest } from './limit-below-request.ts';
import { minimumReplicas } from './minimum-replicas.ts';
import { mismatchingSelector } from './mismatching-selector.ts';
import { missingConfigMap } from './missing-config-map.ts';
import { missingCpuLimit } from './missing-cpu-limit.ts';
import { missingCpuRequest } from './missing-cpu-request.ts';
import { missingMemoryLimit } from './missing-memory-limit.ts';
import { missingMemoryRequest } from './missing-memory-request.ts';
import { missingPersistentVolumeClaim } from './missing-persistent-volume-claim.ts';
import { missingPodDisruptionBudget } from './missing-pod-disruption-budget.ts';
import { missingSecret } from './missing-secret.ts';
import { missingTypeMeta } from './missing-type-meta.ts';
import { noAntiAffinity } from './no-anti-affinity.ts';
import { noLivenessProbe } from './no-liveness-probe.ts';
import { noReadOnlyRootFs } from './no-read-only-root-fs.ts';
import { noReadinessProbe } from './no-readiness-probe.ts';
import { noRollingUpdateStrategy } from './no-rolling-update-strategy.ts';
import { noZoneSpread } from './no-zone-spread.ts';
import { nonExistentServiceAccount } from './non-existent-service-account.ts';
import { nonIsolatedPod } from './non-isolated-pod.ts';
import { pdbHpaMinReplicas } from './pdb-hpa-min-replicas.ts';
import { pdbMaxUnavailable } from './pdb-max-unavailable.ts';
import { pdbMinAvailable } from './pdb-min-available.ts';
import { privilegeEscalationContainer } from './privilege-escalation-container.ts';
import { privilegedContainer } from './privileged-container.ts';
import { privilegedPorts } from './privileged-ports.ts';
import { pssApparmor } from './pss-apparmor.ts';
import { pssCapabilitiesBaseline } from './pss-capabilities-baseline.ts';
import { pssCapabilitiesRestricted } from './pss-capabilities-restricted.ts';
import { pssHostNamespaces } from './pss-host-namespaces.ts';
import { pssHostPathVolumes } from './pss-host-path-volumes.ts';
import { pssHostPorts } from './pss-host-ports.ts';
import { pssHostProbes } from './pss-host-probes.ts';
import { pssHostProcess } from './pss-host-process.ts';
import { pssPrivilegeEscalation } from './pss-privilege-escalation.ts';
import { pssPrivileged } from './pss-privileged.ts';
import { pssProcMount } from './pss-proc-mount.ts';
import { pssRunAsNonRoot } from './pss-run-as-non-root.ts';
import { pssRunAsUser } from './pss-run-as-user.ts';
import { pssSeccompBaseline } from './pss-seccomp-baseline.ts';
import { pssSeccompRestricted } from './pss-seccomp-restricted.ts';
import { pssSelinux } from './pss-selinux.ts';
import { pssSysctls } from './pss-sysctls.ts';
import { pssVolumeTypes } from './pss-volume-types.ts';
import { rbacEscalationVerbs } from './rbac-escalation-verbs.ts';
import { rbacWriteAccess } from './rbac-write-access.ts';
import { requestExceedsNode } from './request-exceeds-node.ts';
import { requestSuggestion } from './request-suggestion.ts';
import { requiredAnnotations } from './required-annotations.ts';
import { requiredLabels } from './required-labels.ts';
import { restartPolicy } from './restart-policy.ts';
import { runAsNonRoot } from './run-as-non-root.ts';
import { schemaRequiredField } from './schema-required-field.ts';
import { schemaTypeMismatch } from './schema-type-mismatch.ts';
import { schemaUnknownField } from './schema-unknown-field.ts';
import { secretInConfigMap } from './secret-in-config-map.ts';
import { sensitiveHostMounts } from './sensitive-host-mounts.ts';
import { singleReplica } from './single-replica.ts';
import { sshPort } from './ssh-port.ts';
import { unknownKind } from './unknown-kind.ts';
import { unsafeSysctls } from './unsafe-sysctls.ts';
import { useNamespace } from './use-namespace.ts';
import { wildcardInRules } from './wildcard-in-rules.ts';
import { yamlSyntax } from './yaml-syntax.ts';
import type { Rule } from '../types.ts';

/** Every rule, listed explicitly (no side-effect registration), in the order of LINT-RULES.md. */
export const allRules: readonly Rule[] = [
  yamlSyntax,
  missingTypeMeta,
  unknownKind,
  deprecatedApiVersion,
  schemaUnknownField,
  schemaTypeMismatch,
  schemaRequiredField,
  invalidName,
  invalidQuantity,
  limitBelowRequest,
  duplicateObject,
  duplicateEnvVar,
  mismatchingSelector,
  danglingService,
  invalidTargetPort,
  danglingHpa,
  missingCpuRequest,
  missingMemoryRequest,
  missingMemoryLimit,
  requestExceedsNode,
  requestSuggestion,
  latestTag,
  invalidImageReference,
  privilegedContainer,
  privilegeEscalationContainer,
  runAsNonRoot,
  noReadOnlyRootFs,
  dangerousCapabilities,
  hostNetwork,
  hostPid,
  hostIpc,
  dockerSock,
  sensitiveHostMounts,
  envVarSecret,
  sshPort,
  privilegedPorts,
  hostPort,
  wildcardInRules,
  clusterAdminRoleBinding,
  automountServiceAccountToken,
  noLivenessProbe,
  noReadinessProbe,
  singleReplica,
  noRollingUpdateStrategy,
  jobNoDeadline,
  jobBackoffLimit,
  jobTtlAfterFinished,
  restartPolicy,
  useNamespace,
  dropNetRawCapability,
  unsafeSysctls,
  deprecatedServiceAccountField,
  nonExistentServiceAccount,
  noAntiAffinity,
  pdbMaxUnavailable,
  pdbMinAvailable,
  pssHostProcess,
  pssHostNamespaces,
  pssPrivileged,
  pssCapabilitiesBaseline,
  pssHostPathVolumes,
  pssHostPorts,
  pssApparmor,
  pssSelinux,
  pssProcMount,
  pssSeccompBaseline,
  pssSysctls,
  pssHostProbes,
  pssVolumeTypes,
  pssPrivilegeEscalation,
  pssRunAsNonRoot,
  pssRunAsUser,
  pssSeccompRestricted,
  pssCapabilitiesRestricted,
  accessToSecrets,
  accessToCreatePods,
  accessToPodExec,
  rbacEscalationVerbs,
  rbacWriteAccess,
  accessToNodeProxy,
  adminEquivalentBinding,
  defaultServiceAccountBinding,
  anonymousBinding,
  missingConfigMap,
  missingSecret,
  missingPersistentVolumeClaim,
  danglingIngress,
  danglingNetworkPolicy,
  danglingNetworkPolicyPeer,
  nonIsolatedPod,
  pdbHpaMinReplicas,
  missingPodDisruptionBudget,
  minimumReplicas,
  noZoneSpread,
  missingCpuLimit,
  secretInConfigMap,
  requiredLabels,
  requiredAnnotations,
];
