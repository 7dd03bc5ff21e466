import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintOptions } from '../engine.ts';
import { applyFix } from '../testing/fix-check.ts';
import { expectNone, expectRanges, findingsOf, strip } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

const all: LintOptions = { profile: 'all' };
const pdb = (selector: string) => `---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web-pdb, namespace: shop}\nspec: {maxUnavailable: 1, selector: {matchLabels: {${selector}}}}\n`;

describe('availability and configuration rules', () => {
  it('missing-pod-disruption-budget: opt-in, several replicas and no budget; the fix adds one as a new document', () => {
    const marked = deployment(goodContainer).replace('name: web', 'name: ⟦web⟧');
    const [finding] = expectRanges('missing-pod-disruption-budget', marked, all);
    assert.ok(finding?.fix !== undefined);
    const fixed = applyFix(strip(marked).text, finding.fix);
    assert.match(fixed, /\n---\napiVersion: policy\/v1\nkind: PodDisruptionBudget\nmetadata:\n {2}name: "web"\n {2}namespace: "shop"\nspec:\n {2}maxUnavailable: 1\n {2}selector:\n {4}matchLabels:\n {6}"app": "web"\n$/);
    assert.deepEqual(findingsOf('missing-pod-disruption-budget', fixed, all), []);
    expectRanges('missing-pod-disruption-budget', marked + pdb('app: api'), all);
    expectNone('missing-pod-disruption-budget', deployment(goodContainer) + pdb('app: web'), all);
    expectNone('missing-pod-disruption-budget', deployment(goodContainer, { specFields: '  replicas: 1' }), all);
    expectNone('missing-pod-disruption-budget', deployment(goodContainer));
  });

  it('minimum-replicas: opt-in, below the configured minimum', () => {
    const three = { ...all, config: { rules: {}, options: { minReplicas: 3 } } };
    const [finding] = expectRanges('minimum-replicas', deployment(goodContainer, { specFields: '  replicas: ⟦2⟧' }), three);
    assert.equal(finding?.message, 'Deployment web (namespace shop) runs 2 replicas, below the minimum of 3.');
    expectNone('minimum-replicas', deployment(goodContainer, { specFields: '  replicas: 2' }), all);
    expectNone('minimum-replicas', deployment(goodContainer, { specFields: '  replicas: 1' }));
    // A severity in the rules map turns an opt-in rule on under any profile.
    expectRanges('minimum-replicas', deployment(goodContainer, { specFields: '  replicas: ⟦1⟧' }), { config: { rules: { 'minimum-replicas': 'warning' } } });
  });

  it('no-zone-spread: opt-in, several replicas with no zone constraint', () => {
    expectRanges('no-zone-spread', deployment(goodContainer, { specFields: '  replicas: ⟦3⟧', podFields: '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}]' }), all);
    expectNone('no-zone-spread', deployment(goodContainer, { specFields: '  replicas: 3', podFields: '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}]' }), all);
    expectNone('no-zone-spread', deployment(goodContainer, { specFields: '  replicas: 3' }));
  });

  it('missing-cpu-limit: opt-in', () => {
    expectRanges('missing-cpu-limit', deployment(goodContainer).replace('        resources:', '        ⟦resources⟧:'), all);
    expectNone('missing-cpu-limit', deployment(goodContainer.replace('limits: {memory: 128Mi}', 'limits: {cpu: 500m, memory: 128Mi}')), all);
    expectNone('missing-cpu-limit', deployment(goodContainer));
  });

  it('secret-in-config-map: secret-looking keys and credential values, never quoted', () => {
    const map = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata:\n${data}\n`;
    const [finding] = expectRanges('secret-in-config-map', map('  ⟦DB_PASSWORD⟧: hunter2\n  ⟦url⟧: "https://ci:s3cret@git.example.com/repo"\n  ⟦key⟧: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
    assert.equal(finding?.message, 'The key DB_PASSWORD of ConfigMap settings (namespace shop) looks like a credential; keep it in a Secret.');
    expectNone('secret-in-config-map', map('  LOG_LEVEL: debug\n  nginx.conf: |\n    server { listen 8080; }\n  DB_PASSWORD: ""'));
  });

  it('required-labels and required-annotations: silent until configured', () => {
    const options = { config: { rules: {}, options: { requiredLabels: ['team', 'app'], requiredAnnotations: ['owner'] } } };
    const [labels] = expectRanges('required-labels', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  ⟦labels⟧: {app: web}\n', options);
    assert.equal(labels?.message, 'ConfigMap settings has no label team.');
    expectRanges('required-annotations', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ⟦settings⟧\n', options);
    expectNone('required-labels', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels: {app: web, team: a}\n', options);
    expectNone('required-labels', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
  });
});
