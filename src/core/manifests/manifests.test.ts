// The builders' output must be what the API server accepts: checked with our own linter's schema and
// structure rules on the YAML the user sees in the preview.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAll } from 'js-yaml';
import { createLintFile, lint } from '../lint/engine.ts';
import { loadBundledSchema } from '../lint/schema/snapshot.ts';
import { toYaml } from '../yaml/dump.ts';
import { deploymentManifest, serviceManifest, type DeploymentInput } from './deployment.ts';
import { jobManifest } from './job.ts';
import { namespaceManifest } from './namespace.ts';

const web: DeploymentInput = { name: 'web', namespace: 'shop', image: 'nginx:1.27.3', replicas: 3, containerPort: 8080, requests: { cpu: '250m', memory: '256Mi' } };

async function errorsOf(...manifests: Record<string, unknown>[]): Promise<string[]> {
  const text = manifests.map(toYaml).join('---\n');
  const findings = lint([createLintFile('preview.yaml', text)], { schema: await loadBundledSchema() });
  return findings.filter((finding) => finding.severity === 'error' || finding.category === 'schema' || finding.category === 'consistency').map((finding) => `${finding.ruleId}: ${finding.message}`);
}

describe('deploymentManifest and serviceManifest', () => {
  it('build a Deployment and a Service the API accepts, whose selector and port names match', async () => {
    const deployment = deploymentManifest(web);
    const service = serviceManifest(web);
    assert.ok(service);
    assert.deepEqual(await errorsOf(deployment, service), []);
    const spec = deployment['spec'] as { replicas: number; template: { spec: { containers: { resources: unknown; ports: unknown }[] } } };
    assert.equal(spec.replicas, 3);
    assert.deepEqual(spec.template.spec.containers[0]?.resources, { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } });
    assert.deepEqual(loadAll(toYaml(deployment))[0], deployment, 'the YAML preview round-trips');
  });

  it('makes no Service and no resources block when not asked', () => {
    const bare = { ...web, containerPort: undefined, requests: {} };
    assert.equal(serviceManifest(bare), undefined);
    const container = ((deploymentManifest(bare)['spec'] as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0] ?? {});
    assert.deepEqual(Object.keys(container).sort(), ['image', 'name']);
  });
});

describe('namespaceManifest', () => {
  it('builds a Namespace the API accepts, labelled as made by kube-workbench', async () => {
    const namespace = namespaceManifest('fresh-team');
    assert.deepEqual(await errorsOf(namespace), []);
    assert.deepEqual(namespace['metadata'], { name: 'fresh-team', labels: { 'app.kubernetes.io/managed-by': 'kube-workbench' } });
  });
});

describe('jobManifest', () => {
  it('builds a Job with an argument list, retry budget, deadline and TTL', async () => {
    const job = jobManifest({
      name: 'report',
      namespace: 'batch',
      image: 'python:3.13',
      command: ['python', '-c'],
      args: ['print("done")'],
      completions: 3,
      parallelism: 2,
      backoffLimit: 1,
      activeDeadlineSeconds: 600,
      ttlSecondsAfterFinished: 3600,
    });
    assert.deepEqual(await errorsOf(job), []);
    const spec = job['spec'] as Record<string, unknown> & { template: { spec: { restartPolicy: string; containers: { command: string[]; args: string[] }[] } } };
    assert.deepEqual([spec['completions'], spec['parallelism'], spec['backoffLimit'], spec['activeDeadlineSeconds'], spec['ttlSecondsAfterFinished']], [3, 2, 1, 600, 3600]);
    assert.equal(spec.template.spec.restartPolicy, 'Never');
    assert.deepEqual(spec.template.spec.containers[0]?.command, ['python', '-c']);
    assert.deepEqual(spec.template.spec.containers[0]?.args, ['print("done")']);
  });
});
