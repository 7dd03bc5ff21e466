// `fit`'s live read goes through the cluster layer's listAll: what a throttled server answers is
// waited out (its Retry-After) instead of failing the command, and finished pods stay out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import { call } from '../sim/test-helpers.ts';
import { listLiveCluster } from './fit-live.ts';

let sim: Sim;
before(async () => {
  sim = await startSim({ nodes: 3, pods: 20, seed: 11, frozenClock: true, log: () => undefined });
});
after(() => sim.close());

const names = (items: readonly unknown[]): string[] => items.map((item) => (item as { metadata: { name: string } }).metadata.name).sort();

describe('listLiveCluster', () => {
  it('waits out a 429 on the node list and reads every node and unfinished pod', async () => {
    sim.applyFault({ type: 'throttle', count: 1, retryAfterSeconds: 1 });
    const started = performance.now();
    const live = await listLiveCluster({ kubeconfig: sim.kubeconfigPath, context: undefined, timeoutMs: 30_000 });
    assert.ok(live.ok, live.ok ? '' : live.error.message);
    assert.ok(performance.now() - started >= 1000, 'Retry-After was honoured');
    assert.deepEqual(names(live.value.nodes), names((await call(sim, '/api/v1/nodes')).json['items'] as unknown[]));
    const unfinished = (await call(sim, '/api/v1/pods?fieldSelector=status.phase!%3DSucceeded,status.phase!%3DFailed')).json['items'] as unknown[];
    assert.deepEqual(names(live.value.pods), names(unfinished));
    assert.ok(live.value.pods.length > 0);
  });
});
