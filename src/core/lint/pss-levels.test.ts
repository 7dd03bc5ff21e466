import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint, type LintOptions } from './engine.ts';
import { fixturePod } from './testing/manifests.ts';

const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {${labels}}\n---\n`;
// Fails baseline (hostPID) and restricted (allowPrivilegeEscalation unset).
const pod = fixturePod({ pod: '  hostPID: true', container: '{capabilities: {drop: [ALL]}}' });
const pss = (text: string, options: LintOptions = {}) =>
  lint([createLintFile('set.yaml', text)], options)
    .filter((finding) => finding.ruleId.startsWith('pss-'))
    .map((finding) => `${finding.ruleId} ${finding.severity}${finding.message.includes('(namespace') ? ` ${finding.message.slice(finding.message.indexOf('(namespace'))}` : ''}`);

describe('Pod Security levels from namespace labels and the profile', () => {
  it('holds a workload to its namespace label, each mode at its severity', () => {
    assert.deepEqual(pss(namespace('pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted') + pod), [
      'pss-host-namespaces error (namespace shop enforce)',
      'pss-privilege-escalation warning (namespace shop warn)',
    ]);
    assert.deepEqual(pss(namespace('pod-security.kubernetes.io/audit: baseline') + pod), ['pss-host-namespaces info (namespace shop audit)']);
  });

  it('labels win over the profile; privileged checks nothing; an unknown level is restricted', () => {
    assert.deepEqual(pss(namespace('pod-security.kubernetes.io/enforce: privileged') + pod, { profile: 'pss-restricted' }), []);
    assert.deepEqual(pss(namespace('pod-security.kubernetes.io/enforce: strict') + pod).length, 2);
    // A namespace without pod-security labels leaves the workload to the profile.
    assert.deepEqual(pss(namespace('team: a') + pod, { profile: 'pss-baseline' }), ['pss-host-namespaces warning']);
    assert.deepEqual(pss(namespace('team: a') + pod), []);
  });

  it('a -version label pins the policy', () => {
    const probe = fixturePod({ containerFields: '    livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}' });
    assert.deepEqual(pss(namespace('pod-security.kubernetes.io/enforce: baseline') + probe), ['pss-host-probes error (namespace shop enforce)']);
    assert.deepEqual(pss(namespace('pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.33') + probe), []);
  });

  it("reads the connected cluster's namespace labels when the file set has no Namespace", () => {
    const cluster = { namespaceLabels: { shop: { 'pod-security.kubernetes.io/enforce': 'baseline' } } };
    assert.deepEqual(pss(pod, { cluster }), ['pss-host-namespaces error (namespace shop enforce)']);
    assert.deepEqual(pss(pod, { cluster: { namespaceLabels: { other: { 'pod-security.kubernetes.io/enforce': 'baseline' } } } }), []);
  });
});
