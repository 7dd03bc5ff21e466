/**
 * The official Python client (Debian's python3-kubernetes, which CI installs) against the sim: it
 * sends booleans as `True` and types every object it reads, so it finds what kubectl forgives.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from './sim.ts';
import { call, kubectlHome } from './test-helpers.ts';

/** Debian's interpreter, where apt puts the package (a pyenv `python3` earlier on PATH would not see it). */
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

interface PythonResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const prelude = `
import json, sys
from kubernetes import client, config, watch
config.load_kube_config()
core = client.CoreV1Api()
`;

/** Runs a script with the sim's kubeconfig; `onLine` sees each stdout line as it is printed (to act mid-script). */
function runPython(sim: Sim, home: string, script: string, onLine?: (line: string) => void): Promise<PythonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-u', '-c', prelude + script], { env: { HOME: home, TMPDIR: home, KUBECONFIG: sim.kubeconfigPath, PATH: process.env['PATH'] ?? '' } });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const timer = setTimeout(() => child.kill(), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine?.(line);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function pythonOk(sim: Sim, home: string, script: string, onLine?: (line: string) => void): Promise<string> {
  const result = await runPython(sim, home, script, onLine);
  assert.equal(result.code, 0, `python exited ${String(result.code)}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return result.stdout;
}

const deployment = (replicas: number): string =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'py-applied', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'py' } }, template: { metadata: { labels: { app: 'py' } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } } },
  });

describe('the official Python client against the sim', () => {
  let sim: Sim;
  let home: string;
  before(async () => {
    home = await kubectlHome();
    const probe = await new Promise<string | undefined>((resolve) => execFile(python, ['-c', 'import kubernetes'], (error, _stdout, stderr) => resolve(error === null ? undefined : stderr.trim() || error.message)));
    if (probe !== undefined) throw new Error(`the Python client is missing (${python}: ${probe.split('\n').at(-1) ?? ''}): install Debian's python3-kubernetes (.ci/run does)`);
    // A frozen clock: the log test moves time itself once its stream is open.
    sim = await startSim({ nodes: 3, pods: 6, frozenClock: true, log: () => undefined });
  });
  after(async () => {
    await sim?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('lists nodes, typing every nodeInfo field', async () => {
    const output = await pythonOk(sim, home, `
nodes = core.list_node().items
print(json.dumps([[n.metadata.name, n.status.node_info.machine_id, n.status.node_info.boot_id, n.status.node_info.kubelet_version] for n in nodes]))
`);
    const nodes = JSON.parse(output) as [string, string, string, string][];
    assert.equal(nodes.length, 3);
    for (const [name, machineId, bootId, kubelet] of nodes) {
      assert.match(name, /^node-\d{4}$/);
      assert.match(machineId, /^[0-9a-f]{32}$/);
      assert.match(bootId, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(kubelet, 'v1.32.0');
    }
  });

  it('watches pods from a resourceVersion and sees a pod it did not list', async () => {
    const output = await pythonOk(
      sim,
      home,
      `
listed = core.list_namespaced_pod('default')
print('WATCHING', flush=True)
for event in watch.Watch().stream(core.list_namespaced_pod, 'default', resource_version=listed.metadata.resource_version, timeout_seconds=30):
    if event['object'].metadata.name == 'py-watched':
        print(event['type'], event['object'].metadata.name)
        break
`,
      (line) => {
        if (line !== 'WATCHING') return;
        void call(sim, '/api/v1/namespaces/default/pods', { method: 'POST', body: JSON.stringify({ metadata: { name: 'py-watched' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }) });
      },
    );
    assert.match(output, /^ADDED py-watched$/m);
  });

  it('follows a running pod\'s log: follow=True keeps the stream open as time passes', async () => {
    const pods = JSON.parse(await pythonOk(sim, home, `print(json.dumps([[p.metadata.namespace, p.metadata.name] for p in core.list_pod_for_all_namespaces().items if p.status.phase == 'Running']))`)) as [string, string][];
    const [namespace, name] = pods[0] ?? ['', ''];
    let advanced = false;
    const output = await pythonOk(
      sim,
      home,
      `
lines = 0
for line in watch.Watch().stream(core.read_namespaced_pod_log, '${name}', '${namespace}', tail_lines=1):
    lines += 1
    print('LINE', line, flush=True)
    if lines == 4:
        break
`,
      (line) => {
        if (advanced || !line.startsWith('LINE')) return;
        advanced = true;
        // The stream is open after its one old line: later lines exist only once the clock moves.
        sim.advance(10_000);
      },
    );
    assert.equal(output.trim().split('\n').length, 4, output);
  });

  it('server-side applies with force=True over another manager\'s field', async () => {
    const first = await call(sim, '/apis/apps/v1/namespaces/default/deployments/py-applied?fieldManager=first', { method: 'PATCH', body: deployment(1), contentType: 'application/apply-patch+yaml' });
    assert.equal(first.status, 201);
    const output = await pythonOk(sim, home, `
from kubernetes.dynamic import DynamicClient
from kubernetes.dynamic.exceptions import ConflictError
deployments = DynamicClient(client.ApiClient()).resources.get(api_version='apps/v1', kind='Deployment')
# Python client 22 sends an apply body only as text (YAML; JSON is YAML).
body = ${JSON.stringify(deployment(2))}
try:
    deployments.server_side_apply(body=body, name='py-applied', namespace='default', field_manager='py')
    print('no conflict')
except ConflictError:
    print('conflict')
applied = deployments.server_side_apply(body=body, name='py-applied', namespace='default', field_manager='py', force_conflicts=True)
print('replicas', applied.spec.replicas)
`);
    assert.equal(output, 'conflict\nreplicas 2\n');
  });
});
