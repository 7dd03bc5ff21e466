import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile, lint } from '../lint/engine.ts';
import { loadBundledSchema } from '../lint/schema/snapshot.ts';
import { loadVersionedSchemas } from './load-schema-data.ts';
import { objectSnippets, snippetTexts } from './snippets.ts';

/** The text a snippet inserts with every placeholder left at its default. */
function expand(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '');
}

describe('new-object snippets', () => {
  const schema = loadBundledSchema();

  for (const { kind, text } of snippetTexts()) {
    it(`${kind}, inserted into an empty file, lints clean at the default profile`, async () => {
      const findings = lint([createLintFile('new.yaml', expand(text))], { schema: await schema });
      assert.deepEqual(findings.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
    });
  }

  it('cover the common kinds, each offered where the version serves it', async () => {
    const kinds = snippetTexts().map((snippet) => snippet.kind);
    for (const kind of ['Deployment', 'Service', 'Job', 'CronJob', 'ConfigMap', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) assert.ok(kinds.includes(kind), kind);
    const entries = objectSnippets({ start: 0, end: 0 }, (await loadVersionedSchemas()).schema('1.34'));
    assert.equal(entries.length, kinds.length);
    assert.ok(entries.every((entry) => entry.snippet && entry.insertText.startsWith('apiVersion: ')));
  });

  it('would be reported without their hardening: the check can fail', async () => {
    const deployment = expand(snippetTexts().find((snippet) => snippet.kind === 'Deployment')?.text ?? '');
    const loose = deployment.replace('runAsNonRoot: true', 'runAsNonRoot: false').replace(/ +limits:\n +memory: 128Mi\n/, '');
    assert.notEqual(loose, deployment);
    const findings = lint([createLintFile('new.yaml', loose)], { schema: await schema });
    assert.ok(findings.length >= 2, findings.map((finding) => finding.ruleId).join(', '));
  });
});
