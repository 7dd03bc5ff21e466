import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges, strip } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

/** goodContainer with one line replaced: the near-miss is goodContainer itself. */
const variant = (from: string, to: string) => deployment(goodContainer.replace(from, to));
const applyFix = (marked: string, ruleId: string, findings: { fix?: { edits: readonly { start: number; end: number; newText: string }[] } | undefined }[]) => {
  const { text } = strip(marked);
  const edit = findings[0]?.fix?.edits[0];
  assert.ok(edit !== undefined, `${ruleId} offers a fix`);
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
};

describe('security rules', () => {
  it('privileged-container: at the value, fixed to false', () => {
    const marked = variant('          runAsNonRoot: true', '          runAsNonRoot: true\n          privileged: ⟦true⟧');
    const findings = expectRanges('privileged-container', marked);
    assert.match(applyFix(marked, 'privileged-container', findings), /privileged: false/);
    expectNone('privileged-container', deployment(goodContainer));
  });

  it('privilege-escalation-container: unset, with the fix adding it inside securityContext', () => {
    const marked = variant('          allowPrivilegeEscalation: false\n', '').replace('        securityContext:', '        ⟦securityContext⟧:');
    const findings = expectRanges('privilege-escalation-container', marked);
    assert.match(applyFix(marked, 'privilege-escalation-container', findings), /capabilities: \{drop: \[ALL\]\}\n {10}allowPrivilegeEscalation: false\n/);
    expectRanges('privilege-escalation-container', variant('capabilities: {drop: [ALL]}', 'capabilities: {drop: [ALL], add: [SYS_ADMIN]}').replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: ⟦false⟧'));
    expectNone('privilege-escalation-container', deployment(goodContainer));
  });

  it('run-as-non-root: unset, or runAsUser 0 at its value; the pod level counts', () => {
    expectRanges('run-as-non-root', variant('          runAsNonRoot: true\n', '').replace('        securityContext:', '        ⟦securityContext⟧:'));
    expectRanges('run-as-non-root', variant('runAsNonRoot: true', 'runAsUser: ⟦0⟧'));
    expectNone('run-as-non-root', deployment(goodContainer.replace('          runAsNonRoot: true\n', ''), { podFields: '      securityContext: {runAsUser: 1000}' }));
  });

  it('no-read-only-root-fs: at the field when false', () => {
    expectRanges('no-read-only-root-fs', variant('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: ⟦false⟧'));
    expectNone('no-read-only-root-fs', deployment(goodContainer));
  });

  it('dangerous-capabilities: each dangerous entry of add', () => {
    expectRanges('dangerous-capabilities', variant('capabilities: {drop: [ALL]}', 'capabilities: {drop: [ALL], add: [CHOWN, ⟦CAP_NET_ADMIN⟧]}'));
    expectNone('dangerous-capabilities', variant('capabilities: {drop: [ALL]}', 'capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}'));
  });

  for (const [id, field] of [['host-network', 'hostNetwork'], ['host-pid', 'hostPID'], ['host-ipc', 'hostIPC']] as const) {
    it(`${id}: ${field}: true at its value`, () => {
      expectRanges(id, deployment(goodContainer, { podFields: `      ${field}: ⟦true⟧` }));
      expectNone(id, deployment(goodContainer, { podFields: `      ${field}: false` }));
    });
  }

  it('docker-sock and sensitive-host-mounts: hostPath volumes', () => {
    const volume = (path: string) => deployment(goodContainer, { podFields: `      volumes:\n      - name: v\n        hostPath: {path: ${path}}` });
    expectRanges('docker-sock', volume('⟦/var/run/docker.sock⟧'));
    expectNone('docker-sock', volume('/var/run/other.sock'));
    expectRanges('sensitive-host-mounts', volume('⟦/etc/ssl/⟧'));
    expectRanges('sensitive-host-mounts', volume('⟦/⟧'));
    expectNone('sensitive-host-mounts', volume('/etcetera'));
  });

  it('env-var-secret: a secret-looking name with a literal value', () => {
    expectRanges('env-var-secret', deployment(`${goodContainer}\n        env:\n        - {name: DB_PASSWORD, value: ⟦hunter2⟧}`));
    expectNone('env-var-secret', deployment(`${goodContainer}\n        env:\n        - name: DB_PASSWORD\n          valueFrom: {secretKeyRef: {name: db, key: password}}`));
  });

  it('ssh-port, privileged-ports and host-port: container ports only', () => {
    expectRanges('ssh-port', deployment(`${goodContainer}\n        ports: [{containerPort: ⟦22⟧}]`));
    expectRanges('privileged-ports', deployment(`${goodContainer}\n        ports: [{containerPort: ⟦80⟧}]`));
    const [port] = expectRanges('host-port', deployment(`${goodContainer}\n        ports: [{containerPort: 8080, hostPort: ⟦8080⟧}]`));
    assert.equal(port?.message, 'The container binds host port 8080.');
    const [text] = expectRanges('host-port', deployment(`${goodContainer}\n        ports: [{containerPort: 8080, hostPort: ⟦"8080"⟧}]`));
    assert.equal(text?.message, 'The container binds host port "8080".');
    const ok = deployment(`${goodContainer}\n        ports: [{containerPort: 8080}]`) + '---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}, ports: [{port: 22}]}\n';
    for (const id of ['ssh-port', 'privileged-ports', 'host-port']) expectNone(id, ok);
  });

  it('wildcard-in-rules: each "*" entry', () => {
    expectRanges('wildcard-in-rules', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- apiGroups: [""]\n  resources: [⟦"*"⟧]\n  verbs: [get, ⟦"*"⟧]\n');
    expectNone('wildcard-in-rules', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: [get]\n');
  });

  it('cluster-admin-role-binding: at roleRef.name', () => {
    const binding = (name: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${name}}\n`;
    expectRanges('cluster-admin-role-binding', binding('⟦cluster-admin⟧'));
    expectNone('cluster-admin-role-binding', binding('view'));
  });

  it('automount-service-account-token: any account without the opt-out, unless its ServiceAccount opts out', () => {
    expectRanges('automount-service-account-token', deployment(goodContainer).replace('name: web', 'name: ⟦web⟧'));
    expectNone('automount-service-account-token', deployment(goodContainer, { podFields: '      automountServiceAccountToken: false' }));
    const [robot] = expectRanges('automount-service-account-token', deployment(goodContainer, { podFields: '      serviceAccountName: robot' }).replace('name: web', 'name: ⟦web⟧'));
    assert.equal(robot?.message, 'The pod mounts the robot service account token; set automountServiceAccountToken: false unless it calls the API.');
    const account = (namespace: string) => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: robot, namespace: ${namespace}}\nautomountServiceAccountToken: false\n`;
    expectNone('automount-service-account-token', deployment(goodContainer, { podFields: '      serviceAccountName: robot' }) + account('shop'));
    // The account of another namespace does not cover this pod.
    expectRanges('automount-service-account-token', (deployment(goodContainer, { podFields: '      serviceAccountName: robot' }) + account('other')).replace('name: web', 'name: ⟦web⟧'));
  });

  it('drop-net-raw-capability: neither NET_RAW nor ALL dropped', () => {
    expectRanges('drop-net-raw-capability', variant('capabilities: {drop: [ALL]}', 'capabilities: {⟦drop⟧: [CHOWN]}'));
    expectNone('drop-net-raw-capability', variant('capabilities: {drop: [ALL]}', 'capabilities: {drop: [NET_RAW]}'));
  });

  it('unsafe-sysctls: a sysctl outside the safe set', () => {
    const sysctl = (name: string) => deployment(goodContainer, { podFields: `      securityContext:\n        sysctls: [{name: ${name}, value: "1"}]` });
    expectRanges('unsafe-sysctls', sysctl('⟦net.core.somaxconn⟧'));
    expectNone('unsafe-sysctls', sysctl('net.ipv4.tcp_syncookies'));
  });
});
