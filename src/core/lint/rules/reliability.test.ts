import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectNone, expectRanges } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';

const job = (specFields: string, podFields = '      restartPolicy: Never', name = 'once') =>
  `apiVersion: batch/v1\nkind: Job\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${specFields}\n  template:\n    spec:\n${podFields}\n      containers: [{name: c, image: busybox:1.36}]\n`;
const completeJob = '  activeDeadlineSeconds: 600\n  backoffLimit: 3\n  ttlSecondsAfterFinished: 3600';
const pod = (fields: string, name = 'p') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${fields}\n  containers:\n  - name: app\n    image: nginx:1.27\n`;

describe('reliability rules', () => {
  it('no-liveness-probe: long-running containers only', () => {
    expectRanges('no-liveness-probe', deployment(goodContainer.replace(/ {8}livenessProbe.*\n/, '')).replace('- name: app', '- name: ⟦app⟧'));
    expectRanges('no-liveness-probe', pod('  restartPolicy: Always').replace('- name: app', '- name: ⟦app⟧'));
    expectNone('no-liveness-probe', pod('  restartPolicy: Never'));
    expectNone('no-liveness-probe', job(completeJob));
  });

  it('no-readiness-probe: Deployment-family containers and bare Pods restarting Always', () => {
    expectRanges('no-readiness-probe', deployment(goodContainer.replace(/\n {8}readinessProbe.*$/, '')).replace('- name: app', '- name: ⟦app⟧'));
    expectNone('no-readiness-probe', deployment(goodContainer));
    expectRanges('no-readiness-probe', pod('  restartPolicy: Always').replace('- name: app', '- name: ⟦app⟧'));
    expectRanges('no-readiness-probe', pod('  hostname: p').replace('- name: app', '- name: ⟦app⟧'));
    expectNone('no-readiness-probe', pod('  restartPolicy: OnFailure'));
  });

  it('single-replica: explicit or defaulted, unless an HPA targets it', () => {
    expectRanges('single-replica', deployment(goodContainer, { specFields: '  replicas: ⟦1⟧' }));
    expectRanges('single-replica', deployment(goodContainer, { specFields: '  minReadySeconds: 5' }).replace('name: web', 'name: ⟦web⟧'));
    const hpa = '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 5}\n';
    expectNone('single-replica', deployment(goodContainer, { specFields: '  replicas: 1' }) + hpa);
    expectNone('single-replica', deployment(goodContainer));
  });

  it('no-rolling-update-strategy: Recreate at its type', () => {
    expectRanges('no-rolling-update-strategy', deployment(goodContainer, { specFields: '  replicas: 2\n  strategy: {type: ⟦Recreate⟧}' }));
    expectNone('no-rolling-update-strategy', deployment(goodContainer, { specFields: '  replicas: 2\n  strategy: {type: RollingUpdate}' }));
  });

  it('job-no-deadline, job-backoff-limit and job-ttl-after-finished', () => {
    expectRanges('job-no-deadline', job('  backoffLimit: 3', undefined, '⟦once⟧'));
    expectRanges('job-backoff-limit', job('  activeDeadlineSeconds: 60', undefined, '⟦once⟧'));
    expectRanges('job-backoff-limit', job('  backoffLimit: ⟦20⟧'));
    expectRanges('job-ttl-after-finished', job('  backoffLimit: 3', undefined, '⟦once⟧'));
    for (const id of ['job-no-deadline', 'job-backoff-limit', 'job-ttl-after-finished']) expectNone(id, job(completeJob));
  });

  it('restart-policy: Always in a Job, anything else in a Deployment', () => {
    expectRanges('restart-policy', job(completeJob, '      restartPolicy: ⟦Always⟧'));
    const [finding] = expectRanges('restart-policy', deployment(goodContainer, { podFields: '      restartPolicy: ⟦OnFailure⟧' }));
    assert.equal(finding?.message, 'A Deployment pod must use restartPolicy Always, not "OnFailure".');
    expectNone('restart-policy', job(completeJob));
    expectNone('restart-policy', deployment(goodContainer, { podFields: '      restartPolicy: Always' }));
  });

  it('use-namespace: namespaced kinds only', () => {
    expectRanges('use-namespace', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ⟦settings⟧}\n');
    expectNone('use-namespace', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n');
  });

  it('no-anti-affinity: several replicas with no spreading', () => {
    expectRanges('no-anti-affinity', deployment(goodContainer, { specFields: '  replicas: ⟦3⟧' }));
    expectNone('no-anti-affinity', deployment(goodContainer, { specFields: '  replicas: 3', podFields: '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}]' }));
  });

  it('pdb-max-unavailable and pdb-min-available', () => {
    const pdb = (field: string) => `---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\nspec:\n  ${field}\n  selector: {matchLabels: {app: web}}\n`;
    expectRanges('pdb-max-unavailable', pdb('maxUnavailable: ⟦0⟧'));
    expectNone('pdb-max-unavailable', pdb('maxUnavailable: 1'));
    expectRanges('pdb-min-available', deployment(goodContainer) + pdb('minAvailable: ⟦2⟧'));
    expectNone('pdb-min-available', deployment(goodContainer) + pdb('minAvailable: 1'));
  });
});
