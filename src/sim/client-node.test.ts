import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ApiException, AppsV1Api, CoreV1Api, KubeConfig, KubernetesObjectApi, Log, PatchStrategy, makeInformer, type V1ConfigMap, type V1Pod } from '@kubernetes/client-node';
import { kubeconfigYaml } from './kubeconfig.ts';
import { startSim, type Sim } from './sim.ts';

function client(sim: Sim, context = 'kube-workbench-sim'): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(sim.kubeconfig);
  config.setCurrentContext(context);
  return config;
}

async function failure(promise: Promise<unknown>): Promise<ApiException<string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiException) return error as ApiException<string>;
    throw error;
  }
  throw new Error('expected an ApiException');
}

const pod = (name: string): V1Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

describe('@kubernetes/client-node against the sim', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, pods: 10, log: () => undefined });
  });
  after(() => sim.close());

  it('an informer lists, then sees adds and deletes through its watch', async () => {
    const config = client(sim);
    const core = config.makeApiClient(CoreV1Api);
    const informer = makeInformer(config, '/api/v1/namespaces/default/pods', () => core.listNamespacedPod({ namespace: 'default' }));
    const seen: string[] = [];
    const added = new Promise<void>((resolve) => informer.on('add', (object) => (object.metadata?.name === 'informed' ? resolve() : undefined)));
    const deleted = new Promise<void>((resolve) => informer.on('delete', (object) => (object.metadata?.name === 'informed' ? resolve() : undefined)));
    informer.on('add', (object) => seen.push(object.metadata?.name ?? ''));
    await informer.start();
    await core.createNamespacedPod({ namespace: 'default', body: pod('informed') });
    await added;
    await core.deleteNamespacedPod({ namespace: 'default', name: 'informed' });
    await deleted;
    await informer.stop();
    assert.ok(seen.includes('informed'));
    assert.equal(informer.list('default').filter((each) => each.metadata?.name === 'informed').length, 0);
  });

  it('server-side applies through KubernetesObjectApi (discovery first)', async () => {
    const objects = KubernetesObjectApi.makeApiClient(client(sim));
    const manifest: V1ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied', namespace: 'default' }, data: { a: '1' } };
    const created = await objects.patch(manifest, undefined, undefined, 'kube-workbench', false, PatchStrategy.ServerSideApply);
    assert.equal(created.metadata?.managedFields?.[0]?.manager, 'kube-workbench');
    const conflict = await failure(objects.patch({ ...manifest, data: { a: '2' } }, undefined, undefined, 'someone-else', false, PatchStrategy.ServerSideApply));
    assert.equal(conflict.code, 409);
    assert.match(String(conflict.body), /"reason":"Conflict"/);
  });

  it('streams a pod log', async () => {
    const core = client(sim).makeApiClient(CoreV1Api);
    const name = (await core.listNamespacedPod({ namespace: 'team-a' })).items[0]?.metadata?.name ?? '';
    // Ten seconds of sim time: five lines of log exist.
    sim.advance(10_000);
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const done = new Promise<void>((resolve) => stream.on('end', resolve));
    await new Log(client(sim)).log('team-a', name, 'main', stream, { tailLines: 3 });
    await done;
    assert.equal(text.trim().split('\n').length, 3);
  });

  it('reports 401, 403, 404, 409, 410 and 429 as ApiExceptions carrying the Status', async () => {
    const core = client(sim).makeApiClient(CoreV1Api);
    const readOnly = client(sim, 'kube-workbench-sim-readonly').makeApiClient(CoreV1Api);
    const stranger = new KubeConfig();
    stranger.loadFromString(sim.kubeconfig.replace(sim.tokens.admin, 'wrong'));
    const reasons = async (promise: Promise<unknown>): Promise<[number, string]> => {
      const error = await failure(promise);
      return [error.code, (JSON.parse(error.body) as { reason: string }).reason];
    };
    // client-node drops the body of the 401 its OpenAPI spec documents, and keeps the message.
    const unauthorized = await failure(stranger.makeApiClient(CoreV1Api).listNamespace());
    assert.deepEqual([unauthorized.code, unauthorized.body], [401, undefined]);
    assert.match(unauthorized.message, /Unauthorized/);
    assert.deepEqual(await reasons(readOnly.createNamespacedPod({ namespace: 'default', body: pod('denied') })), [403, 'Forbidden']);
    assert.deepEqual(await reasons(client(sim).makeApiClient(AppsV1Api).readNamespacedDeployment({ namespace: 'default', name: 'missing' })), [404, 'NotFound']);
    await core.createNamespacedPod({ namespace: 'default', body: pod('twice') });
    assert.deepEqual(await reasons(core.createNamespacedPod({ namespace: 'default', body: pod('twice') })), [409, 'AlreadyExists']);
    const page = await core.listPodForAllNamespaces({ limit: 2 });
    // Past etcd's 5-minute compaction the list's continue token has expired.
    sim.advance(6 * 60_000);
    assert.deepEqual(await reasons(core.listPodForAllNamespaces({ limit: 2, _continue: page.metadata?._continue })), [410, 'Expired']);
    sim.applyFault({ type: 'throttle', count: 1, retryAfterSeconds: 2 });
    const throttled = await failure(core.listNamespace());
    assert.equal(throttled.code, 429);
    assert.equal(throttled.headers['retry-after'], '2');
  });

  it('writes a kubeconfig with the CA and its three users', () => {
    const text = kubeconfigYaml({ url: 'https://127.0.0.1:1', caPem: 'PEM', adminToken: 'a', readOnlyToken: 'r', namespacedToken: 'n' });
    const config = new KubeConfig();
    config.loadFromString(text);
    assert.deepEqual(config.getContexts().map((context) => context.name), ['kube-workbench-sim', 'kube-workbench-sim-readonly', 'kube-workbench-sim-team-a']);
    assert.equal(config.getContextObject('kube-workbench-sim-team-a')?.namespace, 'team-a');
    assert.equal(config.getCurrentCluster()?.caData, Buffer.from('PEM').toString('base64'));
    assert.equal(config.getCurrentCluster()?.skipTLSVerify, false);
  });
});
