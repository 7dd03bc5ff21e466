import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../core/lint/rules/index.ts';
import { rulesCommand } from './rules.ts';
import { runCaptured, type Captured } from './run-captured.ts';

const run = (...args: string[]): Promise<Captured> => runCaptured(rulesCommand, args);

describe('kube-workbench rules', () => {
  it('implements every rule of LINT-RULES.md, in its order (the rules added since are documented in docs/rules.md)', () => {
    const catalogue = readFileSync(new URL('../../../shared/LINT-RULES.md', import.meta.url), 'utf8');
    const catalogued = [...catalogue.matchAll(/^\| ([a-z][a-z0-9-]*) \|/gm)].map((match) => match[1]).filter((id) => id !== 'id');
    const implemented = allRules.map((rule) => rule.id);
    assert.deepEqual(implemented.filter((id) => catalogued.includes(id)), catalogued, 'every catalogued id, in catalogue order');
    assert.equal(new Set(implemented).size, implemented.length, 'ids are unique');
  });

  it('docs/rules.md is the current markdown output (regenerate with `kube-workbench rules > docs/rules.md`)', async () => {
    const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    const result = await run('--format', 'markdown');
    assert.equal(result.code, 0);
    assert.equal(result.stdout, docs);
    for (const rule of allRules) assert.ok(docs.includes(`### ${rule.id}\n`), rule.id);
  });

  it('prints the catalogue as JSON', async () => {
    const result = await run('--format', 'json');
    const parsed = JSON.parse(result.stdout) as { id: string; why: string }[];
    assert.deepEqual(parsed.map((rule) => rule.id), allRules.map((rule) => rule.id));
    assert.ok(parsed.every((rule) => rule.why.length > 0));
  });

  it('rejects an unknown format with exit 2', async () => {
    const result = await run('--format', 'html');
    assert.equal(result.code, 2);
    assert.equal(result.stderr, "kube-workbench rules: unknown format 'html' (markdown or json)\n");
  });
});
