import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { call } from './test-helpers.ts';

const configMap = (name: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...extra }, data: { key: 'value' } });

describe('sim API: authentication, errors and bad input', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  it('answers 401 Unauthorized without a token or with a wrong one', async () => {
    for (const token of ['none', 'not-the-token']) {
      const reply = await call(sim, '/api/v1/namespaces', { token });
      assert.equal(reply.status, 401);
      assert.deepEqual([reply.json['kind'], reply.json['reason'], reply.json['code']], ['Status', 'Unauthorized', 401]);
    }
  });

  it('lets the read-only user read but answers 403 Forbidden to its writes', async () => {
    assert.equal((await call(sim, '/api/v1/namespaces/default/configmaps', { token: 'readOnly' })).status, 200);
    const reply = await call(sim, '/api/v1/namespaces/default/configmaps', { token: 'readOnly', method: 'POST', body: configMap('denied') });
    assert.equal(reply.status, 403);
    assert.equal(reply.json['reason'], 'Forbidden');
    assert.match(String(reply.json['message']), /cannot create resource "configmaps" in API group "" in the namespace "default"/);
  });

  it('answers 404 for unknown kinds, paths and names, with details', async () => {
    assert.equal((await call(sim, '/api/v1/widgets')).status, 404);
    assert.equal((await call(sim, '/apis/example.com/v1/things')).status, 404);
    const missing = await call(sim, '/apis/apps/v1/namespaces/default/deployments/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.json['message'], 'deployments.apps "nope" not found');
    assert.deepEqual(missing.json['details'], { name: 'nope', group: 'apps', kind: 'deployments' });
  });

  it('answers 409 AlreadyExists and 409 Conflict on a stale resourceVersion', async () => {
    const created = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: configMap('twice') });
    assert.equal(created.status, 201);
    const again = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: configMap('twice') });
    assert.equal(again.status, 409);
    assert.equal(again.json['reason'], 'AlreadyExists');
    const stale = configMap('twice', { resourceVersion: '1' });
    const conflict = await call(sim, '/api/v1/namespaces/default/configmaps/twice', { method: 'PUT', body: stale });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.json['reason'], 'Conflict');
  });

  it('answers 422 Invalid for names that break DNS-1123, naming the field', async () => {
    const reply = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: configMap('Bad_Name') });
    assert.equal(reply.status, 422);
    assert.equal(reply.json['reason'], 'Invalid');
    const details = reply.json['details'] as { causes: { field: string }[] };
    assert.equal(details.causes[0]?.field, 'metadata.name');
  });

  it('answers 400 for malformed JSON and YAML bodies and a wrong kind', async () => {
    const json = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: '{"metadata": ' });
    assert.equal(json.status, 400);
    const yaml = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: 'metadata: [unclosed', contentType: 'application/yaml' });
    assert.equal(yaml.status, 400);
    const kind = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }) });
    assert.equal(kind.status, 400);
  });

  it('answers 400 for a malformed path and 422 for a pod whose containers have no names', async () => {
    assert.equal((await call(sim, '/api/v1/namespaces/%E0%A4%A/pods')).status, 400);
    const pod = JSON.stringify({ metadata: { name: 'p' }, spec: { containers: [{ image: 'nginx' }] } });
    const reply = await call(sim, '/api/v1/namespaces/default/pods', { method: 'POST', body: pod });
    assert.equal(reply.status, 422);
    assert.equal((reply.json['details'] as { causes: { field: string }[] }).causes[0]?.field, 'spec.containers[0].name');
  });

  it('answers hostile bodies on every write verb with a 4xx Status, never a 500', async () => {
    await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: configMap('target') });
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const bodies = ['', 'null', '[]', '"text"', '{"metadata":"x"}', '{"metadata":{"name":7}}', '{"metadata":{"labels":{"a":{}}}}', deep, Buffer.from([0xff, 0xfe, 0x00, 0x6b]).toString('latin1'), '{"metadata":{"labels":{"a":"b c"}}}'];
    const requests: [string, string, string][] = [
      ['POST', '/api/v1/namespaces/default/configmaps', 'application/json'],
      ['POST', '/api/v1/namespaces/default/pods', 'application/yaml'],
      ['PUT', '/api/v1/namespaces/default/configmaps/target', 'application/json'],
      ['PATCH', '/api/v1/namespaces/default/configmaps/target', 'application/merge-patch+json'],
      ['PATCH', '/api/v1/namespaces/default/configmaps/target', 'application/json-patch+json'],
      ['PATCH', '/api/v1/namespaces/default/configmaps/target?fieldManager=x', 'application/apply-patch+yaml'],
      ['POST', '/api/v1/namespaces/default/configmaps', 'application/vnd.kubernetes.protobuf'],
    ];
    for (const [method, path, contentType] of requests) {
      for (const body of bodies) {
        // An empty list of JSON-patch operations is a valid no-op.
        if (body === '[]' && contentType === 'application/json-patch+json') continue;
        const reply = await call(sim, path, { method, body, contentType });
        assert.ok(reply.status >= 400 && reply.status < 500, `${method} ${contentType} ${body.slice(0, 20)}: ${reply.status} ${reply.text.slice(0, 200)}`);
        assert.equal(reply.json['kind'], 'Status');
      }
    }
    const huge = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: '{"metadata":{"name":"huge"},"data":{"a":"b"},"x":1e999999}' });
    assert.equal(huge.status, 400);
    assert.equal((await call(sim, '/api/v1/namespaces/default/configmaps/target')).status, 200);
  });

  it('answers 413 to a 50 MB body and keeps serving', async () => {
    const reply = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: Buffer.alloc(50 * 1024 * 1024, 0x20) });
    assert.equal(reply.status, 413);
    assert.equal(reply.json['reason'], 'RequestEntityTooLarge');
    assert.equal((await call(sim, '/version')).status, 200);
  });

  it('generates names from generateName and creates nothing on dryRun=All', async () => {
    const generated = await call(sim, '/api/v1/namespaces/default/configmaps', { method: 'POST', body: configMap('', { generateName: 'gen-' }) });
    assert.match(String((generated.json['metadata'] as { name: string }).name), /^gen-[a-z0-9]{5}$/);
    const dry = await call(sim, '/api/v1/namespaces/default/configmaps?dryRun=All', { method: 'POST', body: configMap('dry') });
    assert.equal(dry.status, 201);
    assert.equal((await call(sim, '/api/v1/namespaces/default/configmaps/dry')).status, 404);
  });

  it('answers 429 with Retry-After and 500s while those faults last', async () => {
    sim.applyFault({ type: 'throttle', count: 1, retryAfterSeconds: 3 });
    const throttled = await call(sim, '/api/v1/namespaces');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers['retry-after'], '3');
    assert.deepEqual(throttled.json['details'], { retryAfterSeconds: 3 });
    sim.applyFault({ type: 'errors', count: 1 });
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 500);
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 200);
  });

  it('adds latency, and refuses connections for a while with the port closed', async () => {
    sim.applyFault({ type: 'latency', ms: 150 });
    const started = performance.now();
    assert.equal((await call(sim, '/version')).status, 200);
    assert.ok(performance.now() - started >= 150);
    sim.applyFault({ type: 'clear' });
    sim.applyFault({ type: 'refuseConnections', ms: 200 });
    // A pooled keep-alive connection is reset; a new one is refused.
    await assert.rejects(call(sim, '/version'), (error: { code: string }) => ['ECONNRESET', 'ECONNREFUSED'].includes(error.code));
    await assert.rejects(call(sim, '/version'), { code: 'ECONNREFUSED' });
    let reply: Awaited<ReturnType<typeof call>> | undefined;
    // Poll until the port is open again (each failed attempt is refused at once).
    for (let attempt = 0; attempt < 200 && reply === undefined; attempt += 1) {
      reply = await call(sim, '/version').catch(() => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 25)));
    }
    assert.equal(reply?.status, 200);
  });

  it('takes faults through the admin endpoint, and expires the token', async () => {
    const reply = await call(sim, '/admin/faults', { method: 'POST', body: JSON.stringify({ type: 'expireToken' }) });
    assert.equal(reply.status, 200);
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 401);
    assert.equal((await call(sim, '/admin/faults', { method: 'POST', body: JSON.stringify({ type: 'nonsense' }) })).status, 400);
    await call(sim, '/admin/faults', { method: 'POST', body: JSON.stringify({ type: 'clear' }) });
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 200);
  });

  it('applies a delayed fault once that much sim time has passed', async () => {
    await call(sim, '/admin/faults', { method: 'POST', body: JSON.stringify({ type: 'errors', count: 1, afterSeconds: 60 }) });
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 200);
    const advanced = await call(sim, '/admin/clock', { method: 'POST', body: JSON.stringify({ advanceSeconds: 60 }) });
    assert.equal(advanced.status, 200);
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 500);
    assert.equal((await call(sim, '/api/v1/namespaces')).status, 200);
  });
});

