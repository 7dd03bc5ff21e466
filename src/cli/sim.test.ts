import assert from 'node:assert/strict';
import { request } from 'node:https';
import { describe, it } from 'node:test';
import type { Sim } from '../sim/sim.ts';
import { ExitCode, runCli } from './main.ts';
import { runCaptured } from './run-captured.ts';
import { createSimCommand, simOptions } from './sim.ts';

function collector(): { io: { stdout: (text: string) => void; stderr: (text: string) => void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text) => out.push(text), stderr: (text) => err.push(text) }, out, err };
}

function nodesOf(sim: Sim): Promise<{ status: number; items: number }> {
  return new Promise((resolve, reject) => {
    const call = request(`${sim.url}/api/v1/nodes`, { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.tokens.admin}` } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, items: (JSON.parse(text) as { items: unknown[] }).items.length }));
    });
    call.on('error', reject);
    call.end();
  });
}

describe('kube-workbench sim', () => {
  it('prints the API URL first, serves until stopped, then exits 0', async () => {
    let stop = (): void => undefined;
    let started: Sim | undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const command = createSimCommand({ stopped: () => stopped, onStarted: (sim) => (started = sim) });
    const { io, out } = collector();
    const running = command.run(['--nodes', '4', '--tasks', '--fault', 'latency=1'], io);
    while (started === undefined) await new Promise((resolve) => setImmediate(resolve));
    assert.match(out[0] ?? '', /^https:\/\/127\.0\.0\.1:\d+\n$/);
    assert.ok(out.includes(`prometheus: ${started.prometheusUrl} (usage history for kubeWorkbench.allocator.prometheusUrl)\n`));
    assert.deepEqual(await nodesOf(started), { status: 200, items: 4 });
    assert.ok(started.store.get(started.controllers.types.cronJob, 'batch', 'nightly-report') !== undefined);
    stop();
    assert.equal(await running, ExitCode.ok);
  });

  it('reads its flags, faults included', () => {
    const options = simOptions(['--port', '0', '--nodes', '10', '--pods', '300', '--seed', '7', '--fault', 'stopHeartbeat=node-0001@60', '--fault', 'throttle=5']);
    assert.notEqual(options, 'help');
    assert.deepEqual(options !== 'help' ? [options.nodes, options.pods, options.seed, options.faults] : [], [10, 300, 7, [
      { fault: { type: 'stopHeartbeat', node: 'node-0001' }, afterSeconds: 60 },
      { fault: { type: 'throttle', count: 5, retryAfterSeconds: 1 }, afterSeconds: 0 },
    ]]);
  });

  it('seeds the right-sizing demo only when asked', () => {
    const demo = simOptions(['--right-sizing']);
    const plain = simOptions([]);
    assert.deepEqual([demo !== 'help' && demo.rightSizing, plain !== 'help' && plain.rightSizing], [true, undefined]);
  });

  it('turns the Prometheus API off or puts it on a given port', () => {
    const off = simOptions(['--no-prometheus']);
    const fixed = simOptions(['--prometheus-port', '9090']);
    assert.deepEqual([off !== 'help' && off.prometheusPort, fixed !== 'help' && fixed.prometheusPort], [false, 9090]);
  });

  it('rejects bad flags with exit code 2 and a one-line reason', async () => {
    const command = createSimCommand({ stopped: () => Promise.resolve() });
    for (const args of [['--no-prometheus', '--prometheus-port', '1'], ['--nodes', 'many'], ['--fault', 'meteor'], ['--bogus'], ['extra'], ['--port', '65536'], ['--pods', '1e400']]) {
      const result = await runCaptured(command, args);
      assert.equal(result.code, ExitCode.usage, args.join(' '));
      assert.match(result.stderr, /^kube-workbench sim: [^\n]+\n$/);
    }
    assert.equal((await runCaptured(command, ['--pods', '1e400'])).stderr, "kube-workbench sim: --pods must be a whole number from 0 to 2000000, not '1e400'\n");
  });

  it('fails with exit code 2 and one line naming the kubeconfig it cannot write', async () => {
    const command = createSimCommand({ stopped: () => Promise.resolve() });
    const { io, err } = collector();
    assert.equal(await runCli(['sim', '--kubeconfig', '/nonexistent-folder/kubeconfig', '--nodes', '1', '--no-prometheus'], io, [command]), ExitCode.usage);
    assert.deepEqual(err, ['kube-workbench sim: cannot write the kubeconfig /nonexistent-folder/kubeconfig: ENOENT\n']);
  });

  it('prints help', async () => {
    const { io, out } = collector();
    assert.equal(await createSimCommand({ stopped: () => Promise.resolve() }).run(['--help'], io), ExitCode.ok);
    assert.match(out.join(''), /--fault F/);
  });
});
