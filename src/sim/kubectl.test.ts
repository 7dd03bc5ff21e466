import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Sim } from './sim.ts';
import { call, kubectlBinaries, kubectlSuite } from './test-helpers.ts';

const manifest = (name: string, replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: default
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: main
        image: nginx:1.27
        resources:
          requests: {cpu: 50m, memory: 32Mi}
`;

/** Runs `kubectl get -w` until its output matches, acting once the watch has started, then stops it. */
function kubectlUntil(binary: string, sim: Sim, home: string, args: string[], pattern: RegExp, whileRunning: () => Promise<unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: { HOME: home, KUBECONFIG: sim.kubeconfigPath, PATH: process.env['PATH'] ?? '' } });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no match for ${String(pattern)} in: ${output}`));
    }, 30_000);
    let acted = false;
    // The header (or "No resources found") is printed once the list is done and the watch starts: act only then.
    const actOnce = (text: string): void => {
      if (acted || !/^NAME\s|No resources found/m.test(text)) return;
      acted = true;
      void whileRunning().catch(reject);
    };
    child.stderr.on('data', (chunk: Buffer) => actOnce(chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      actOnce(output);
      if (pattern.test(output)) {
        clearTimeout(timer);
        child.kill();
        resolve(output);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (pattern.test(output)) resolve(output);
      else reject(new Error(`kubectl exited without a match for ${String(pattern)}: ${output}`));
    });
  });
}

