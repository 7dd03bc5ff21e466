// The builders' output must be what the API server accepts and what our own linter finds nothing in:
// checked with every rule at the default profile on the YAML the user sees in the preview.
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

/** Every finding of the default rules (all of them, default severities, the bundled schema), as `rule: message`. */
async function findingsOf(...manifests: Record<string, unknown>[]): Promise<string[]> {
  const text = manifests.map(toYaml).join('---\n');
  return lint([createLintFile('preview.yaml', text)], { schema: await loadBundledSchema() }).map((finding) => `${finding.ruleId}: ${finding.message}`);
}

const task = {
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
  requests: { cpu: '100m', memory: '128Mi' },
};

describe('deploymentManifest and serviceManifest', () => {
  it('build a Deployment and a Service the default lint rules find nothing in, whose selector and port names match', async () => {
    const deployment = deploymentManifest(web);
    const service = serviceManifest(web);
    assert.ok(service);
    assert.deepEqual(await findingsOf(deployment, service), []);
    const spec = deployment['spec'] as { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
    assert.equal(spec.replicas, 3);
    const container = spec.template.spec.containers[0] ?? {};
    assert.deepEqual(container['resources'], { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } });
    assert.deepEqual(container['readinessProbe'], { tcpSocket: { port: 'http' }, periodSeconds: 5 });
    assert.deepEqual(loadAll(toYaml(deployment))[0], deployment, 'the YAML preview round-trips');
  });

  it('makes no Service and no probes without a port, and still lints clean', async () => {
    const bare = { ...web, containerPort: undefined, replicas: 2 };
    assert.equal(serviceManifest(bare), undefined);
    const deployment = deploymentManifest(bare);
    assert.deepEqual(await findingsOf(deployment), []);
    const container = (deployment['spec'] as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0] ?? {};
    assert.deepEqual(Object.keys(container).sort(), ['image', 'name', 'resources', 'securityContext', 'volumeMounts']);
  });

  it('would be reported by the default rules without its hardening: the check can fail', async () => {
    const deployment = deploymentManifest(web);
    const spec = (deployment['spec'] as { template: { spec: Record<string, unknown> } }).template.spec;
    delete spec['automountServiceAccountToken'];
    assert.deepEqual(await findingsOf(deployment), ['automount-service-account-token: The pod mounts the default service account token; set automountServiceAccountToken: false.']);
  });
});

describe('namespaceManifest', () => {
  it('builds a Namespace the API accepts, labelled as made by kube-workbench', async () => {
    const namespace = namespaceManifest('fresh-team');
    assert.deepEqual(await findingsOf(namespace), []);
    assert.deepEqual(namespace['metadata'], { name: 'fresh-team', labels: { 'app.kubernetes.io/managed-by': 'kube-workbench' } });
  });
});

describe('jobManifest', () => {
  it('builds a Job with an argument list, retry budget, deadline and TTL that lints clean', async () => {
    const job = jobManifest(task);
    assert.deepEqual(await findingsOf(job), []);
    const spec = job['spec'] as Record<string, unknown> & { template: { spec: { restartPolicy: string; containers: { command: string[]; args: string[] }[] } } };
    assert.deepEqual([spec['completions'], spec['parallelism'], spec['backoffLimit'], spec['activeDeadlineSeconds'], spec['ttlSecondsAfterFinished']], [3, 2, 1, 600, 3600]);
    assert.equal(spec.template.spec.restartPolicy, 'Never');
    assert.deepEqual(spec.template.spec.containers[0]?.command, ['python', '-c']);
    assert.deepEqual(spec.template.spec.containers[0]?.args, ['print("done")']);
  });
});
