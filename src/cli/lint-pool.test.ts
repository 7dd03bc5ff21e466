import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lint, lintFileOf } from '../core/lint/engine.ts';
import { fromTransfer } from '../core/yaml/transfer.ts';
import { mergeFindings, runPool } from './lint-pool.ts';
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
    writeFileSync(join(folder, name), manifests[name] ?? '');
    return { index, path: name, absolute: join(folder, name), discovered };
  });
}

describe('lint pool', () => {
  it('finds across files what one thread finds: Pod Security from the Namespace, the missing ConfigMap', async () => {
    const names = ['app.yaml', 'ns.yaml', 'settings.yaml'];
    const results = await runPool(jobs(names), { script, options: {}, workers: 2 });
    const parsed = results.map((result) => (result.kind === 'parsed' ? result : assert.fail(result.kind)));
    const files = parsed.map((result, index) => lintFileOf(names[index] as string, fromTransfer(result.parsed)));
    const pooled = mergeFindings(files, parsed.map((result) => result.findings), (rules) => lint(files, { rules }));
    const whole = lint(files);
    assert.ok(whole.some((finding) => finding.ruleId === 'missing-config-map') && whole.some((finding) => finding.ruleId === 'pss-seccomp-restricted' && finding.severity === 'error'));
    assert.ok(parsed[0]?.findings.some((finding) => finding.ruleId === 'latest-tag'));
    assert.deepEqual(pooled, whole);
  });

  it('leaves a found file that is not Kubernetes alone, reports an unreadable one in its place, and stops on abort', async () => {
    const [values] = await runPool(jobs(['values.yaml'], true), { script, options: {}, workers: 1 });
    assert.deepEqual(values?.kind === 'parsed' && { leftAlone: values.leftAlone, findings: values.findings }, { leftAlone: true, findings: [] });
    const missing = await runPool([{ index: 0, path: 'missing.yaml', absolute: join(folder, 'missing.yaml'), discovered: false }], { script, options: {}, workers: 1 });
    assert.deepEqual(missing, [{ index: 0, kind: 'error', message: 'cannot read missing.yaml: ENOENT' }]);
    const controller = new AbortController();
    const running = runPool(jobs(['app.yaml', 'ns.yaml']), { script, options: {}, workers: 1, signal: controller.signal });
    controller.abort();
    await assert.rejects(running, /interrupted/);
  });
});
