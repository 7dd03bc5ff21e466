import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { call } from './test-helpers.ts';

type Spec = Record<string, unknown>;

const deployment = (name: string, spec: Spec = {}, container: Spec = {}): Spec => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ...container }] } }, ...spec },
});

describe('sim schema validation: the linter schema on every write', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 0, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  const post = (body: Spec, validation?: string) =>
    call(sim, `/apis/apps/v1/namespaces/default/deployments${validation === undefined ? '' : `?fieldValidation=${validation}`}`, { method: 'POST', body: JSON.stringify(body) });
  const stored = async (name: string) => (await call(sim, `/apis/apps/v1/namespaces/default/deployments/${name}`)).json as { spec?: Spec };
  const causes = (json: Record<string, unknown>) => ((json['details'] as { causes: { reason: string; field: string }[] }).causes ?? []).map((cause) => `${cause.reason} ${cause.field}`);

  it('Strict refuses an unknown field with 400 naming its path, and stores nothing', async () => {
    const reply = await post(deployment('strict', { replica: 2 }), 'Strict');
    assert.equal(reply.status, 400);
    assert.equal(reply.json['reason'], 'BadRequest');
    assert.match(String(reply.json['message']), /strict decoding error: unknown field "spec\.replica"/);
    assert.equal((await call(sim, '/apis/apps/v1/namespaces/default/deployments/strict')).status, 404);
  });

  it('Warn (the default) stores without the field and says so in a Warning header', async () => {
    for (const [name, query] of [['warned', 'Warn'], ['defaulted', undefined]] as const) {
      const reply = await post(deployment(name, { replica: 2 }, { imagePullPolicyy: 'Always' }), query);
      assert.equal(reply.status, 201);
      assert.deepEqual(String(reply.headers['warning']).split(', ').sort(), [
        '299 - "unknown field \\"spec.replica\\""',
        '299 - "unknown field \\"spec.template.spec.containers[0].imagePullPolicyy\\""',
      ]);
      assert.equal((await stored(name)).spec?.['replica'], undefined);
    }
  });

  it('Ignore stores the object silently, the unknown field dropped', async () => {
    const reply = await post(deployment('ignored', { replica: 2 }), 'Ignore');
    assert.equal(reply.status, 201);
    assert.equal(reply.headers['warning'], undefined);
    assert.equal((await stored('ignored')).spec?.['replicas'], 1);
  });

  it('answers 422 Invalid with one cause per field for types, required fields and enums', async () => {
    const bogus = await post(deployment('bogus', { replicas: 'bogus' }), 'Strict');
    assert.equal(bogus.status, 422);
    assert.equal(bogus.json['reason'], 'Invalid');
    assert.deepEqual(causes(bogus.json), ['FieldValueInvalid spec.replicas']);
    assert.match(String(bogus.json['message']), /^Deployment "bogus" is invalid: spec\.replicas: Invalid value: "bogus": spec\.replicas in body must be of type integer: "string"$/);
    const noImage = await post(deployment('no-image', {}, { image: undefined }), 'Strict');
    assert.deepEqual([noImage.status, ...causes(noImage.json)], [422, 'FieldValueRequired spec.template.spec.containers[0].image']);
    const policy = await post(deployment('policy', {}, { imagePullPolicy: 'Sometimes' }), 'Strict');
    assert.deepEqual([policy.status, ...causes(policy.json)], [422, 'FieldValueNotSupported spec.template.spec.containers[0].imagePullPolicy']);
    assert.match(String(policy.json['message']), /Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"/);
    for (const name of ['bogus', 'no-image', 'policy']) assert.equal((await call(sim, `/apis/apps/v1/namespaces/default/deployments/${name}`)).status, 404);
  });

  it('checks the patched object: a bad patch is refused and the stored Deployment stays as it was', async () => {
    const path = '/apis/apps/v1/namespaces/default/deployments/ignored';
    const merge = await call(sim, `${path}?fieldValidation=Strict`, { method: 'PATCH', body: JSON.stringify({ spec: { replicas: 'bogus' } }), contentType: 'application/merge-patch+json' });
    assert.deepEqual([merge.status, ...causes(merge.json)], [422, 'FieldValueInvalid spec.replicas']);
    const apply = await call(sim, `${path}?fieldManager=test&fieldValidation=Strict`, {
      method: 'PATCH',
      body: JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ignored' }, spec: { replica: 3 } }),
      contentType: 'application/apply-patch+yaml',
    });
    assert.equal(apply.status, 400);
    assert.equal((await stored('ignored')).spec?.['replicas'], 1);
    const scaled = await call(sim, `${path}?fieldValidation=Strict`, { method: 'PATCH', body: JSON.stringify({ spec: { replicas: 3 } }), contentType: 'application/merge-patch+json' });
    assert.equal(scaled.status, 200);
  });

  it('reports a key the JSON body repeats: 400 in Strict, a warning in Warn', async () => {
    const body = JSON.stringify(deployment('twice')).replace('"replicas":1', '"replicas":1,"replicas":2');
    const path = '/apis/apps/v1/namespaces/default/deployments';
    const strict = await call(sim, `${path}?fieldValidation=Strict`, { method: 'POST', body });
    assert.deepEqual([strict.status, strict.json['message']], [400, 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: duplicate field "spec.replicas"']);
    const warned = await call(sim, `${path}?fieldValidation=Warn`, { method: 'POST', body });
    assert.deepEqual([warned.status, warned.headers['warning']], [201, '299 - "duplicate field \\"spec.replicas\\""']);
  });

  it('refuses an unsupported fieldValidation value', async () => {
    const reply = await post(deployment('odd'), 'Loose');
    assert.deepEqual([reply.status, reply.json['message']], [400, 'fieldValidation parameter unsupported: Loose']);
  });
});
