import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { podRequests } from '../amounts.ts';
import { behaviourOf } from '../controllers/pod-behaviour.ts';
import { usageAt } from '../controllers/usage-profiles.ts';
import { fnv32 } from '../names.ts';
import type { Pod } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { maxFormBytes } from './server.ts';

interface Series {
  metric: Record<string, string>;
  values: [number, string][];
}

interface Answer {
  status: number;
  body: { status: string; errorType?: string; error?: string; data?: { resultType: string; result: Series[] } };
}

const memory = 'container_memory_working_set_bytes';
const cpu = 'rate(container_cpu_usage_seconds_total{container!="",pod!=""}[5m])';

describe('the sim Prometheus endpoint', () => {
  let sim: Sim;
  let nowSeconds: number;

  before(async () => {
    sim = await startSim({ nodes: 3, pods: 20, frozenClock: true, log: () => undefined });
    nowSeconds = sim.clock.now() / 1000;
  });
  after(() => sim.close());

  async function rangeQuery(params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Promise<Answer> {
    const query = new URLSearchParams(params).toString();
    const response =
      method === 'GET'
        ? await fetch(`${sim.prometheusUrl}/api/v1/query_range?${query}`)
        : await fetch(`${sim.prometheusUrl}/api/v1/query_range`, { method, body: query, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const hourBefore = (): Record<string, string> => ({ start: String(nowSeconds - 3600), end: String(nowSeconds), step: '5m' });

  function runningPods(): Pod[] {
    return [...sim.store.scan(sim.controllers.types.pod)].map(({ object }) => object as Pod).filter((pod) => pod.status?.phase === 'Running');
  }

  it('listens on 127.0.0.1 and says it is ready', async () => {
    assert.match(sim.prometheusUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    const info = (await (await fetch(`${sim.prometheusUrl}/api/v1/status/buildinfo`)).json()) as { status: string; data: { version: string } };
    assert.equal(info.status, 'success');
    assert.match(info.data.version, /^\d+\.\d+\.\d+$/);
    assert.equal((await fetch(`${sim.prometheusUrl}/-/ready`)).status, 200);
    assert.equal((await fetch(`${sim.prometheusUrl}/api/v1/query`)).status, 404);
  });

  it("answers a matrix in Prometheus' shape, one series per running container", async () => {
    const answer = await rangeQuery({ query: memory, ...hourBefore() });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'success');
    assert.equal(answer.body.data?.resultType, 'matrix');
    const result = answer.body.data?.result ?? [];
    const containers = runningPods().reduce((sum, pod) => sum + pod.spec.containers.length, 0);
    assert.ok(containers >= 20);
    assert.equal(result.length, containers);
    const [first] = result;
    assert.deepEqual(Object.keys(first?.metric ?? {}), ['__name__', 'container', 'namespace', 'pod']);
    assert.equal(first?.values.length, 13);
    assert.equal(typeof first?.values[0]?.[0], 'number');
    assert.equal(typeof first?.values[0]?.[1], 'string');
    const rate = await rangeQuery({ query: cpu, ...hourBefore() });
    assert.deepEqual(Object.keys(rate.body.data?.result[0]?.metric ?? {}), ['container', 'namespace', 'pod']);
  });

  it('gives the values of the usage curves at the evaluation times, history before the pod started included', async () => {
    const pod = runningPods()[0];
    assert.ok(pod !== undefined);
    const start = nowSeconds - 8 * 86_400 + 0.25;
    const matchPod = `{namespace="${pod.metadata.namespace}",pod="${pod.metadata.name}"}`;
    const params = { start: String(start), end: String(nowSeconds), step: '3600' };
    const [cpuAnswer, memoryAnswer] = await Promise.all([
      rangeQuery({ ...params, query: `rate(container_cpu_usage_seconds_total${matchPod}[5m])` }),
      rangeQuery({ ...params, query: `${memory}${matchPod}` }, 'POST'),
    ]);
    const container = pod.spec.containers[0];
    assert.ok(container !== undefined);
    const requests = podRequests({ ...pod, spec: { ...pod.spec, containers: [container] } });
    const startedAt = Date.parse(pod.status?.startTime ?? '') / 1000;
    const expected = (seconds: number) => usageAt(behaviourOf(pod).profile, requests, fnv32(pod.metadata.uid ?? ''), seconds, startedAt);
    for (const [answer, resource] of [[cpuAnswer, 'cpu'], [memoryAnswer, 'memory']] as const) {
      const series: Series | undefined = answer.body.data?.result.find((candidate) => candidate.metric['container'] === container.name);
      assert.equal(series?.values.length, 8 * 24, "the last hour would end after now");
      assert.equal(series?.values[0]?.[0], start);
      assert.ok(start < startedAt);
      for (const [time, value] of series?.values ?? []) assert.equal(Number(value), expected(time)[resource]);
    }
  });

  it('filters by label matchers', async () => {
    const answer = await rangeQuery({ query: `${memory}{namespace=~"team-.*",container!="nothing"}`, ...hourBefore() });
    const namespaces = new Set(answer.body.data?.result.map((series) => series.metric['namespace']));
    const expected = new Set(runningPods().map((pod) => pod.metadata.namespace).filter((name) => name?.startsWith('team-')));
    assert.ok(expected.size > 0);
    assert.deepEqual(namespaces, expected);
    const none = await rangeQuery({ query: `${memory}{namespace="nowhere"}`, ...hourBefore() });
    assert.deepEqual(none.body, { status: 'success', data: { resultType: 'matrix', result: [] } });
  });

  it("follows the sim's clock: no points after now, new ones once it advances", async () => {
    const params = { query: memory, start: String(nowSeconds - 60), end: String(nowSeconds + 600), step: '60' };
    const before = await rangeQuery(params);
    assert.equal(before.body.data?.result[0]?.values.at(-1)?.[0], nowSeconds);
    sim.advance(300_000);
    const later = await rangeQuery(params);
    assert.equal(later.body.data?.result[0]?.values.at(-1)?.[0], nowSeconds + 300);
  });

  it('rejects bad parameters and queries the way Prometheus does', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ query: memory, start: '0', end: '11001', step: '1' }, /^exceeded maximum resolution of 11,000 points per timeseries\. Try decreasing the query resolution \(\?step=XX\)$/],
      [{ query: memory, start: '0', end: '86400', step: '0' }, /zero or negative query resolution step widths are not accepted/],
      [{ query: memory, start: 'soon', end: '1', step: '1' }, /invalid parameter "start": cannot parse "soon" to a valid timestamp/],
      [{ query: memory, start: '10', end: '1', step: '1' }, /end timestamp must not be before start time/],
      [{ query: memory, start: '0', end: '1', step: 'often' }, /invalid parameter "step": cannot parse "often"/],
      [{ query: 'sum(up)', start: '0', end: '1', step: '1' }, /^invalid parameter "query": unsupported function "sum"/],
    ];
    for (const [params, message] of cases) {
      const answer = await rangeQuery(params);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.status, 'error');
      assert.equal(answer.body.errorType, 'bad_data');
      assert.match(answer.body.error ?? '', message);
    }
    const justUnder = await rangeQuery({ query: `${memory}{pod="none"}`, start: '0', end: '11000', step: '1' });
    assert.equal(justUnder.status, 200);
  });

  it('refuses a form body over 64 KiB with 413, and goes on answering', async () => {
    const body = new URLSearchParams({ query: memory, start: '0', end: '1', step: '1', padding: 'x'.repeat(maxFormBytes) }).toString();
    const response = await fetch(`${sim.prometheusUrl}/api/v1/query_range`, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assert.equal(response.status, 413);
    assert.equal(((await response.json()) as { errorType: string }).errorType, 'bad_data');
    assert.equal((await rangeQuery({ query: `${memory}{pod="none"}`, ...hourBefore() })).status, 200);
  });

  it('can be turned off', async () => {
    const quiet = await startSim({ nodes: 1, frozenClock: true, prometheusPort: false, log: () => undefined });
    try {
      assert.equal(quiet.prometheusUrl, undefined);
    } finally {
      await quiet.close();
    }
  });
});
