// The Pod Security profiles over a fixture set, each pod changing one thing of a pod that every level
// admits, with the verdict that the Pod Security Standards page gives for it at baseline and at
// restricted (https://kubernetes.io/docs/concepts/security/pod-security-standards/, policy 1.34).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint } from './engine.ts';
import type { ProfileName } from './profiles.ts';
import { fixturePod, type PodChange } from './testing/manifests.ts';

const verdict = (text: string, profile: ProfileName, kubernetesVersion = '1.34') => {
  const ids = lint([createLintFile('pod.yaml', text)], { profile, kubernetesVersion }).filter((finding) => finding.ruleId.startsWith('pss-')).map((finding) => finding.ruleId);
  return ids.length === 0 ? 'allowed' : `denied by ${[...new Set(ids)].join(', ')}`;
};

type Row = readonly [string, PodChange, string | undefined, string | undefined, string?];
// [what, change, baseline verdict (undefined: allowed), restricted verdict, Kubernetes version]
const rows: readonly Row[] = [
  ['the compliant pod', {}, undefined, undefined],
  ['HostProcess', { pod: '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, windowsOptions: {hostProcess: true}}' }, 'pss-host-process', 'pss-host-process'],
  ['hostNetwork', { pod: '  hostNetwork: true' }, 'pss-host-namespaces', 'pss-host-namespaces'],
  ['hostPID false', { pod: '  hostPID: false' }, undefined, undefined],
  ['privileged', { container: '{allowPrivilegeEscalation: false, privileged: true, capabilities: {drop: [ALL]}}' }, 'pss-privileged', 'pss-privileged'],
  ['add NET_ADMIN', { container: '{allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [NET_ADMIN]}}' }, 'pss-capabilities-baseline', 'pss-capabilities-restricted'],
  ['add CHOWN', { container: '{allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [CHOWN]}}' }, undefined, 'pss-capabilities-restricted'],
  ['add NET_BIND_SERVICE', { container: '{allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}' }, undefined, undefined],
  ['hostPath volume', { pod: '  volumes: [{name: v, hostPath: {path: /data}}]' }, 'pss-host-path-volumes', 'pss-volume-types'],
  ['hostPort', { containerFields: '    ports: [{containerPort: 8080, hostPort: 8080}]' }, 'pss-host-ports', 'pss-host-ports'],
  ['hostPort 0', { containerFields: '    ports: [{containerPort: 8080, hostPort: 0}]' }, undefined, undefined],
  ['AppArmor Unconfined', { container: '{allowPrivilegeEscalation: false, appArmorProfile: {type: Unconfined}, capabilities: {drop: [ALL]}}' }, 'pss-apparmor', 'pss-apparmor'],
  ['AppArmor annotation unconfined', { annotations: 'container.apparmor.security.beta.kubernetes.io/app: unconfined' }, 'pss-apparmor', 'pss-apparmor'],
  ['AppArmor annotation localhost', { annotations: 'container.apparmor.security.beta.kubernetes.io/app: localhost/custom' }, undefined, undefined],
  ['SELinux spc_t', { container: '{allowPrivilegeEscalation: false, seLinuxOptions: {type: spc_t}, capabilities: {drop: [ALL]}}' }, 'pss-selinux', 'pss-selinux'],
  ['SELinux user', { pod: '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, seLinuxOptions: {user: system_u}}' }, 'pss-selinux', 'pss-selinux'],
  ['SELinux container_engine_t', { container: '{allowPrivilegeEscalation: false, seLinuxOptions: {type: container_engine_t}, capabilities: {drop: [ALL]}}' }, undefined, undefined],
  ['SELinux container_engine_t, 1.30', { container: '{allowPrivilegeEscalation: false, seLinuxOptions: {type: container_engine_t}, capabilities: {drop: [ALL]}}' }, 'pss-selinux', 'pss-selinux', '1.30'],
  ['procMount Unmasked', { container: '{allowPrivilegeEscalation: false, procMount: Unmasked, capabilities: {drop: [ALL]}}' }, 'pss-proc-mount', 'pss-proc-mount'],
  ['seccomp Unconfined', { pod: '  securityContext: {runAsNonRoot: true, seccompProfile: {type: Unconfined}}' }, 'pss-seccomp-baseline', 'pss-seccomp-restricted'],
  ['unsafe sysctl', { pod: '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: kernel.msgmax, value: "65536"}]}' }, 'pss-sysctls', 'pss-sysctls'],
  ['safe sysctl of 1.32', { pod: '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]}' }, undefined, undefined],
  ['safe sysctl of 1.32, 1.31', { pod: '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]}' }, 'pss-sysctls', 'pss-sysctls', '1.31'],
  ['probe host', { containerFields: '    livenessProbe: {httpGet: {host: 10.0.0.1, port: 8080}}' }, 'pss-host-probes', 'pss-host-probes'],
  ['probe host, 1.33', { containerFields: '    livenessProbe: {httpGet: {host: 10.0.0.1, port: 8080}}' }, undefined, undefined, '1.33'],
  ['nfs volume', { pod: '  volumes: [{name: v, nfs: {server: nas, path: /x}}]' }, undefined, 'pss-volume-types'],
  ['emptyDir, configMap, projected volumes', { pod: '  volumes: [{name: a, emptyDir: {}}, {name: b, configMap: {name: c}}, {name: d, projected: {sources: []}}]' }, undefined, undefined],
  ['allowPrivilegeEscalation unset', { container: '{capabilities: {drop: [ALL]}}' }, undefined, 'pss-privilege-escalation'],
  ['runAsNonRoot unset', { pod: '  securityContext: {seccompProfile: {type: RuntimeDefault}}' }, undefined, 'pss-run-as-non-root'],
  ['runAsNonRoot on the container only', { pod: '  securityContext: {seccompProfile: {type: RuntimeDefault}}', container: '{allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}}' }, undefined, undefined],
  ['runAsNonRoot false on the container', { container: '{allowPrivilegeEscalation: false, runAsNonRoot: false, capabilities: {drop: [ALL]}}' }, undefined, 'pss-run-as-non-root'],
  ['runAsUser 0', { container: '{allowPrivilegeEscalation: false, runAsUser: 0, capabilities: {drop: [ALL]}}' }, undefined, 'pss-run-as-user'],
  ['runAsUser 0, 1.22', { container: '{allowPrivilegeEscalation: false, runAsUser: 0, capabilities: {drop: [ALL]}}' }, undefined, undefined, '1.22'],
  ['seccomp unset', { pod: '  securityContext: {runAsNonRoot: true}' }, undefined, 'pss-seccomp-restricted'],
  ['seccomp Localhost on the container only', { pod: '  securityContext: {runAsNonRoot: true}', container: '{allowPrivilegeEscalation: false, seccompProfile: {type: Localhost, localhostProfile: p.json}, capabilities: {drop: [ALL]}}' }, undefined, undefined],
  ['drop without ALL', { container: '{allowPrivilegeEscalation: false, capabilities: {drop: [NET_RAW]}}' }, undefined, 'pss-capabilities-restricted'],
  ['drop without ALL, 1.21', { container: '{allowPrivilegeEscalation: false, capabilities: {drop: [NET_RAW]}}' }, undefined, undefined, '1.21'],
  ['a Windows pod without escalation, seccomp or capability settings', { pod: '  securityContext: {runAsNonRoot: true}\n  os: {name: windows}', container: '{}' }, undefined, undefined],
];

describe('Pod Security profiles against the Pod Security Standards verdicts', () => {
  for (const [what, change, baseline, restricted, version] of rows) {
    it(`${what}: baseline ${baseline === undefined ? 'allows' : 'denies'}, restricted ${restricted === undefined ? 'allows' : 'denies'}`, () => {
      const text = fixturePod(change);
      assert.equal(verdict(text, 'pss-baseline', version), baseline === undefined ? 'allowed' : `denied by ${baseline}`);
      assert.equal(verdict(text, 'pss-restricted', version), restricted === undefined ? 'allowed' : `denied by ${restricted}`);
    });
  }

  it('the default profile checks no control without a namespace label', () => {
    assert.equal(verdict(fixturePod({ pod: '  hostNetwork: true' }), 'default'), 'allowed');
  });
});
