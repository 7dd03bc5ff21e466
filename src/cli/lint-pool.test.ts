import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createLintFile, lint } from '../core/lint/engine.ts';
import { mergeFindings, poolWorkers, startPool } from './lint-pool.ts';
import type { FileJob } from './lint-worker.ts';

// The pool over the real-world corpus (findings equal to one thread's) is in test/unit/lint-locality.test.ts.
const script = new URL('./lint-worker.ts', import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'kwb-lint-pool-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const manifests: Readonly<Record<string, string>> = {
  'app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: "nginx:latest", envFrom: [{configMapRef: {name: settings}}]}\n',
  'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: restricted}}\n',
  'settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other, namespace: shop}\n',
  'values.yaml': 'replicas: 3\n',
};

function jobs(names: readonly string[], discovered = false): FileJob[] {
  return names.map((name, index) => {
    if (manifests[name] !== undefined) writeFileSync(join(folder, name), manifests[name]);
    return { index, path: name, absolute: join(folder, name), discovered };
  });
}

describe('lint pool', () => {
  it('finds across files what one thread finds: Pod Security from the Namespace, the missing ConfigMap', async () => {
    const names = ['app.yaml', 'ns.yaml', 'settings.yaml'];
    const pool = await startPool(jobs(names), { script, options: {}, workers: 2 });
    const files = names.map((name) => createLintFile(name, manifests[name] ?? ''));
    const merge = mergeFindings(files, (rules) => lint(files, { rules }));
    const results = await pool.results();
    const whole = lint(files);
    assert.ok(whole.some((finding) => finding.ruleId === 'missing-config-map') && whole.some((finding) => finding.ruleId === 'pss-seccomp-restricted' && finding.severity === 'error'));
    assert.ok(results[0]?.findings.some((finding) => finding.ruleId === 'latest-tag'));
    assert.deepEqual(merge(results), whole);
  });

  it('answers nothing for a found file that is not Kubernetes or one it cannot read (the main thread reports those)', async () => {
    const results = await (await startPool([...jobs(['values.yaml'], true), { index: 1, path: 'missing.yaml', absolute: join(folder, 'missing.yaml'), discovered: false }], { script, options: {}, workers: 1 })).results();
    assert.deepEqual(results, [{ index: 0, findings: [] }, { index: 1, findings: [] }]);
  });

  it('starts from 600 files and four cores, one worker per core but the main thread', () => {
    assert.equal(poolWorkers(599, 8), 0);
    assert.equal(poolWorkers(20000, 2), 0);
    assert.equal(poolWorkers(600, 4), 3);
  });
});