for (const binary of kubectlBinaries()) describe(`the real kubectl (${binary}) against the sim`, () => {
  const suite = kubectlSuite(binary, { nodes: 3, pods: 6, log: () => undefined });
  const { run, ok } = suite;

  it('get nodes', async () => {
    const lines = (await ok('get', 'nodes')).trim().split('\n');
    assert.match(lines[0] ?? '', /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    assert.equal(lines.length, 4);
    assert.ok(lines.slice(1).every((line) => /^node-000\d\s+Ready\s+<none>\s+\S+\s+v1\.32\.0$/.test(line)));
  });

  it('get pods -A -o wide prints the wide columns', async () => {
    const lines = (await ok('get', 'pods', '-A', '-o', 'wide')).trim().split('\n');
    assert.match(lines[0] ?? '', /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    assert.equal(lines.length, 7);
    assert.ok(lines.slice(1).every((line) => /\s1\/1\s+Running\s+0\s+.*\s10\.\d+\.\d+\.\d+\s+node-000\d\s+<none>\s+<none>$/.test(line)));
  });

  it('apply -f, rollout status, scale and rollout restart', async () => {
    const file = join(suite.home, 'web.yaml');
    await writeFile(file, manifest('web', 2));
    assert.match(await ok('apply', '-f', file), /deployment.apps\/web created/);
    assert.match(await ok('rollout', 'status', 'deployment/web', '--timeout=30s'), /successfully rolled out/);
    assert.match(await ok('scale', 'deployment/web', '--replicas=3'), /scaled/);
    await ok('rollout', 'status', 'deployment/web', '--timeout=30s');
    assert.match(await ok('get', 'deployment', 'web'), /web\s+3\/3\s+3\s+3\s/);
    const before = await ok('get', 'rs', '-l', 'app=web', '-o', 'name');
    assert.match(await ok('rollout', 'restart', 'deployment/web'), /restarted/);
    assert.match(await ok('rollout', 'status', 'deployment/web', '--timeout=30s'), /successfully rolled out/);
    const afterRestart = await ok('get', 'rs', '-l', 'app=web', '-o', 'name');
    assert.equal(afterRestart.trim().split('\n').length, before.trim().split('\n').length + 1);
  });

  it('apply --server-side, with conflicts between field managers', async () => {
    const file = join(suite.home, 'api.yaml');
    await writeFile(file, manifest('api', 1));
    assert.match(await ok('apply', '--server-side', '-f', file), /serverside-applied/);
    await writeFile(file, manifest('api', 2));
    const conflict = await run('apply', '--server-side', '--field-manager=other', '-f', file);
    assert.notEqual(conflict.code, 0);
    assert.match(conflict.stderr, /conflict with "kubectl"[\s\S]*\.spec\.replicas/);
    assert.match(await ok('apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', file), /serverside-applied/);
    assert.equal((await ok('get', 'deployment', 'api', '-o', 'jsonpath={.spec.replicas}')).trim(), '2');
  });

  it('get pods -w sees a change', async () => {
    const output = await kubectlUntil(binary, suite.sim, suite.home, ['get', 'pods', '-w'], /watched-pod/, () =>
      call(suite.sim, '/api/v1/namespaces/default/pods', { method: 'POST', body: JSON.stringify({ metadata: { name: 'watched-pod' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }) }),
    );
    assert.match(output, /watched-pod\s+[01]\/1\s+(Pending|ContainerCreating|Running)/);
  });

  it('create job, logs -f, delete', async () => {
    assert.match(await ok('create', 'job', 'once', '--image=busybox', '--', 'sh', '-c', 'work'), /job.batch\/once created/);
    await ok('wait', '--for=condition=ready', 'pod', '-l', 'job-name=once', '--timeout=20s');
    const logs = await ok('logs', '-f', 'job/once');
    assert.match(logs, /^starting once \(busybox\)\n/);
    assert.match(logs, /done\n$/);
    assert.match(await ok('wait', '--for=condition=complete', 'job/once', '--timeout=20s'), /condition met/);
    assert.match(await ok('get', 'job', 'once'), /once\s+Complete\s+1\/1/);
    assert.match(await ok('delete', 'job', 'once'), /deleted/);
    const gone = await run('get', 'job', 'once');
    assert.match(gone.stderr, /NotFound|not found/);
  });

  it('describe node, top nodes', async () => {
    const description = await ok('describe', 'node', 'node-0001');
    assert.match(description, /Conditions:[\s\S]*Ready\s+True\s.*KubeletReady/);
    assert.match(description, /HolderIdentity:\s+node-0001/);
    assert.match(description, /Non-terminated Pods:/);
    const top = await ok('top', 'nodes');
    assert.match(top, /node-0001\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/);
  });

  it('drain cordons a node and evicts its pods, which come back elsewhere', async () => {
    // kubectl 1.20 evicts through policy/v1beta1 (now served) and ends with "node/... evicted"; 1.32 says "drained".
    assert.match(await ok('drain', 'node-0003', '--ignore-daemonsets', '--force', '--timeout=30s'), /node\/node-0003 (drained|evicted|deleted)/);
    assert.match(await ok('get', 'node', 'node-0003'), /Ready,SchedulingDisabled/);
    await ok('rollout', 'status', 'deployment/web', '--timeout=30s');
    assert.doesNotMatch(await ok('get', 'pods', '-A', '-o', 'wide'), /node-0003/);
    assert.match(await ok('uncordon', 'node-0003'), /uncordoned/);
  });

  it('the read-only context is denied writes', async () => {
    const denied = await run('--context', 'kube-workbench-sim-readonly', 'delete', 'deployment', 'web');
    assert.notEqual(denied.code, 0);
    assert.match(denied.stderr, /Forbidden.*cannot delete resource "deployments"/);
    assert.equal((await run('--context', 'kube-workbench-sim-readonly', 'get', 'deployment', 'web')).code, 0);
    assert.equal((await run('--context', 'kube-workbench-sim-readonly', 'auth', 'can-i', 'list', 'pods')).stdout.trim(), 'yes');
    assert.match((await run('--context', 'kube-workbench-sim-readonly', 'auth', 'can-i', 'delete', 'pods')).stdout, /^no\b/);
    assert.equal((await run('auth', 'can-i', 'delete', 'pods')).stdout.trim(), 'yes');
  });
});
