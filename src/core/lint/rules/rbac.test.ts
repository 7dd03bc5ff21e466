import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';

const role = (rules: string, kind = 'ClusterRole') => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: {name: r}\nrules:\n${rules}\n`;
const binding = (roleRef: string, subjects: string, kind = 'ClusterRoleBinding') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, ${roleRef}}\nsubjects:\n${subjects}\n`;
const robot = '- {kind: ServiceAccount, name: robot, namespace: shop}';

describe('RBAC escalation rules', () => {
  it('access-to-secrets: read verbs on secrets, wildcards included', () => {
    const [finding] = expectRanges('access-to-secrets', role('- apiGroups: [""]\n  resources: [configmaps, ⟦secrets⟧]\n  verbs: [get, list]'));
    assert.equal(finding?.message, 'ClusterRole r grants get, list on Secrets.');
    expectRanges('access-to-secrets', role('- apiGroups: ["*"]\n  resources: [⟦"*"⟧]\n  verbs: [watch]'));
    expectNone('access-to-secrets', role('- apiGroups: [""]\n  resources: [secrets]\n  verbs: [create]'));
    expectNone('access-to-secrets', role('- apiGroups: [apps]\n  resources: [secrets]\n  verbs: [get]'));
  });

  it('access-to-create-pods and access-to-pod-exec', () => {
    expectRanges('access-to-create-pods', role('- apiGroups: [""]\n  resources: [⟦pods⟧]\n  verbs: [create]'));
    expectNone('access-to-create-pods', role('- apiGroups: [""]\n  resources: [pods]\n  verbs: [get, list, delete]'));
    const [exec] = expectRanges('access-to-pod-exec', role('- apiGroups: [""]\n  resources: [pods, ⟦pods/exec⟧]\n  verbs: [create]'));
    assert.equal(exec?.message, 'ClusterRole r grants access to pods/exec.');
    expectRanges('access-to-pod-exec', role('- apiGroups: [""]\n  resources: [⟦pods/portforward⟧]\n  verbs: [get]'));
    expectNone('access-to-pod-exec', role('- apiGroups: [""]\n  resources: [pods/log]\n  verbs: [get]'));
  });

  it('rbac-escalation-verbs: escalate, bind, impersonate by name', () => {
    expectRanges('rbac-escalation-verbs', role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [get, ⟦bind⟧]\n- apiGroups: [""]\n  resources: [users]\n  verbs: [⟦impersonate⟧]'));
    expectNone('rbac-escalation-verbs', role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [get, list]'));
  });

  it('rbac-write-access: writes to RBAC objects', () => {
    const [finding] = expectRanges('rbac-write-access', role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [⟦rolebindings⟧, roles]\n  verbs: [get, patch]'));
    assert.equal(finding?.message, 'ClusterRole r grants patch on rolebindings.');
    expectNone('rbac-write-access', role('- apiGroups: [rbac.authorization.k8s.io]\n  resources: [roles]\n  verbs: [get, list, watch]'));
    expectNone('rbac-write-access', role('- apiGroups: [""]\n  resources: [roles]\n  verbs: [create]'));
  });

  it('access-to-node-proxy: nodes/proxy', () => {
    expectRanges('access-to-node-proxy', role('- apiGroups: [""]\n  resources: [nodes, ⟦nodes/proxy⟧]\n  verbs: [get]'));
    expectNone('access-to-node-proxy', role('- apiGroups: [""]\n  resources: [nodes, nodes/metrics]\n  verbs: [get]'));
  });

  it('admin-equivalent-binding: a binding to a custom role granting everything', () => {
    const admin = role('- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]').replace('name: r', 'name: superuser');
    const [finding] = expectRanges('admin-equivalent-binding', `${admin}---\n${binding('kind: ClusterRole, name: ⟦superuser⟧', robot)}`);
    assert.equal(finding?.related[0]?.message, 'the admin-equivalent role');
    expectNone('admin-equivalent-binding', `${admin.replace('resources: ["*"]', 'resources: [pods]')}---\n${binding('kind: ClusterRole, name: superuser', robot)}`);
    // A Role of another namespace is not the one a RoleBinding names.
    const namespaced = role('- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]', 'Role').replace('{name: r}', '{name: r, namespace: a}');
    expectNone('admin-equivalent-binding', `${namespaced}---\n${binding('kind: Role, name: r', robot, 'RoleBinding').replace('{name: b}', '{name: b, namespace: b}')}`);
  });

  it('default-service-account-binding and anonymous-binding: at the subject name', () => {
    expectRanges('default-service-account-binding', binding('kind: ClusterRole, name: view', '- {kind: ServiceAccount, name: ⟦default⟧, namespace: shop}'));
    expectNone('default-service-account-binding', binding('kind: ClusterRole, name: view', robot));
    const [anonymous] = expectRanges('anonymous-binding', binding('kind: ClusterRole, name: view', '- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: ⟦system:unauthenticated⟧}'));
    assert.match(anonymous?.message ?? '', /every unauthenticated request/);
    expectNone('anonymous-binding', binding('kind: ClusterRole, name: view', '- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: system:authenticated}'));
  });
});