describe('sim API: discovery', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  it('lists core resources with verbs, short names and pods/log', async () => {
    const reply = await call(sim, '/api/v1');
    const resources = reply.json['resources'] as { name: string; shortNames?: string[]; verbs: string[]; namespaced: boolean }[];
    const pods = resources.find((each) => each.name === 'pods');
    assert.deepEqual(pods?.shortNames, ['po']);
    assert.ok(pods?.verbs.includes('watch'));
    assert.ok(resources.some((each) => each.name === 'pods/log'));
    assert.equal(resources.find((each) => each.name === 'nodes')?.namespaced, false);
  });

  it('lists the groups, serves /version, and /openapi/v2 empty to a client that accepts only protobuf', async () => {
    const groups = (await call(sim, '/apis')).json['groups'] as { name: string }[];
    for (const name of ['apps', 'batch', 'coordination.k8s.io', 'metrics.k8s.io', 'apiextensions.k8s.io']) assert.ok(groups.some((group) => group.name === name), name);
    assert.equal((await call(sim, '/version')).json['minor'], '32');
    const openapi = await call(sim, '/openapi/v2', { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
    assert.deepEqual([openapi.status, openapi.headers['content-type'], openapi.text], [200, 'application/octet-stream', '']);
  });

  it('serves custom resources once their CRD is created', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets', singular: 'widget' }, versions: [{ name: 'v1', served: true, storage: true }] },
    };
    assert.equal((await call(sim, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { method: 'POST', body: JSON.stringify(crd) })).status, 201);
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } };
    assert.equal((await call(sim, '/apis/example.com/v1/namespaces/default/widgets', { method: 'POST', body: JSON.stringify(widget) })).status, 201);
    const list = await call(sim, '/apis/example.com/v1/widgets');
    assert.deepEqual((list.json['items'] as { metadata: { name: string } }[]).map((item) => item.metadata.name), ['w1']);
    await call(sim, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com', { method: 'DELETE' });
    assert.equal((await call(sim, '/apis/example.com/v1/widgets')).status, 404);
  });
});
