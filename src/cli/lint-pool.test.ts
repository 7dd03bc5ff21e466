import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createLintFile, lint } from '../core/lint/engine.ts';
import type { ClusterFacts } from '../core/lint/types.ts';
import { poolWorkers, startPool } from './lint-pool.ts';
import type { FileJob } from './lint-worker.ts';

// The pool over the real-world corpus (findings equal to one thread's) is in test/unit/lint-locality.test.ts.
const script = new URL('./lint-worker.ts', import.meta.url);
const folder = mkdtempSync(join(tmpdir(), 'kwb-lint-pool-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const deployment = (name: string, configMap: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - {name: web, image: "nginx:latest", resources: {requests: {cpu: 100m}}, envFrom: [{configMapRef: {name: ${configMap}}}]}\n`;

/**
 * 70 files, so that two workers each take batches of 32 (the first and third to one, the second to the
 * other): every cross-file relation below spans the two workers.
 */
function crossWorkerSet(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < 70; index += 1) files[`m-${String(index).padStart(2, '0')}.yaml`] = deployment(`app-${index}`, 'settings');
  files['m-00.yaml'] = deployment('web', 'missing');
  files['m-40.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {LOG_LEVEL: info}\n';
  files['m-41.yaml'] = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: restricted}}\n';
  files['m-42.yaml'] = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n';
  files['m-43.yaml'] = deployment('app-1', 'settings');
  files['m-44.yaml'] = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec: {minAvailable: 2, selector: {matchLabels: {app: web}}}\n';
  files['m-69.yaml'] = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 1, maxReplicas: 4}\n';
  return files;
}

function write(files: Readonly<Record<string, string>>, discovered = false): FileJob[] {
  return Object.entries(files).map(([name, text], index) => {
    writeFileSync(join(folder, name), text);
    return { index, path: name, absolute: join(folder, name), discovered };
  });
}

async function pooled(jobs: readonly FileJob[], workers: number, cluster?: ClusterFacts) {
  const pool = await startPool(jobs, { script, options: { profile: 'all' }, workers });
  const outcomes = await pool.outcomes();
  return { outcomes, findings: await pool.findings(cluster) };
}

describe('lint pool', () => {
  it('finds across the workers what one thread finds over the whole set', async () => {
    const texts = crossWorkerSet();
    const { outcomes, findings } = await pooled(write(texts), 2);
    const files = Object.entries(texts).map(([name, text]) => createLintFile(name, text));
    const whole = lint(files, { profile: 'all' });
    const cross = (rule: string, path: string) => whole.some((finding) => finding.ruleId === rule && finding.path === path);
    // Each of these needs an object from a file of the other worker.
    assert.ok(cross('missing-config-map', 'm-00.yaml') && !cross('missing-config-map', 'm-01.yaml'));
    assert.ok(whole.some((finding) => finding.ruleId === 'pss-seccomp-restricted' && finding.path === 'm-00.yaml' && finding.severity === 'error'));
    assert.ok(cross('invalid-target-port', 'm-42.yaml') && cross('pdb-hpa-min-replicas', 'm-44.yaml'));
    assert.ok(whole.some((finding) => finding.ruleId === 'duplicate-object' && finding.path === 'm-43.yaml' && finding.related[0]?.path === 'm-01.yaml'));
    assert.ok(!cross('missing-pod-disruption-budget', 'm-00.yaml') && cross('missing-pod-disruption-budget', 'm-01.yaml'));
    assert.deepEqual(findings, whole);
    assert.equal(outcomes.length, 70);
    assert.ok(outcomes.every((outcome, index) => outcome.index === index && outcome.state === 'linted' && outcome.text === Object.values(texts)[index]));
  });

  it('passes the cluster facts the main thread read to every worker', async () => {
    const texts = crossWorkerSet();
    const cluster: ClusterFacts = { largestNodeAllocatable: { cpu: '50m', memory: '1Gi' } };
    const { findings } = await pooled(write(texts), 2, cluster);
    const files = Object.entries(texts).map(([name, text]) => createLintFile(name, text));
    assert.ok(findings.some((finding) => finding.ruleId === 'request-exceeds-node' && finding.path === 'm-50.yaml'));
    assert.deepEqual(findings, lint(files, { profile: 'all', cluster }));
  });

  it('says which files it left alone or could not read, and finds nothing in them', async () => {
    const jobs = [...write({ 'values.yaml': 'replicas: 3\n' }, true), { index: 1, path: 'missing.yaml', absolute: join(folder, 'missing.yaml'), discovered: false }];
    const { outcomes, findings } = await pooled(jobs, 1);
    assert.deepEqual(outcomes, [
      { index: 0, state: 'left-alone', kustomization: false },
      { index: 1, state: 'unread', kustomization: false },
    ]);
    assert.deepEqual(findings, []);
  });

  it('tells a kustomization apart, for the main thread to lint the set itself', async () => {
    const { outcomes } = await pooled(write({ 'kustomization.yaml': 'resources: [m-00.yaml]\n' }), 1);
    assert.equal(outcomes[0]?.kustomization, true);
  });

  it('fails the run with the error of a worker that crashes, instead of waiting for it', async () => {
    const broken = join(folder, 'broken-worker.ts');
    writeFileSync(broken, "throw new Error('worker broke');\n");
    const pool = await startPool(write({ 'a.yaml': deployment('a', 'settings') }), { script: broken, options: {}, workers: 1 });
    await assert.rejects(pool.outcomes(), /worker broke/);
  });

  it('starts from 600 files and two cores, one worker per core', () => {
    assert.equal(poolWorkers(599, 8), 0);
    assert.equal(poolWorkers(20000, 1), 0);
    assert.equal(poolWorkers(20000, 2), 2);
    assert.equal(poolWorkers(600, 4), 4);
  });
});
