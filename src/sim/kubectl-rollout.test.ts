import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kubectlBinaries, kubectlSuite } from './test-helpers.ts';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: main, image: nginx:1.27}]
`;

for (const binary of kubectlBinaries()) describe(`rollouts and scaling with the real kubectl (${binary})`, () => {
  const suite = kubectlSuite(binary, { nodes: 2, log: () => undefined });
  const { ok, run } = suite;
  const replicaSets = async (): Promise<Map<string, { image: string; revision: string; history: string; replicas: number }>> => {
    const list = JSON.parse(await ok('get', 'rs', '-l', 'app=web', '-o', 'json')) as { items: { metadata: { name: string; annotations: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { image: string }[] } } } }[] };
    return new Map(list.items.map((each) => [each.metadata.name, {
      image: each.spec.template.spec.containers[0]?.image ?? '',
      revision: each.metadata.annotations['deployment.kubernetes.io/revision'] ?? '',
      history: each.metadata.annotations['deployment.kubernetes.io/revision-history'] ?? '',
      replicas: each.spec.replicas,
    }]));
  };

  it('rollout undo scales the old ReplicaSet back up under the next revision', async () => {
    await ok('create', 'deployment', 'web', '--image=nginx:1.26', '--replicas=2');
    await ok('rollout', 'status', 'deployment/web', '--timeout=30s');
    await ok('set', 'image', 'deployment/web', 'nginx=nginx:1.27');
    await ok('rollout', 'status', 'deployment/web', '--timeout=30s');
    const [first] = [...(await replicaSets())].find(([, each]) => each.image === 'nginx:1.26') ?? [];
    assert.ok(first !== undefined);
    assert.match(await ok('rollout', 'undo', 'deployment/web'), /rolled back/);
    await ok('rollout', 'status', 'deployment/web', '--timeout=30s');
    const after = await replicaSets();
    assert.equal(after.size, 2, [...after.keys()].join(', '));
    assert.deepEqual(after.get(first), { image: 'nginx:1.26', revision: '3', history: '1', replicas: 2 });
    assert.match(await ok('rollout', 'history', 'deployment/web'), /^2\s[\s\S]*^3\s/m);
    assert.equal((await ok('get', 'deployment', 'web', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}')).trim(), '3');
  });

  it('scale records .spec.replicas for kubectl through the scale subresource, so another manager\'s apply conflicts', async () => {
    const file = join(suite.home, 'api.yaml');
    await writeFile(file, manifest);
    await ok('apply', '--server-side', '--field-manager=ci', '-f', file);
    assert.match(await ok('scale', 'deployment/api', '--replicas=3'), /scaled/);
    // kubectl hides managedFields from 1.21 unless asked.
    const showManaged = suite.minor >= 21 ? ['--show-managed-fields'] : [];
    const entries = (JSON.parse(await ok('get', 'deployment', 'api', '-o', 'json', ...showManaged)) as { metadata: { managedFields: Record<string, unknown>[] } }).metadata.managedFields;
    const scaler = entries.find((entry) => entry['subresource'] === 'scale');
    assert.deepEqual({ ...scaler, time: undefined }, { manager: 'kubectl', operation: 'Update', subresource: 'scale', apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, time: undefined });
    const conflict = await run('apply', '--server-side', '--field-manager=ci', '-f', file);
    assert.notEqual(conflict.code, 0);
    assert.match(conflict.stderr, /Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas/);
    assert.match(await ok('apply', '--server-side', '--field-manager=ci', '--force-conflicts', '-f', file), /serverside-applied/);
    assert.equal((await ok('get', 'deployment', 'api', '-o', 'jsonpath={.spec.replicas}')).trim(), '1');
  });
});
