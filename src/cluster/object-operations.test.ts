import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import { ApiClient } from './api-client.ts';
import { loadKubeconfig } from './kubeconfig-loader.ts';
import { ObjectOperations, RESTARTED_AT, type ObjectRef } from './object-operations.ts';

let sim: Sim;
before(async () => {
  sim = await startSim({ nodes: 2, pods: 6, seed: 9, log: () => undefined });
});
after(() => sim.close());

function client(context = 'kube-workbench-sim'): ApiClient {
  const loaded = loadKubeconfig([sim.kubeconfigPath]);
  assert.ok(loaded.ok);
  return new ApiClient(context, loaded.value.forContext(context));
}

const operations = (context?: string): ObjectOperations => new ObjectOperations(client(context));

async function firstDeployment(): Promise<ObjectRef> {
  const listed = await client().request('/apis/apps/v1/deployments', { verb: 'list', resource: 'deployments' });
  assert.ok(listed.ok);
  const item = (listed.value as { items: { metadata: { namespace: string; name: string } }[] }).items[0];
  assert.ok(item, 'the sim seeds Deployments');
  return { kind: 'Deployment', namespace: item.metadata.namespace, name: item.metadata.name };
}

const spec = (object: unknown): Record<string, unknown> => (object as { spec: Record<string, unknown> }).spec;

