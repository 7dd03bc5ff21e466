import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindingSummary, roleSummary, secretSummary, serviceAccountSummary } from './listed-access.ts';

describe('access row text', () => {
  it('counts a Role\'s rules and spells each out in the tooltip', () => {
    const summary = roleSummary({
      rules: [
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] },
        { verbs: ['update'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] },
        { verbs: ['get'], nonResourceURLs: ['/healthz'] },
      ],
    });
    assert.equal(summary.detail, '3 rules');
    assert.deepEqual(summary.notes, ['get, list pods, pods/log', 'update apps: deployments named web', 'get /healthz']);
  });

  it('marks an aggregated ClusterRole', () => {
    const summary = roleSummary({ aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-view': 'true' } }] } });
    assert.equal(summary.detail, '0 rules · aggregated');
    assert.deepEqual(summary.notes, ['aggregates roles with rbac.example.com/aggregate-to-view=true']);
  });

  it('says who a binding grants which role to', () => {
    const summary = bindingSummary({
      subjects: [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'builder', namespace: 'team-a' }, { kind: 'Group', name: 'devs' }],
      roleRef: { kind: 'ClusterRole', name: 'view' },
    });
    assert.equal(summary.detail, 'User alice, ServiceAccount team-a/builder +1 → ClusterRole view');
    assert.deepEqual(summary.notes, ['grants ClusterRole view to', 'User alice', 'ServiceAccount team-a/builder', 'Group devs']);
    assert.equal(bindingSummary({ roleRef: { kind: 'Role', name: 'r' } }).detail, 'nobody → Role r');
  });

  it('shows a ServiceAccount\'s token mounting and secrets', () => {
    assert.equal(serviceAccountSummary({}).detail, '');
    assert.equal(serviceAccountSummary({ automountServiceAccountToken: false, imagePullSecrets: [{ name: 'registry' }] }).detail, 'no token mounted · 1 pull secret');
  });

  it('gives a Secret\'s type and key count, never a key name or value', () => {
    const summary = secretSummary({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'c2VjcmV0LWNlcnQ=', 'tls.key': 'aHVudGVyMg==' }, stringData: { password: 'hunter2' } });
    assert.equal(summary.detail, 'kubernetes.io/tls · 3 keys');
    const shown = JSON.stringify(summary);
    for (const hidden of ['tls.key', 'password', 'hunter2', 'aHVudGVyMg==']) assert.ok(!shown.includes(hidden), hidden);
    assert.equal(secretSummary({}).detail, 'Opaque · 0 keys');
  });
});
