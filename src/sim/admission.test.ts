import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KubeObject, Pod } from './objects.ts';
import { startSim, type Sim } from './sim.ts';
import { call, type Reply } from './test-helpers.ts';
import { quotaQuantity } from './admission.ts';

const pod = (name: string, resources?: Record<string, Record<string, string>>): string =>
  JSON.stringify({ metadata: { name }, spec: { containers: [{ name: 'main', image: 'nginx', ...(resources === undefined ? {} : { resources }) }] } });

describe('LimitRange and ResourceQuota admission of pods', () => {
  let sim: Sim;
  const post = (path: string, body: string): Promise<Reply> => call(sim, path, { method: 'POST', body });
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
    for (const namespace of ['limited', 'quota']) assert.equal((await post('/api/v1/namespaces', JSON.stringify({ metadata: { name: namespace } }))).status, 201);
    const range = { metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '100m' }, max: { cpu: '1' } }] } };
    assert.equal((await post('/api/v1/namespaces/limited/limitranges', JSON.stringify(range))).status, 201);
    const quota = { metadata: { name: 'compute' }, spec: { hard: { pods: '3', 'requests.cpu': '300m' } } };
    assert.equal((await post('/api/v1/namespaces/quota/resourcequotas', JSON.stringify(quota))).status, 201);
  });
  after(() => sim.close());

  it('fills in the default requests and limits and says so in an annotation', async () => {
    const reply = await post('/api/v1/namespaces/limited/pods', pod('plain'));
    assert.equal(reply.status, 201);
    const created = reply.json as unknown as Pod;
    assert.deepEqual(created.spec.containers[0]?.resources, { limits: { cpu: '500m' }, requests: { cpu: '100m' } });
    assert.equal(created.metadata.annotations?.['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: cpu limit for container main; cpu request for container main');
    const own = (await post('/api/v1/namespaces/limited/pods', pod('own-limit', { limits: { cpu: '800m' } }))).json as unknown as Pod;
    assert.deepEqual(own.spec.containers[0]?.resources, { limits: { cpu: '800m' }, requests: { cpu: '800m' } });
  });

  it('refuses a container over the maximum with 403', async () => {
    const reply = await post('/api/v1/namespaces/limited/pods', pod('greedy', { limits: { cpu: '2' } }));
    assert.equal(reply.status, 403);
    assert.equal(reply.json['message'], 'pods "greedy" is forbidden: maximum cpu usage per Container is 1, but limit is 2');
  });

  it('counts pods against the quota, refuses the one past it and one without the tracked request', async () => {
    for (const name of ['a', 'b', 'c']) assert.equal((await post('/api/v1/namespaces/quota/pods', pod(name, { requests: { cpu: '100m' } }))).status, 201);
    const over = await post('/api/v1/namespaces/quota/pods', pod('d', { requests: { cpu: '100m' } }));
    assert.equal(over.status, 403);
    assert.equal(over.json['reason'], 'Forbidden');
    assert.equal(over.json['message'], 'pods "d" is forbidden: exceeded quota: compute, requested: pods=1,requests.cpu=100m, used: pods=3,requests.cpu=300m, limited: pods=3,requests.cpu=300m');
    const bare = await post('/api/v1/namespaces/quota/pods', pod('e'));
    assert.equal(bare.json['message'], 'pods "e" is forbidden: failed quota: compute: must specify requests.cpu');
    sim.settle();
    const status = (sim.store.get(sim.controllers.types.resourceQuota, 'quota', 'compute') as KubeObject)['status'];
    assert.deepEqual(status, { hard: { pods: '3', 'requests.cpu': '300m' }, used: { pods: '3', 'requests.cpu': '300m' } });
    assert.equal((await call(sim, '/api/v1/namespaces/quota/pods/a', { method: 'DELETE' })).status, 200);
    sim.advance(60_000);
    assert.equal((await post('/api/v1/namespaces/quota/pods', pod('d', { requests: { cpu: '100m' } }))).status, 201);
  });

  it('prints quantities as the quota does', () => {
    assert.equal(quotaQuantity('requests.cpu', 0.25), '250m');
    assert.equal(quotaQuantity('requests.cpu', 2), '2');
    assert.equal(quotaQuantity('requests.memory', 3 * 2 ** 30), '3Gi');
    assert.equal(quotaQuantity('pods', 4), '4');
  });
});

describe('ResourceQuota admission of the pods controllers create', () => {
  let sim: Sim;
  const post = (path: string, body: unknown): Promise<Reply> => call(sim, path, { method: 'POST', body: JSON.stringify(body) });
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
    assert.equal((await post('/api/v1/namespaces', { metadata: { name: 'small' } })).status, 201);
    assert.equal((await post('/api/v1/namespaces/small/resourcequotas', { metadata: { name: 'two' }, spec: { hard: { pods: '2' } } })).status, 201);
  });
  after(() => sim.close());

  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
  const pods = (label: string): Pod[] =>
    [...sim.store.scan(sim.controllers.types.pod, { namespace: 'small' })].map(({ object }) => object as Pod).filter((each) => each.metadata.labels?.['app'] === label);
  const warnings = (kind: string): { message: string; component: string }[] =>
    [...sim.store.scan(sim.controllers.types.event, { namespace: 'small' })]
      .map(({ object }) => object as KubeObject & { involvedObject: { kind: string }; type: string; reason: string; message: string; source: { component: string } })
      .filter((event) => event.involvedObject.kind === kind && event.type === 'Warning' && event.reason === 'FailedCreate')
      .map((event) => ({ message: event.message, component: event.source.component }));

  it('a ReplicaSet creates what the quota allows, records FailedCreate for the rest and retries once there is room', async () => {
    const replicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template } };
    assert.equal((await post('/apis/apps/v1/namespaces/small/replicasets', replicaSet)).status, 201);
    sim.settle();
    assert.equal(pods('web').length, 2);
    const [failed] = warnings('ReplicaSet');
    assert.match(failed?.message ?? '', /^Error creating: pods "web-\w{5}" is forbidden: exceeded quota: two, requested: pods=1, used: pods=2, limited: pods=2$/);
    assert.equal(failed?.component, 'replicaset-controller');
    const patch = JSON.stringify({ spec: { hard: { pods: '3' } } });
    assert.equal((await call(sim, '/api/v1/namespaces/small/resourcequotas/two', { method: 'PATCH', contentType: 'application/merge-patch+json', body: patch })).status, 200);
    sim.advance(60_000);
    assert.equal(pods('web').length, 3);
  });

  it('a Job records FailedCreate for the pods the quota refuses, and runs none of them', async () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'batch' }, spec: { parallelism: 2, completions: 2, template: { ...template, metadata: { labels: { app: 'batch' } }, spec: { ...template.spec, restartPolicy: 'Never' } } } };
    assert.equal((await post('/apis/batch/v1/namespaces/small/jobs', job)).status, 201);
    sim.advance(10_000);
    assert.equal(pods('batch').length, 0);
    assert.ok(warnings('Job').length >= 2, 'retried after a back-off');
    assert.ok(warnings('Job').every((event) => /^Error creating: pods "batch-\w{5}" is forbidden: exceeded quota: two, .*limited: pods=3$/.test(event.message) && event.component === 'job-controller'));
    assert.equal((sim.store.get(sim.controllers.types.job, 'small', 'batch')?.['status'] as { active?: number }).active, undefined);
  });
});
