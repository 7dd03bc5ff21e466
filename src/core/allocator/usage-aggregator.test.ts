import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MS } from './container-usage.ts';
import { estimateQuantities } from './recommender.ts';
import { UsageAggregator } from './usage-aggregator.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const MIB = 2 ** 20;

describe('UsageAggregator', () => {
  it('aggregates the pods of a workload per container, named from the pod names', () => {
    const aggregator = new UsageAggregator();
    for (const pod of ['web-7d9f8c6b5d-x2k4p', 'web-7d9f8c6b5d-q9zzt', 'web-6c5b4d7f8-mm2nb']) {
      const app = aggregator.seriesFor('shop', pod, 'app');
      const proxy = aggregator.seriesFor('shop', pod, 'proxy');
      for (let time = START; time < START + 2 * DAY_MS; time += MINUTE) {
        app.add(time, 0.5, 600 * MIB);
        proxy.add(time, 0.05, 40 * MIB);
      }
    }
    const result = aggregator.recommendations();
    assert.deepEqual(result.map((entry) => `${entry.namespace}/${entry.workload}/${entry.container}`), ['shop/web/app', 'shop/web/proxy']);
    const proxy = result[1]?.recommendation;
    assert.ok(proxy !== undefined);
    // 2 containers: the proxy gets at least half the 250 MiB pod minimum.
    assert.equal(estimateQuantities(proxy.target).memory, '125Mi');
  });

  it('uses a given workload name over the derived one, and keeps namespaces apart', () => {
    const aggregator = new UsageAggregator();
    aggregator.seriesFor('a', 'web-0', 'app', 'frontend').add(START, 0.1, 100 * MIB);
    aggregator.seriesFor('b', 'web-0', 'app').add(START, 0.1, 100 * MIB);
    assert.deepEqual(aggregator.recommendations().map((entry) => `${entry.namespace}/${entry.workload}`), ['a/frontend', 'b/web']);
  });

  it('reports not enough data for a container with CPU but no memory yet', () => {
    const aggregator = new UsageAggregator();
    aggregator.seriesFor('a', 'job-x7k2p', 'run').add(START, 0.1, Number.NaN);
    assert.equal(aggregator.recommendations()[0]?.recommendation, undefined);
  });

  it('takes a batch of samples like the same samples one by one', () => {
    const count = 2 * 1440;
    const times = Float64Array.from({ length: count }, (_, index) => START + index * MINUTE);
    const cpu = Float64Array.from({ length: count }, (_, index) => (index === 7 ? Number.NaN : 0.1 + (index % 13) * 0.05));
    const memory = Float64Array.from({ length: count }, (_, index) => (200 + (index % 17) * 10) * MIB);
    const batched = new UsageAggregator();
    batched.seriesFor('a', 'api-0', 'app').addAll(times, cpu, memory);
    const single = new UsageAggregator();
    const series = single.seriesFor('a', 'api-0', 'app');
    times.forEach((time, index) => series.add(time, cpu[index] as number, memory[index] as number));
    assert.deepEqual(batched.recommendations(), single.recommendations());
  });

  it('folds OOM kills into the memory recommendation', () => {
    const aggregator = new UsageAggregator();
    const series = aggregator.seriesFor('a', 'api-0', 'app');
    for (let time = START; time < START + DAY_MS; time += MINUTE) series.add(time, 0.1, 500 * MIB);
    const before = aggregator.recommendations()[0]?.recommendation?.target.memory ?? 0;
    series.addOom(START + DAY_MS, 500 * MIB);
    const after = aggregator.recommendations()[0]?.recommendation?.target.memory ?? 0;
    assert.ok(after > before * 1.15, `${before} → ${after}`);
  });
});
