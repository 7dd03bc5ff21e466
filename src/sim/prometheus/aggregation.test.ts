// The sim Prometheus' OOM series and the per-workload aggregation the suggest command sends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OOM_KILL_SECONDS } from '../right-sizing-demo.ts';
import { startSim, type Sim } from '../sim.ts';
import { parseUsageQuery } from './query.ts';

interface Series {
  metric: Record<string, string>;
  values: [number, string][];
}

const join = 'on (namespace, pod) group_left (workload, workload_type) namespace_workload_pod:kube_pod_owner:relabel{namespace="default"}';

describe('the sim Prometheus: OOM series and aggregation by workload', () => {
  let sim: Sim;
  let nowSeconds: number;

  before(async () => {
    sim = await startSim({ nodes: 3, pods: 30, frozenClock: true, rightSizing: true, log: () => undefined });
    sim.clock.advance(5_000);
    nowSeconds = Math.floor(sim.clock.now() / 1000);
  });
  after(() => sim.close());

  async function series(query: string, hours = 3): Promise<Series[]> {
    const params = new URLSearchParams({ query, start: String(nowSeconds - hours * 3600), end: String(nowSeconds), step: '5m' });
    const response = await fetch(`${sim.prometheusUrl}/api/v1/query_range?${params.toString()}`);
    const body = (await response.json()) as { status: string; error?: string; data: { result: Series[] } };
    assert.equal(body.status, 'success', body.error);
    return body.data.result;
  }

  it('counts the OOM kills of the OOM-killed pods, one an hour, at their memory limit', async () => {
    const counters = await series('container_oom_events_total{namespace="default"}');
    const killed = counters.filter((each) => each.metric['pod']?.startsWith('oom-demo-') === true);
    assert.equal(killed.length, 3);
    assert.ok(counters.filter((each) => !killed.includes(each)).every((each) => each.values.every(([, value]) => value === '0')));
    for (const counter of killed) {
      const values = counter.values.map(([, value]) => Number(value));
      const increments = values.slice(1).filter((value, index) => value > (values[index] as number)).length;
      assert.ok(increments >= 2 && increments <= 3, `${increments} kills in 3 h`);
    }
    const memory = await series('container_memory_working_set_bytes{namespace="default",pod=~"oom-demo-.*"}', OOM_KILL_SECONDS / 3600);
    const peak = Math.max(...(memory[0]?.values.map(([, value]) => Number(value)) ?? []));
    assert.ok(peak > 230 * 2 ** 20 && peak <= 256 * 2 ** 20, `climbs to the 256Mi limit: ${peak}`);
    const reasons = await series('kube_pod_container_status_last_terminated_reason{reason="OOMKilled"}');
    assert.deepEqual(reasons.map((each) => each.metric['pod']?.replace(/-[^-]+-[^-]+$/, '')), ['oom-demo', 'oom-demo', 'oom-demo']);
  });

  it('aggregates by workload through the owner recording rule: one series per workload container', async () => {
    const perPod = await series('container_memory_working_set_bytes{namespace="default"}');
    const perWorkload = await series(`max by (namespace, workload, container) (container_memory_working_set_bytes{namespace="default"} * ${join})`);
    const workloads = perWorkload.map((each) => each.metric['workload']).sort();
    assert.ok(workloads.includes('oom-demo') && workloads.includes('hpa-demo') && workloads.includes('vpa-demo'), workloads.join());
    assert.deepEqual(Object.keys(perWorkload[0]?.metric ?? {}).sort(), ['container', 'namespace', 'workload']);
    const oom = perWorkload.find((each) => each.metric['workload'] === 'oom-demo');
    const pods = perPod.filter((each) => each.metric['pod']?.startsWith('oom-demo-') === true);
    oom?.values.forEach(([time, value], index) => {
      const largest = Math.max(...pods.map((pod) => Number(pod.values[index]?.[1])));
      assert.equal(Number(value), largest, `max at ${time}`);
    });
    const counts = await series(`count by (namespace, workload, container) (rate(container_cpu_usage_seconds_total{namespace="default"}[5m]) * ${join})`);
    assert.equal(counts.find((each) => each.metric['workload'] === 'oom-demo')?.values[0]?.[1], '3');
  });

  it('names what the aggregation does not support', () => {
    const error = (query: string) => {
      const parsed = parseUsageQuery(query);
      return parsed.ok ? '' : parsed.error;
    };
    assert.match(error('max by (namespace) (container_memory_working_set_bytes * on (pod) group_left (workload) namespace_workload_pod:kube_pod_owner:relabel)'), /joins on \(namespace, pod\) only/);
    assert.match(error('max by (namespace) (container_memory_working_set_bytes * on (namespace, pod) group_left (workload) kube_pod_owner)'), /joins with namespace_workload_pod:kube_pod_owner:relabel only/);
    assert.match(error('sum(container_memory_working_set_bytes)'), /unsupported function "sum"/);
  });
});
