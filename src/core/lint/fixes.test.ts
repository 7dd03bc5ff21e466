import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint } from './engine.ts';
import schemaJson from './schema/kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from './schema/snapshot.ts';
import type { Finding } from './types.ts';

const schema = schemaJson as SchemaSnapshot;

// One manifest with a problem for every rule that offers a fix; each fix is applied alone.
const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replica: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccount: default
      hostNetwork: true
      containers:
      - name: app
        image: nginx
        securityContext:
          privileged: true
          runAsNonRoot: false
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}
`;

const answers: Readonly<Record<string, string>> = { 'latest-tag': '1.27', 'missing-cpu-request': '100m', 'missing-memory-request': '64Mi', 'missing-memory-limit': '128Mi' };

function apply(text: string, finding: Finding): string {
  let result = text;
  const edits = [...(finding.fix?.edits ?? [])].sort((a, b) => b.start - a.start);
  for (const edit of edits) result = result.slice(0, edit.start) + edit.newText.replaceAll('${input}', answers[finding.ruleId] ?? 'x') + result.slice(edit.end);
  return result;
}

describe('quick fixes', () => {
  const findings = lint([createLintFile('m.yaml', manifest)], { schema }).filter((finding) => finding.fix !== undefined);

  it('are offered by every rule that documents one', () => {
    const ids = new Set(findings.map((finding) => finding.ruleId));
    for (const id of ['deprecated-api-version', 'schema-unknown-field', 'latest-tag', 'privileged-container', 'no-read-only-root-fs', 'run-as-non-root', 'host-network', 'missing-cpu-request', 'missing-memory-limit', 'automount-service-account-token', 'deprecated-service-account-field']) {
      assert.ok(ids.has(id), id);
    }
  });

  it('each yield valid YAML and clear their own finding, keeping the rest of the file', () => {
    for (const finding of findings) {
      const fixed = apply(manifest, finding);
      const file = createLintFile('m.yaml', fixed);
      assert.deepEqual(file.parsed.documents.map((document) => document.error), [undefined, undefined], `${finding.ruleId} breaks the YAML:\n${fixed}`);
      const after = lint([file], { schema }).filter((entry) => entry.ruleId === finding.ruleId);
      assert.ok(after.length < findings.filter((entry) => entry.ruleId === finding.ruleId).length, `${finding.ruleId} still reported:\n${fixed}`);
      assert.ok(fixed.includes('  name: web\n  namespace: shop\n'), finding.ruleId);
    }
  });
});
