// The lint engine over the real-world corpus (../shared/corpus/real-world, see SOURCES.md there): no crash,
// ranges inside their files, yaml-syntax only where Kubernetes itself refuses, and a snapshot of the
// finding counts per rule so that behaviour changes show up in review.
// Refresh the snapshot after an intended change: UPDATE_LINT_SNAPSHOT=1 node --test test/unit/lint-corpus.test.ts
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createLintFile, lint } from '../../src/core/lint/engine.ts';
import { loadBundledSchema } from '../../src/core/lint/schema/snapshot.ts';
import type { Finding, LintFile } from '../../src/core/lint/types.ts';
import { corpusUrl as corpus, readCorpus } from './corpus.ts';

const snapshotUrl = new URL('./lint-corpus.snapshot.json', import.meta.url);
const schema = await loadBundledSchema();
const files = readCorpus();
// Each file is its own file set: the corpus mixes unrelated repositories.
const linted = files.map(({ name, text }) => {
  const file = createLintFile(name, text);
  return { file, findings: lint([file], { schema }) };
});
const all: Finding[] = linted.flatMap((entry) => entry.findings);
const byName = new Map<string, { file: LintFile; findings: Finding[] }>(linted.map((entry) => [entry.file.path, entry]));

const syntaxLine = (name: string) => {
  const entry = byName.get(name);
  return entry?.findings.filter((finding) => finding.ruleId === 'yaml-syntax').map((finding) => entry.file.lines().position(finding.range.start).line + 1);
};

describe('lint over the real-world corpus', () => {
  it('lints every file of the corpus', () => {
    const stats = readFileSync(new URL('STATS.md', corpus), 'utf8');
    assert.equal(files.length, Number(/^- Files: (\d+)$/m.exec(stats)?.[1]));
    // STATS counts js-yaml 4's documents; it loads the vitess template, whose complex key we reject.
    const jsYaml4Documents = Number(/^- Documents as js-yaml 4 loads them.*: (\d+)$/m.exec(stats)?.[1]);
    const documents = linted.reduce((sum, { file }) => sum + file.parsed.documents.filter((document) => document.value !== null).length, 0);
    assert.equal(documents, jsYaml4Documents - 1);
  });

  it('keeps every range, related ones too, inside its file', () => {
    for (const { file, findings } of linted) {
      for (const finding of findings) {
        for (const range of [finding.range, ...finding.related.map((related) => related.range)]) {
          assert.ok(range.start >= 0 && range.start <= range.end && range.end <= file.parsed.text.length, `${file.path} ${finding.ruleId}`);
        }
        assert.ok(finding.range.end > finding.range.start, `${file.path} ${finding.ruleId}: empty range`);
      }
    }
  });

  it('gives yaml-syntax exactly to the two files Kubernetes refuses, at the right line', () => {
    assert.deepEqual(syntaxLine('kubernetes__examples___archived__openshift-origin__etcd-controller.yaml'), [12]);
    assert.deepEqual(syntaxLine('kubernetes__examples___archived__storage__vitess__etcd-service-template.yaml'), [7]);
    const others = all.filter((finding) => finding.ruleId === 'yaml-syntax' && !finding.path.includes('__etcd-'));
    assert.deepEqual(others.map((finding) => finding.path), []);
  });

  it('lints the files js-yaml 5 alone rejects, and the PyYAML-only failure', () => {
    for (const name of [
      'istio__istio__samples__security__spire__spire-quickstart.yaml',
      'kubernetes__dashboard__hack__test-resources__init-container-error-pod.yaml',
      'prometheus-operator__kube-prometheus__manifests__setup__0alertmanagerConfigCustomResourceDefinition.yaml',
    ]) {
      const entry = byName.get(name);
      assert.ok(entry !== undefined && entry.file.parsed.documents.every((document) => document.error === undefined && document.value !== null), name);
    }
    const spire = byName.get('istio__istio__samples__security__spire__spire-quickstart.yaml');
    assert.ok((spire?.findings.length ?? 0) > 0, 'the repaired file is linted');
  });

  it('matches the snapshot of finding counts per rule', () => {
    const counts: Record<string, number> = {};
    for (const finding of all) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
    const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
    if (process.env.UPDATE_LINT_SNAPSHOT === '1') writeFileSync(snapshotUrl, `${JSON.stringify(sorted, null, 2)}\n`);
    assert.deepEqual(sorted, JSON.parse(readFileSync(snapshotUrl, 'utf8')));
  });
});