describe('ObjectOperations against the simulated cluster', () => {
  it('reads a pod\'s log with timestamps, and follows it until stopped', async () => {
    const listed = await client().request('/api/v1/pods', { verb: 'list', resource: 'pods', query: { fieldSelector: 'status.phase=Running' } });
    assert.ok(listed.ok);
    const pod = (listed.value as { items: { metadata: { namespace: string; name: string } }[] }).items[0];
    assert.ok(pod);
    const ref = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name };
    const lines: string[] = [];
    const end = await operations().logs(ref, { follow: false, timestamps: true, previous: false }, (line) => lines.push(line));
    assert.equal(end.kind, 'closed');
    assert.ok(lines.length > 0, 'the sim writes log lines');
    assert.match(lines[0] ?? '', /^\d{4}-\d\d-\d\dT\S+ /);
    const stop = new AbortController();
    const followed: string[] = [];
    const following = operations().logs(ref, { follow: true, timestamps: false, previous: false, signal: stop.signal }, (line) => {
      followed.push(line);
      if (followed.length >= 1) stop.abort();
    });
    assert.equal((await following).kind, 'closed');
    assert.ok(followed.length >= 1);
  });

  it('refuses logs of something that is not a pod', async () => {
    const end = await operations().logs({ kind: 'Deployment', namespace: 'a', name: 'b' }, { follow: false, timestamps: false, previous: false }, () => undefined);
    assert.equal(end.kind, 'error');
  });

  it('scales a Deployment and reads it back', async () => {
    const ref = await firstDeployment();
    const scaled = await operations().scale(ref, 0);
    assert.ok(scaled.ok, scaled.ok ? '' : scaled.error.message);
    const read = await operations().get(ref);
    assert.ok(read.ok);
    assert.equal(spec(read.value)['replicas'], 0);
  });

  it('restarts a Deployment by stamping its pod template, as kubectl rollout restart does', async () => {
    const ref = await firstDeployment();
    const now = new Date('2026-11-25T12:34:56Z');
    assert.ok((await operations().restart(ref, now)).ok);
    const read = await operations().get(ref);
    assert.ok(read.ok);
    const template = spec(read.value)['template'] as { metadata: { annotations: Record<string, string> } };
    assert.equal(template.metadata.annotations[RESTARTED_AT], now.toISOString());
  });

  it('refuses a read-only user with a forbidden error that names the verb and object, changing nothing', async () => {
    const ref = await firstDeployment();
    const before = await operations().get(ref);
    const denied = await operations('kube-workbench-sim-readonly').scale(ref, 7);
    assert.ok(!denied.ok);
    assert.equal(denied.error.kind, 'forbidden');
    assert.match(denied.error.message, new RegExp(`not allowed to scale Deployment ${ref.namespace}/${ref.name} in context "kube-workbench-sim-readonly"`));
    const after = await operations().get(ref);
    assert.ok(before.ok && after.ok);
    assert.equal(spec(after.value)['replicas'], spec(before.value)['replicas']);
  });

  it('applies server-side as a field manager: creates, dry-runs without change, and reports conflicts', async () => {
    const configMap = (value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { level: value } });
    const created = await operations().apply(configMap('info'), { fieldManager: 'kube-workbench', force: false, dryRun: false });
    assert.ok(created.ok, created.ok ? '' : created.error.message);
    const dry = await operations().apply(configMap('debug'), { fieldManager: 'kube-workbench', force: false, dryRun: true });
    assert.ok(dry.ok);
    const read = await operations().get({ kind: 'ConfigMap', namespace: 'default', name: 'settings' });
    assert.ok(read.ok);
    assert.deepEqual((read.value as { data: unknown }).data, { level: 'info' });
    const conflict = await operations().apply(configMap('warn'), { fieldManager: 'someone-else', force: false, dryRun: false });
    assert.ok(!conflict.ok);
    assert.equal(conflict.error.kind, 'conflict');
    assert.ok((await operations().apply(configMap('warn'), { fieldManager: 'someone-else', force: true, dryRun: false })).ok);
  });

  it('replaces an object with its resourceVersion as the precondition: a dry run changes nothing, a stale version is a conflict', async () => {
    const ref = { kind: 'ConfigMap', namespace: 'default', name: 'replaced' };
    assert.ok((await operations().apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ref.name, namespace: ref.namespace }, data: { a: '1' } }, { force: true, dryRun: false })).ok);
    const read = await operations().get(ref);
    assert.ok(read.ok);
    const opened = read.value as { metadata: { resourceVersion: string }; data: Record<string, string> };
    const dry = await operations().replace(ref, { ...opened, data: { a: '2' } }, { dryRun: true });
    assert.ok(dry.ok);
    assert.deepEqual((dry.value as typeof opened).data, { a: '2' });
    const saved = await operations().replace(ref, { ...opened, data: { a: '3' } }, { dryRun: false });
    assert.ok(saved.ok);
    const stale = await operations().replace(ref, { ...opened, data: { a: '4' } }, { dryRun: false });
    assert.ok(!stale.ok);
    assert.equal(stale.error.kind, 'conflict');
    const now = await operations().get(ref);
    assert.ok(now.ok);
    assert.deepEqual((now.value as typeof opened).data, { a: '3' });
  });

  it('asks whether the user may update an object, naming the verb when not', async () => {
    const ref = await firstDeployment();
    assert.ok((await operations().access(ref, 'update')).ok);
    const denied = await operations('kube-workbench-sim-readonly').access(ref, 'update');
    assert.ok(!denied.ok);
    assert.equal(denied.error.kind, 'forbidden');
    assert.match(denied.error.message, /^update deployments is forbidden in namespace/);
  });

  it('deletes an object, which then reads as not found', async () => {
    const ref = await firstDeployment();
    assert.ok((await operations().delete(ref)).ok);
    const read = await operations().get(ref);
    assert.ok(!read.ok);
    assert.equal(read.error.kind, 'notFound');
  });

  it("lists an object's events as kubectl describe finds them: its own, not a namesake's", async () => {
    const ref = { kind: 'Deployment', namespace: 'default', name: 'evented' };
    const template = { metadata: { labels: { app: 'evented' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } };
    const created = await operations().apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: ref.name, namespace: ref.namespace }, spec: { replicas: 2, selector: { matchLabels: { app: 'evented' } }, template } }, { force: true, dryRun: false });
    assert.ok(created.ok);
    sim.settle();
    assert.ok((await operations().scale(ref, 0)).ok);
    sim.settle();
    const uid = (created.value as { metadata: { uid: string } }).metadata.uid;
    const listed = await operations().events(ref, uid);
    assert.ok(listed.ok);
    const messages = listed.value.map((event) => (event as { message: string }).message);
    assert.ok(messages.some((message) => /^Scaled up replica set evented-\S+ from 0 to 2$/.test(message)), messages.join('\n'));
    assert.ok(messages.some((message) => /^Scaled down replica set evented-\S+ from 2 to 0$/.test(message)), messages.join('\n'));
    const other = await operations().events(ref, 'another-uid');
    assert.deepEqual(other.ok && other.value, [], 'a namesake of another uid has no events of this one');
  });

  it('lists the names of a namespace\'s Secrets, which the cache does not hold', async () => {
    const secret = (name: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, data: { token: 'dG9rZW4=' } });
    for (const name of ['db-password', 'api-token']) assert.ok((await operations().apply(secret(name), { fieldManager: 'test', force: true, dryRun: false })).ok);
    const names = await operations().names('Secret', 'default');
    assert.ok(names.ok);
    assert.deepEqual(names.value.filter((name) => name === 'db-password' || name === 'api-token').sort(), ['api-token', 'db-password']);
    const denied = await operations('kube-workbench-sim-team-a').names('Secret', 'default');
    assert.equal(denied.ok ? 'listed' : denied.error.kind, 'forbidden');
  });

  it('names an unknown kind instead of guessing a path', async () => {
    const result = await operations().get({ kind: 'Gizmo', namespace: 'a', name: 'b' });
    assert.ok(!result.ok);
    assert.match(result.error.message, /unknown kind Gizmo/);
  });
});
