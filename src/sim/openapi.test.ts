import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { definitionName } from './openapi.ts';
import { startSim, type Sim } from './sim.ts';
import { call } from './test-helpers.ts';

type Schema = {
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  items?: Schema;
  description?: string;
  'x-kubernetes-group-version-kind'?: unknown[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
};

describe('sim /openapi/v2 and /openapi/v3 from the bundled schema', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 0, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  it('names definitions as the API server does', () => {
    assert.deepEqual(['V1PodSpec', 'CoreV1Event', 'V2HorizontalPodAutoscaler', 'V1beta1Lease'].map(definitionName), [
      'io.k8s.api.v1.PodSpec',
      'io.k8s.api.core.v1.Event',
      'io.k8s.api.v2.HorizontalPodAutoscaler',
      'io.k8s.api.v1beta1.Lease',
    ]);
  });

  it('indexes one v3 document per group-version, each reachable by its serverRelativeURL', async () => {
    const index = await call(sim, '/openapi/v3');
    assert.equal(index.headers['content-type'], 'application/json');
    const entries = index.json['paths'] as Record<string, { serverRelativeURL: string }>;
    assert.match(entries['apis/apps/v1']?.serverRelativeURL ?? '', /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{64}$/);
    assert.ok(entries['api/v1'] !== undefined && entries['apis/batch/v1'] !== undefined);
    const apps = await call(sim, entries['apis/apps/v1']?.serverRelativeURL ?? '');
    const schemas = (apps.json['components'] as { schemas: Record<string, Schema> }).schemas;
    const deployment = schemas['io.k8s.api.v1.Deployment'];
    assert.deepEqual(deployment?.['x-kubernetes-group-version-kind'], [{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    // A described reference is wrapped in allOf, as the API server writes v3.
    const specField = deployment?.properties?.['spec'];
    assert.match(specField?.description ?? '', /^Specification of the desired behavior of the Deployment\./);
    const spec = schemas[(specField?.allOf?.[0]?.$ref ?? '').replace('#/components/schemas/', '')];
    assert.deepEqual([spec?.properties?.['replicas']?.type, spec?.required], ['integer', ['selector', 'template']]);
    const containers = schemas['io.k8s.api.v1.PodSpec']?.properties?.['containers'];
    assert.deepEqual([containers?.type, containers?.items?.$ref], ['array', '#/components/schemas/io.k8s.api.v1.Container']);
    assert.match(deployment?.description ?? '', /^Deployment enables declarative updates for Pods and ReplicaSets\.$/);
    // kubectl checks that PATCH takes fieldValidation before it leaves validation to the server.
    const paths = apps.json['paths'] as Record<string, { patch: { parameters: { name: string }[] } }>;
    assert.ok(paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']?.patch.parameters.some((parameter) => parameter.name === 'fieldValidation'));
    assert.equal((await call(sim, '/openapi/v3/apis/nothing/v1')).status, 404);
  });

  it('serves the whole v2 document as JSON to a client that accepts JSON', async () => {
    const v2 = await call(sim, '/openapi/v2', { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf, application/json' });
    assert.equal(v2.headers['content-type'], 'application/json');
    const definitions = v2.json['definitions'] as Record<string, Schema>;
    assert.equal(definitions['io.k8s.api.v1.Container']?.properties?.['image']?.type, 'string');
    assert.deepEqual(definitions['io.k8s.api.v1.Pod']?.['x-kubernetes-group-version-kind'], [{ group: '', version: 'v1', kind: 'Pod' }]);
    // v2 keeps a described reference's $ref beside its description.
    assert.deepEqual(Object.keys(definitions['io.k8s.api.v1.Pod']?.properties?.['spec'] ?? {}).sort(), ['$ref', 'description']);
  });

  it('marks the lists the strategic merge patch merges by key, with the key the patch uses', async () => {
    const definitions = (await call(sim, '/openapi/v2')).json['definitions'] as Record<string, Schema>;
    const keyOf = (model: string, field: string): string | undefined => {
      const schema = definitions[`io.k8s.api.v1.${model}`]?.properties?.[field];
      return schema?.['x-kubernetes-patch-strategy'] === 'merge' ? schema['x-kubernetes-patch-merge-key'] : undefined;
    };
    assert.deepEqual(
      [keyOf('PodSpec', 'containers'), keyOf('PodSpec', 'volumes'), keyOf('Container', 'env'), keyOf('Container', 'ports'), keyOf('ServiceSpec', 'ports'), keyOf('Container', 'volumeMounts')],
      ['name', 'name', 'name', 'containerPort', 'port', 'mountPath'],
    );
    assert.equal(keyOf('Container', 'args'), undefined);
    assert.equal(keyOf('PodSpec', 'tolerations'), undefined);
  });
});
