// The per-file rules (src/core/lint/locality.ts) and the CLI's lint pool over the real-world corpus: the
// rules' sources read nothing of the set beyond their object, and file by file they find what one run
// over the whole set finds; the pool's workers, each linting its part against the set, find the same.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { startPool } from '../../src/cli/lint-pool.ts';
import { createLintFile, lint } from '../../src/core/lint/engine.ts';
import { fileSetTraits, isPerFileRule } from '../../src/core/lint/locality.ts';
import type { ProfileName } from '../../src/core/lint/profiles.ts';
import { allRules } from '../../src/core/lint/rules/index.ts';
import { loadBundledSchema } from '../../src/core/lint/schema/snapshot.ts';
import { corpusUrl, readCorpus } from './corpus.ts';

const schema = await loadBundledSchema();
const corpus = readCorpus();
const anySet = { crds: true, namespaces: true, kustomizations: true };
/** What reads beyond one object: the set's objects, files, derived indexes, schema issues, namespace labels. */
const wholeSet = /context\.(derived|objects|files|schemaIssues)\b|\.derived\(|namespaceLabels|workloads\.pods\b/;
/** Checks schemaIssues of its object alone against the run's schema (no CRD of the set): per-object. */
const singleObjectSchema = new Set(['deprecated-api-version']);
const rulesUrl = new URL('../../src/core/lint/rules/', import.meta.url);

/** The lint modules a source imports, transitively (the engine and types aside). */
function imports(url: URL, seen = new Set<string>()): URL[] {
  if (seen.has(url.href) || !existsSync(url)) return [];
  seen.add(url.href);
  const found = [url];
  for (const match of readFileSync(url, 'utf8').matchAll(/from '(\.[^']+\.ts)'/g)) {
    const dependency = new URL(match[1] as string, url);
    if (!/\/(engine|types)\.ts$/.test(dependency.pathname)) found.push(...imports(dependency, seen));
  }
  return found;
}

/** The pool's findings over corpus files (two workers, each with every other batch) next to lint()'s over the same set in one thread. */
async function pooledAndWhole(names: readonly string[], profile: ProfileName) {
  const jobs = names.map((name, index) => ({ index, path: name, absolute: fileURLToPath(new URL(name, corpusUrl)), discovered: false }));
  const pool = await startPool(jobs, { script: new URL('../../src/cli/lint-worker.ts', import.meta.url), options: { profile }, workers: 2 });
  await pool.outcomes();
  const files = names.map((name) => createLintFile(name, readFileSync(new URL(name, corpusUrl), 'utf8')));
  return { pooled: await pool.findings(undefined), whole: lint(files, { schema, profile }), traits: fileSetTraits(files) };
}

describe('per-file rules and the lint pool', () => {
  it('per-file rules read nothing of the set beyond their object, in their sources or any module they import', () => {
    const perFile = allRules.filter((rule) => isPerFileRule(rule, anySet) && !singleObjectSchema.has(rule.id));
    assert.ok(perFile.length >= 50);
    for (const rule of perFile) {
      const readers = imports(new URL(`${rule.id}.ts`, rulesUrl)).filter((url) => wholeSet.test(readFileSync(url, 'utf8')));
      assert.deepEqual(readers.map((url) => url.pathname.split('/').pop()), [], rule.id);
    }
  });

  it('per-file rules find on the corpus file by file what they find over the whole corpus', () => {
    const files = corpus.map(({ name, text }) => createLintFile(name, text));
    const rules = allRules.filter((rule) => isPerFileRule(rule, anySet));
    const whole = lint(files, { schema, rules, profile: 'all' });
    assert.ok(whole.length > 1000);
    assert.deepEqual(files.flatMap((file) => lint([file], { schema, rules, profile: 'all' })), whole);
  });

  it('the pool finds on the corpus what one thread finds, CRDs and Namespaces of one worker applying to the files of the other', async () => {
    const { pooled, whole, traits } = await pooledAndWhole(corpus.map((file) => file.name), 'all');
    assert.deepEqual(traits, { crds: true, namespaces: true, kustomizations: false });
    assert.ok(whole.length > 3000);
    assert.deepEqual(pooled, whole);
  });

  it('the pool finds the schema and Pod Security findings one thread finds when no file holds a CRD, Namespace or kustomization', async () => {
    const plain = corpus.filter((file) => !/kind:\s*["']?(Namespace|CustomResourceDefinition|Kustomization)\b/.test(file.text) && !/kustomization/i.test(file.name));
    const { pooled, whole, traits } = await pooledAndWhole(plain.map((file) => file.name), 'pss-restricted');
    assert.deepEqual(traits, { crds: false, namespaces: false, kustomizations: false });
    assert.ok(whole.some((finding) => finding.ruleId.startsWith('pss-')) && whole.some((finding) => finding.ruleId.startsWith('schema-')));
    assert.deepEqual(pooled, whole);
  });
});
