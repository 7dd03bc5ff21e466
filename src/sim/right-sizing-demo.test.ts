// The right-sizing demo on a frozen clock: the OOM-killed pods, the HPA and the served VPA.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from './objects.ts';
import { OOM_KILL_SECONDS } from './right-sizing-demo.ts';
import { startSim, type Sim } from './sim.ts';
import { call } from './test-helpers.ts';

let sim: Sim;

before(async () => {
  sim = await startSim({ nodes: 2, pods: 0, frozenClock: true, rightSizing: true, log: () => undefined });
  sim.clock.advance(5_000);
});
after(() => sim.close());

const pods = async (app: string): Promise<Pod[]> => (await call(sim, `/api/v1/namespaces/default/pods?labelSelector=app%3D${app}`)).json['items'] as Pod[];

describe('right-sizing demo', () => {
  it('OOM-kills oom-demo\'s pods at their memory limit every hour: restarted, lastState OOMKilled', async () => {
    const before = await pods('oom-demo');
    assert.equal(before.length, 3);
    assert.ok(before.every((pod) => pod.status?.phase === 'Running' && pod.status.containerStatuses?.[0]?.restartCount === 0));
    const metricsBefore = (await call(sim, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods')).json['items'] as { metadata: { name: string }; containers: { usage: { memory: string } }[] }[];
    const oomMetrics = metricsBefore.filter((item) => item.metadata.name.startsWith('oom-demo-'));
    assert.equal(oomMetrics.length, 3);
    sim.clock.advance(OOM_KILL_SECONDS * 1000);
    const killed = await pods('oom-demo');
    for (const pod of killed) {
      const status = pod.status?.containerStatuses?.[0];
      assert.equal(status?.restartCount, 1, pod.metadata.name);
      assert.equal(status?.lastState?.['terminated']?.['reason'], 'OOMKilled');
      assert.equal(status?.lastState?.['terminated']?.['exitCode'], 137);
      assert.ok(status?.state['running'] !== undefined);
    }
    const events = (await call(sim, '/api/v1/namespaces/default/events?fieldSelector=reason%3DOOMKilling')).json['items'] as unknown[];
    assert.equal(events.length, 3);
  });

  it('scales hpa-demo with a CPU HPA and serves the VPA CRD with a recommendation for vpa-demo', async () => {
    const hpa = await call(sim, '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/hpa-demo');
    assert.equal(hpa.status, 200);
    const vpas = await call(sim, '/apis/autoscaling.k8s.io/v1/namespaces/default/verticalpodautoscalers');
    assert.equal(vpas.status, 200);
    const items = vpas.json['items'] as { metadata: { name: string }; status: { recommendation: { containerRecommendations: { containerName: string }[] } } }[];
    assert.deepEqual(items.map((item) => [item.metadata.name, item.status.recommendation.containerRecommendations[0]?.containerName]), [['vpa-demo', 'app']]);
    const table = await call(sim, '/apis/autoscaling.k8s.io/v1/namespaces/default/verticalpodautoscalers', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    const columns = (table.json['columnDefinitions'] as { name: string }[]).map((column) => column.name);
    const [row] = table.json['rows'] as { cells: unknown[] }[];
    assert.deepEqual(columns, ['Name', 'Mode', 'CPU', 'Mem', 'Provided', 'Age']);
    assert.deepEqual(row?.cells.slice(0, 5), ['vpa-demo', 'Off', '350m', '300Mi', 'True']);
  });
});
