/** The real kubectl on what the API server answers beyond CRUD: access reviews, whoami, impersonation, events, Status details. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { usernames } from './identity.ts';
import { call, kubectlBinaries, kubectlSuite } from './test-helpers.ts';

const event = (name: string, type: string, reason: string, pod: string, time: string): string =>
  JSON.stringify({
    metadata: { name },
    type,
    reason,
    message: `${reason} for ${pod}`,
    involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: pod },
    source: { component: 'kubelet' },
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
  });

// kubectl 1.20 has neither `auth whoami`, `events` nor `debug` of a pod by ephemeral container: the machine's kubectl only.
const [binary = '/usr/bin/kubectl'] = kubectlBinaries();

describe(`the real kubectl (${binary}) on access reviews, impersonation, events and Status details`, () => {
  const suite = kubectlSuite(binary, { nodes: 2, pods: 4, log: () => undefined });
  const { run, ok } = suite;

  before(async () => {
    const time = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    for (const [name, type, reason, pod] of [['x.1', 'Warning', 'BackOff', 'x'], ['x.2', 'Normal', 'Pulled', 'x'], ['y.1', 'Warning', 'Failed', 'y']] as const) {
      assert.equal((await call(suite.sim, '/api/v1/namespaces/default/events', { method: 'POST', body: event(name, type, reason, pod, time) })).status, 201);
    }
  });

  it('auth can-i --list shows each user\'s rules', async () => {
    assert.match(await ok('auth', 'can-i', '--list'), /^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
    const reader = await ok('--context', 'kube-workbench-sim-readonly', 'auth', 'can-i', '--list');
    assert.match(reader, /^\*\.\*\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    assert.match(reader, /^selfsubjectrulesreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/m);
    assert.match(await ok('--context', 'kube-workbench-sim-team-a', 'auth', 'can-i', '--list', '-n', 'team-a'), /^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
    assert.doesNotMatch(await ok('--context', 'kube-workbench-sim-team-a', 'auth', 'can-i', '--list', '-n', 'default'), /^\*\.\*/m);
    const resources = await ok('api-resources', '--verbs=create', '-o', 'name');
    assert.match(resources, /^selfsubjectrulesreviews\.authorization\.k8s\.io$/m);
    assert.match(resources, /^selfsubjectreviews\.authentication\.k8s\.io$/m);
  });

  it('auth whoami names the user and groups, impersonated ones included', async () => {
    assert.match(await ok('auth', 'whoami'), /Username\s+kube-workbench-sim-admin\nGroups\s+\[system:masters system:authenticated\]/);
    assert.match(await ok('--context', 'kube-workbench-sim-readonly', 'auth', 'whoami'), /Username\s+kube-workbench-sim-readonly/);
    assert.match(await ok('auth', 'whoami', '--as', 'bob', '--as-group', 'dev'), /Username\s+bob\nGroups\s+\[dev system:authenticated\]/);
  });

  it('--as runs the admin\'s requests as that user; the read-only user may not impersonate', async () => {
    await ok('get', 'pods', '-n', 'default', '--as', usernames.readOnly);
    const denied = await run('delete', 'pod', 'x', '-n', 'default', '--as', usernames.readOnly);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /User "kube-workbench-sim-readonly" cannot delete resource "pods"/);
    assert.match((await run('get', 'pods', '--as', 'bob')).stderr, /Forbidden.*User "bob" cannot list resource "pods"/);
    assert.match((await run('auth', 'can-i', 'delete', 'pods', '--as', usernames.readOnly)).stdout, /^no\b/);
    const refused = await run('--context', 'kube-workbench-sim-readonly', 'get', 'pods', '--as', usernames.admin);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Forbidden.*users "kube-workbench-sim-admin" is forbidden: User "kube-workbench-sim-readonly" cannot impersonate resource "users"/);
  });

  it('events --for and get events --field-selector select on the server', async () => {
    const forPod = await ok('events', '--for', 'pod/x');
    assert.match(forPod, /Warning\s+BackOff\s+Pod\/x/);
    assert.match(forPod, /Normal\s+Pulled\s+Pod\/x/);
    assert.doesNotMatch(forPod, /Failed/);
    const warnings = await ok('get', 'events', '--field-selector', 'type=Warning', '-o', 'name');
    assert.deepEqual(warnings.trim().split('\n').sort(), ['event/x.1', 'event/y.1']);
    assert.equal((await ok('get', 'events', '--field-selector', 'reason=Pulled,involvedObject.name=x', '-o', 'name')).trim(), 'event/x.2');
  });

  it('debug fails cleanly for a missing pod and where ephemeral containers are not served', async () => {
    const missing = await run('debug', 'nopod', '--image=busybox', '--profile=general');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /NotFound.*pods "nopod" not found/);
    const pods = (await ok('get', 'pods', '-A', '-o', 'jsonpath={.items[0].metadata.namespace}/{.items[0].metadata.name}')).split('/');
    const existing = await run('debug', '-n', pods[0] ?? '', pods[1] ?? '', '--image=busybox', '--profile=general');
    assert.equal(existing.code, 1, existing.stderr);
    assert.match(existing.stderr, /ephemeral containers are disabled for this cluster/);
  });
});
