import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import { call } from '../sim/test-helpers.ts';
import { createEventsCommand, eventsCommand } from './events.ts';
import { ExitCode, runCli } from './main.ts';
import { runCaptured, type Captured } from './run-captured.ts';

let sim: Sim;
before(async () => {
  sim = await startSim({ nodes: 2, log: () => undefined });
  // Fits no node: a FailedScheduling warning; a started pod: the kubelet's Normal events.
  for (const [name, spec] of [['stuck', { nodeSelector: { disk: 'none' } }], ['web', {}]] as const) {
    const body = JSON.stringify({ metadata: { name }, spec: { ...spec, containers: [{ name: 'main', image: 'nginx:1.27' }] } });
    assert.equal((await call(sim, '/api/v1/namespaces/default/pods', { method: 'POST', body })).status, 201);
  }
  sim.settle();
  sim.advance(1_500);
});
after(() => sim.close());

const events = (...args: string[]): Promise<Captured> => runCaptured(eventsCommand, ['--kubeconfig', sim.kubeconfigPath, ...args]);

describe('kube-workbench events', () => {
  it('lists one object\'s events as a table and exits 1 for its warning', async () => {
    const result = await events('--for', 'pod/stuck');
    assert.equal(result.stderr, '');
    assert.equal(result.code, ExitCode.failure);
    assert.match(result.stdout, /^TYPE\s+REASON\s+AGE\s+COUNT\s+MESSAGE\n/);
    assert.match(result.stdout, /^Warning\s+FailedScheduling\s+\d+s\s+1\s+0\/2 nodes are available/m);
  });

  it('lists a namespace oldest first with each object, exiting 0 when no warning is among them', async () => {
    const result = await events('--for', 'po/web');
    assert.equal(result.code, ExitCode.ok);
    const reasons = result.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/)[1]);
    assert.deepEqual(reasons, ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
    assert.match((await events('-n', 'default')).stdout, /^Warning\s+FailedScheduling\s+\S+\s+1\s+Pod\/stuck\s/m);
    assert.equal((await events('-n', 'nowhere')).stdout, '<none>\n');
  });

  it('--warnings and JSON: only Warning events, every namespace with -A', async () => {
    const result = await events('--warnings', '-A', '--format', 'json');
    const report = JSON.parse(result.stdout) as { context: string; namespace: null; events: { type: string; reason: string; object: { name: string }; lastSeen: string }[] };
    assert.equal(report.context, 'kube-workbench-sim');
    assert.equal(report.namespace, null);
    assert.deepEqual(report.events.map((event) => [event.type, event.reason, event.object.name]), [['Warning', 'FailedScheduling', 'stuck']]);
    assert.ok(!Number.isNaN(Date.parse(report.events[0]?.lastSeen ?? '')));
  });

  it('refuses bad flags with one line and exit 2', async () => {
    for (const [args, message] of [
      [['--for', 'stuck'], /--for must be KIND\/NAME \(e\.g\. pod\/web-1\), not 'stuck'/],
      [['--format', 'yaml'], /--format must be table or json, not 'yaml'/],
      [['-n', 'a', '-A'], /--namespace and --all-namespaces exclude each other/],
      [['--limit', '0'], /limit/],
      [['--context', 'nope'], /no context "nope"/],
    ] as const) {
      const result = await events(...args);
      assert.equal(result.code, ExitCode.usage, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });

  it('--watch prints new events as they come and stops cleanly when told', async () => {
    let stdout = '';
    let stop = (): void => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let seen = (): void => undefined;
    const later = new Promise<void>((resolve) => (seen = resolve));
    const command = createEventsCommand({ stopped: () => stopped });
    const io = {
      stdout: (text: string): void => {
        stdout += text;
        if (stdout.includes('Pod/late')) seen();
        if (stdout.startsWith('TYPE') && !stdout.includes('late')) void create();
      },
      stderr: (text: string): void => assert.fail(text),
    };
    let created = false;
    const create = async (): Promise<void> => {
      if (created) return;
      created = true;
      const body = JSON.stringify({ metadata: { name: 'late' }, spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'main', image: 'nginx:1.27' }] } });
      assert.equal((await call(sim, '/api/v1/namespaces/default/pods', { method: 'POST', body })).status, 201);
      sim.settle();
    };
    const run = runCli(['events', '--kubeconfig', sim.kubeconfigPath, '--watch', '--warnings'], io, [command]);
    await later;
    stop();
    assert.equal(await run, ExitCode.ok);
    const lines = stdout.trim().split('\n');
    assert.match(lines[0] ?? '', /^TYPE\s+REASON\s+AGE\s+COUNT\s+OBJECT\s+MESSAGE$/);
    assert.match(lines.at(-1) ?? '', /^Warning\s+FailedScheduling\s+\S+\s+1\s+Pod\/late\s+0\/2 nodes/);
    assert.equal(lines.filter((line) => line.includes('Pod/stuck')).length, 1, 'an event already printed is not printed again');
  });
});
