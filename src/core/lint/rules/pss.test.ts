// Each Pod Security control: its exact range, its message, and a near miss that the level admits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintOptions } from '../engine.ts';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';
import { fixturePod } from '../testing/manifests.ts';

const restricted: LintOptions = { profile: 'pss-restricted' };
const baseline: LintOptions = { profile: 'pss-baseline' };
const withSecurity = (fields: string) => `{allowPrivilegeEscalation: false, ${fields}, capabilities: {drop: [ALL]}}`;

describe('Pod Security rules', () => {
  it('pss-host-process: at the flag', () => {
    const [finding] = expectRanges('pss-host-process', fixturePod({ container: withSecurity('windowsOptions: {hostProcess: ⟦true⟧}') }), baseline);
    assert.equal(finding?.message, 'baseline: windowsOptions.hostProcess must be false or unset on container "app"');
    expectNone('pss-host-process', fixturePod({ container: withSecurity('windowsOptions: {hostProcess: false}') }), baseline);
  });

  it('pss-host-namespaces: each flag, fixed to false', () => {
    const [finding] = expectRanges('pss-host-namespaces', fixturePod({ pod: '  hostPID: ⟦true⟧\n  hostIPC: ⟦true⟧' }), baseline);
    assert.equal(finding?.message, 'baseline: hostPID must be false or unset');
    assert.deepEqual(finding?.fix?.edits.map((edit) => edit.newText), ['false']);
    expectNone('pss-host-namespaces', fixturePod({ pod: '  hostNetwork: false' }), baseline);
  });

  it('pss-privileged: at the flag', () => {
    expectRanges('pss-privileged', fixturePod({ container: withSecurity('privileged: ⟦true⟧') }), baseline);
    expectNone('pss-privileged', fixturePod({ container: withSecurity('privileged: false') }), baseline);
  });

  it('pss-capabilities-baseline: each capability beyond the default set, compared as written', () => {
    const [finding] = expectRanges('pss-capabilities-baseline', fixturePod({ container: '{capabilities: {add: [CHOWN, ⟦SYS_ADMIN⟧, ⟦CAP_CHOWN⟧]}}' }), baseline);
    assert.equal(finding?.message, 'baseline: capabilities.add may not hold SYS_ADMIN on container "app"');
    expectNone('pss-capabilities-baseline', fixturePod({ container: '{capabilities: {add: [CHOWN, KILL]}}' }), baseline);
    // Under restricted the restricted capabilities control replaces it.
    expectNone('pss-capabilities-baseline', fixturePod({ container: '{capabilities: {add: [SYS_ADMIN]}}' }), restricted);
  });

  it('pss-host-path-volumes: at the hostPath key', () => {
    expectRanges('pss-host-path-volumes', fixturePod({ pod: '  volumes:\n  - name: data\n    ⟦hostPath⟧: {path: /data}' }), baseline);
    expectNone('pss-host-path-volumes', fixturePod({ pod: '  volumes:\n  - name: data\n    emptyDir: {}' }), baseline);
  });

  it('pss-host-ports: a non-zero hostPort', () => {
    expectRanges('pss-host-ports', fixturePod({ containerFields: '    ports: [{containerPort: 80, hostPort: ⟦80⟧}]' }), baseline);
    expectNone('pss-host-ports', fixturePod({ containerFields: '    ports: [{containerPort: 80}]' }), baseline);
  });

  it('pss-apparmor: the field and the annotation', () => {
    expectRanges('pss-apparmor', fixturePod({ container: withSecurity('appArmorProfile: {type: ⟦Unconfined⟧}') }), baseline);
    const [annotation] = expectRanges('pss-apparmor', fixturePod({ annotations: 'container.apparmor.security.beta.kubernetes.io/app: ⟦unconfined⟧' }), baseline);
    assert.match(annotation?.message ?? '', /^baseline: the annotation container\.apparmor\.security\.beta\.kubernetes\.io\/app must be runtime\/default/);
    expectNone('pss-apparmor', fixturePod({ container: withSecurity('appArmorProfile: {type: RuntimeDefault}'), annotations: 'container.apparmor.security.beta.kubernetes.io/app: runtime/default' }), baseline);
  });

  it('pss-selinux: type, user and role', () => {
    expectRanges('pss-selinux', fixturePod({ container: withSecurity('seLinuxOptions: {type: ⟦spc_t⟧, role: ⟦sysadm_r⟧}') }), baseline);
    expectNone('pss-selinux', fixturePod({ container: withSecurity('seLinuxOptions: {type: container_t, level: "s0:c123,c456"}') }), baseline);
  });

  it('pss-proc-mount: Unmasked, relaxed at baseline in a user namespace from 1.35', () => {
    expectRanges('pss-proc-mount', fixturePod({ container: withSecurity('procMount: ⟦Unmasked⟧') }), baseline);
    const userNamespace = fixturePod({ pod: '  hostUsers: false', container: withSecurity('procMount: ⟦Unmasked⟧') });
    expectNone('pss-proc-mount', userNamespace.replaceAll(/[⟦⟧]/g, ''), { ...baseline, kubernetesVersion: '1.35' });
    expectRanges('pss-proc-mount', userNamespace, { ...restricted, kubernetesVersion: '1.35' });
    expectNone('pss-proc-mount', fixturePod({ container: withSecurity('procMount: Default') }), baseline);
  });

  it('pss-seccomp-baseline: Unconfined at its type; the annotations before 1.19', () => {
    expectRanges('pss-seccomp-baseline', fixturePod({ container: withSecurity('seccompProfile: {type: ⟦Unconfined⟧}') }), baseline);
    expectRanges('pss-seccomp-baseline', fixturePod({ annotations: 'seccomp.security.alpha.kubernetes.io/pod: ⟦unconfined⟧' }), { ...baseline, kubernetesVersion: '1.18' });
    expectNone('pss-seccomp-baseline', fixturePod({ annotations: 'seccomp.security.alpha.kubernetes.io/pod: docker/default' }), { ...baseline, kubernetesVersion: '1.18' });
    expectNone('pss-seccomp-baseline', fixturePod({ container: withSecurity('seccompProfile: {type: RuntimeDefault}') }), baseline);
  });

  it('pss-sysctls: at the name, by the policy version', () => {
    const pod = (name: string) => fixturePod({ pod: `  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n    sysctls:\n    - {name: ${name}, value: "1"}` });
    const [finding] = expectRanges('pss-sysctls', pod('⟦net.ipv4.tcp_keepalive_time⟧'), { ...baseline, kubernetesVersion: '1.28' });
    assert.equal(finding?.message, 'baseline: the sysctl net.ipv4.tcp_keepalive_time is not in the safe set of policy 1.28');
    expectNone('pss-sysctls', pod('net.ipv4.tcp_keepalive_time'), { ...baseline, kubernetesVersion: '1.29' });
  });

  it('pss-host-probes: probe and hook hosts from 1.34', () => {
    const fields = '    readinessProbe: {tcpSocket: {host: ⟦db.internal⟧, port: 5432}}\n    lifecycle:\n      preStop: {httpGet: {host: ⟦10.0.0.1⟧, path: /, port: 80}}';
    const [finding] = expectRanges('pss-host-probes', fixturePod({ containerFields: fields }), baseline);
    assert.equal(finding?.message, 'baseline: readinessProbe.tcpSocket.host must be unset on container "app"');
    expectNone('pss-host-probes', fixturePod({ containerFields: '    readinessProbe: {tcpSocket: {host: "", port: 5432}}' }), baseline);
  });

  it('pss-volume-types: at the forbidden source key', () => {
    const [finding] = expectRanges('pss-volume-types', fixturePod({ pod: '  volumes:\n  - name: share\n    ⟦nfs⟧: {server: nas, path: /x}\n  - name: tmp\n    emptyDir: {}' }), restricted);
    assert.equal(finding?.message, 'restricted: volume share: nfs volumes are forbidden');
    expectNone('pss-volume-types', fixturePod({ pod: '  volumes:\n  - name: claim\n    persistentVolumeClaim: {claimName: c}' }), restricted);
  });

  it('pss-privilege-escalation: unset or true, with the fix where the API server accepts false', () => {
    const [finding] = expectRanges('pss-privilege-escalation', fixturePod({ container: '{allowPrivilegeEscalation: ⟦true⟧, capabilities: {drop: [ALL]}}' }), restricted);
    assert.equal(finding?.fix?.title, 'Set securityContext.allowPrivilegeEscalation: false');
    const [privileged] = expectRanges('pss-privilege-escalation', fixturePod({ container: '{privileged: true, capabilities: {drop: [ALL]}}' }).replace('    securityContext:', '    ⟦securityContext⟧:'), restricted);
    assert.equal(privileged?.fix, undefined);
    expectNone('pss-privilege-escalation', fixturePod(), restricted);
  });

  it('pss-run-as-non-root: explicit false, or true nowhere', () => {
    expectRanges('pss-run-as-non-root', fixturePod({ container: withSecurity('runAsNonRoot: ⟦false⟧') }), restricted);
    expectRanges('pss-run-as-non-root', fixturePod({ pod: '  securityContext: {seccompProfile: {type: RuntimeDefault}}' }).replace('- name: app', '- name: ⟦app⟧'), restricted);
    expectNone('pss-run-as-non-root', fixturePod({ pod: '  securityContext: {seccompProfile: {type: RuntimeDefault}}', container: withSecurity('runAsNonRoot: true') }), restricted);
  });

  it('pss-run-as-user: 0 at its value, from policy 1.23', () => {
    expectRanges('pss-run-as-user', fixturePod({ pod: '  securityContext: {runAsNonRoot: true, runAsUser: ⟦0⟧, seccompProfile: {type: RuntimeDefault}}' }), restricted);
    expectNone('pss-run-as-user', fixturePod({ pod: '  securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}' }), restricted);
  });

  it('pss-seccomp-restricted: per container without a profile, fixed on the pod', () => {
    const marked = fixturePod({ pod: '  securityContext:\n    runAsNonRoot: true' }).replace('- name: app', '- name: ⟦app⟧');
    const [finding] = expectRanges('pss-seccomp-restricted', marked, restricted);
    assert.equal(finding?.message, 'restricted: seccompProfile.type must be RuntimeDefault or Localhost on the pod or on container "app"');
    assert.deepEqual(finding?.fix?.edits.map((edit) => edit.newText), ['    seccompProfile:\n      type: RuntimeDefault\n']);
    expectRanges('pss-seccomp-restricted', fixturePod({ container: withSecurity('seccompProfile: {type: ⟦Unconfined⟧}') }), restricted);
    expectNone('pss-seccomp-restricted', fixturePod(), restricted);
  });

  it('pss-capabilities-restricted: drop without ALL, add beyond NET_BIND_SERVICE, drop [ALL] fix where no drop is', () => {
    expectRanges('pss-capabilities-restricted', fixturePod({ container: '{allowPrivilegeEscalation: false, capabilities: {⟦drop⟧: [NET_RAW], add: [NET_BIND_SERVICE, ⟦CHOWN⟧]}}' }), restricted);
    const block = fixturePod({ container: '' }).replace('    securityContext: \n', '    securityContext:\n      allowPrivilegeEscalation: false\n').replace('- name: app', '- name: ⟦app⟧');
    const [finding] = expectRanges('pss-capabilities-restricted', block, restricted);
    assert.deepEqual(finding?.fix?.edits.map((edit) => edit.newText), ['      capabilities:\n        drop: [ALL]\n']);
    expectNone('pss-capabilities-restricted', fixturePod({ container: '{allowPrivilegeEscalation: false, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}' }), restricted);
  });
});
