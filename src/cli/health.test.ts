import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import { healthCommand } from './health.ts';
import { ExitCode } from './main.ts';
import { runCaptured, type Captured } from './run-captured.ts';

let sim: Sim;
before(async () => {
  sim = await startSim({ nodes: 3, pods: 9, seed: 2, frozenClock: true, log: () => undefined });
});
after(() => sim.close());

const health = (...args: string[]): Promise<Captured> => runCaptured(healthCommand, args);

describe('kube-workbench health', () => {
  it('prints the JSON report of every node', async () => {
    const result = await health('--kubeconfig', sim.kubeconfigPath, '--format', 'json');
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout) as { context: string; nodes: { name: string; health: string; pods: number; allocatable: { cpu: string }; requested: { memory: string } }[] };
    assert.equal(report.context, 'kube-workbench-sim');
    assert.equal(report.nodes.length, 3);
    for (const node of report.nodes) {
      assert.equal(node.health, 'Ready');
      assert.match(node.allocatable.cpu, /^\d+(m)?$/);
      assert.match(node.requested.memory, /^\d+(Mi|Gi|Ki)?$/);
    }
    assert.equal(result.code, ExitCode.ok);
  });

  it('prints a table and exits 1 once a node stops its heartbeat past the grace period', async () => {
    sim.applyFault({ type: 'stopHeartbeat', node: 'node-0002' });
    sim.advance(60_000);
    const result = await health('--kubeconfig', sim.kubeconfigPath);
    assert.equal(result.code, ExitCode.failure);
    assert.match(result.stdout, /^NAME\s+HEALTH\s+HEARTBEAT\s+PODS/);
    assert.match(result.stdout, /^node-0002\s+Unknown\s/m);
  });

  it('names an unknown context and exits 2', async () => {
    const result = await health('--kubeconfig', sim.kubeconfigPath, '--context', 'nope');
    assert.equal(result.code, ExitCode.usage);
    assert.match(result.stderr, /no context "nope" in the kubeconfig \(contexts: kube-workbench-sim, kube-workbench-sim-readonly, kube-workbench-sim-team-a\)/);
  });
});
