// The metrics sampler's guardrail inputs against the sim's right-sizing demo: start-up samples kept
// apart from the steady ones, OOM kills read from the pod cache (lastState OOMKilled) and floored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oomBumpBytes } from '../../core/allocator/oom-kills.ts';
import { OOM_KILL_SECONDS } from '../../sim/right-sizing-demo.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { ApiClient } from '../api-client.ts';
import { ClusterConnection } from '../cluster-connection.ts';
import { connectionUntil } from '../connection-until.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import { MetricsSampler } from './metrics-sampler.ts';
import { UsageHistory } from './usage-history.ts';

const MIB = 2 ** 20;
let sim: Sim;

before(async () => {
  sim = await startSim({ nodes: 2, pods: 0, frozenClock: true, rightSizing: true, log: () => undefined });
  sim.clock.advance(5_000);
});
after(() => sim.close());

describe('MetricsSampler guardrails against the right-sizing demo', () => {
  it('keeps start-up samples apart and records each OOM kill once, with the limit as the memory at the kill', async () => {
    const loaded = loadKubeconfig([sim.kubeconfigPath]);
    assert.ok(loaded.ok);
    const target = new ClusterConnection({ client: new ApiClient('kube-workbench-sim', loaded.value.forContext('kube-workbench-sim')), namespace: 'default' });
    target.start(['pods']);
    const history = new UsageHistory();
    const sampler = new MetricsSampler({ connection: target, history, timers: { setInterval: () => 1, clearInterval: () => undefined }, now: () => sim.clock.now(), onSampled: () => undefined });
    try {
      await connectionUntil(target, () => target.state('pods').phase === 'synced', 'pods listed');
      const find = () => history.find('default', 'oom-demo', 'app', sim.clock.now());
      await sampler.tick();
      assert.equal(find()?.explanation, undefined, 'only start-up samples: no recommendation yet');
      for (let minute = 0; minute < 10; minute += 1) {
        sim.advance(60_000);
        await sampler.tick();
      }
      const steady = find();
      assert.ok(steady?.explanation !== undefined);
      assert.equal(steady.explanation.startup.starts, 3, 'one start per pod');
      assert.equal(steady.explanation.samples, 3 * 6, 'minutes 5..10 of three pods');
      assert.equal(steady.explanation.oomKills.count, 0);
      sim.advance(OOM_KILL_SECONDS * 1000 - 10 * 60_000);
      await connectionUntil(target, () => [...target.pods.values()].filter((pod) => pod.meta.name.startsWith('oom-demo-') && pod.oomKills !== undefined).length === 3, 'three OOM-killed pods in the cache');
      await sampler.tick();
      await sampler.tick();
      const killed = find();
      assert.ok(killed?.explanation !== undefined && killed.recommendation !== undefined);
      assert.equal(killed.explanation.oomKills.count, 3, 'three pods killed once each, seen at two ticks');
      // The limit (256Mi) is the memory at the kill: max(256Mi × 1.2, 256Mi + 100Mi) = 356Mi.
      assert.equal(killed.explanation.oomKills.floorBytes, oomBumpBytes(256 * MIB));
      assert.equal(killed.explanation.setBy.memory, 'oom');
      assert.ok(killed.recommendation.target.memory >= 356 * MIB);
    } finally {
      sampler.dispose();
      target.dispose();
    }
  });
});
