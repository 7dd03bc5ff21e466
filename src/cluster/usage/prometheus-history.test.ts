import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { containerUsageModels } from '../../sim/controllers/container-usage.ts';
import type { Pod } from '../../sim/objects.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { chunkRanges, prometheusHistoryLoader } from './prometheus-history.ts';
import type { ContainerSeriesKey, UsageInputError } from './usage-types.ts';

interface Pushed {
  key: ContainerSeriesKey;
  resource: 'cpu' | 'memory' | 'oom';
  timesMs: Float64Array;
  values: Float64Array;
  sampleMinutes: number;
}

async function load(options: Parameters<typeof prometheusHistoryLoader>[0], signal = new AbortController().signal) {
  const pushed: Pushed[] = [];
  const result = await prometheusHistoryLoader(options)((key, resource, timesMs, values, sampleMinutes) => pushed.push({ key, resource, timesMs, values, sampleMinutes }), signal);
  return { result, pushed };
}

function failure(result: Awaited<ReturnType<typeof load>>['result']): UsageInputError {
  assert.ok(!result.ok, 'expected an error');
  return result.error;
}

/** A stand-in Prometheus on 127.0.0.1 whose answer the test chooses; it records what it was asked. */
async function fakePrometheus(answer: (request: IncomingMessage, body: URLSearchParams) => { status: number; text: string }) {
  const seen: { path: string; authorization: string | undefined; body: URLSearchParams }[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const body = new URLSearchParams(text);
      seen.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      const { status, text: reply } = answer(request, body);
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const matrix = (result: unknown[]): string => JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });

describe('chunkRanges', () => {
  it('covers (now - days, now] on the step grid, a day per request, without overlap', () => {
    const nowMs = 1_700_000_123_456;
    const chunks = chunkRanges(nowMs, 8, 300);
    assert.equal(chunks.length, 8);
    const end = Math.floor(nowMs / 300_000) * 300;
    assert.equal(chunks.at(-1)?.endSeconds, end);
    assert.equal(chunks[0]?.startSeconds, end - 8 * 86_400 + 300);
    for (let index = 1; index < chunks.length; index += 1) assert.equal(chunks[index]?.startSeconds, (chunks[index - 1]?.endSeconds ?? 0) + 300);
    assert.ok(chunkRanges(nowMs, 30, 1).every((chunk) => chunk.endSeconds - chunk.startSeconds < 11_000));
  });
});

describe('the Prometheus history loader against the sim', () => {
  let sim: Sim;

  before(async () => {
    sim = await startSim({ nodes: 3, pods: 20, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  const running = (): Pod[] => [...sim.store.scan(sim.controllers.types.pod)].map(({ object }) => object as Pod).filter((pod) => pod.status?.phase === 'Running');

  it('pushes eight days of both resources per running container, in time order, with the values the sim serves', async () => {
    const { result, pushed } = await load({ url: sim.prometheusUrl ?? '', nowMs: sim.clock.now() });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const containers = running().flatMap((pod) => pod.spec.containers.map((container) => ({ pod, container: container.name })));
    assert.equal(pushed.length, containers.length * 2);
    assert.deepEqual(result.value, { series: pushed.length, samples: pushed.length * 8 * 288 });
    for (const series of pushed) {
      assert.equal(series.sampleMinutes, 5);
      assert.equal(series.timesMs.length, 8 * 288);
      assert.ok(series.timesMs.every((time, index) => index === 0 || time - (series.timesMs[index - 1] ?? 0) === 300_000));
    }
    const { pod, container } = containers[0] ?? assert.fail('no containers');
    const model = containerUsageModels(pod).find((candidate) => candidate.container === container) ?? assert.fail('no model');
    for (const resource of ['cpu', 'memory'] as const) {
      const series = pushed.find((entry) => entry.resource === resource && entry.key.pod === pod.metadata.name && entry.key.container === container);
      const time = series?.timesMs[100] ?? 0;
      assert.equal(series?.values[100], model.at(time / 1000)[resource]);
    }
  });

  it('asks for one namespace only when given one', async () => {
    const namespace = running()[0]?.metadata.namespace ?? '';
    const { pushed } = await load({ url: sim.prometheusUrl ?? '', nowMs: sim.clock.now(), namespace, days: 1 });
    assert.ok(pushed.length > 0);
    assert.deepEqual(new Set(pushed.map((series) => series.key.namespace)), new Set([namespace]));
  });

  it('stops when cancelled, pushing nothing', async () => {
    const aborter = new AbortController();
    aborter.abort();
    const { result, pushed } = await load({ url: sim.prometheusUrl ?? '', nowMs: sim.clock.now() }, aborter.signal);
    assert.match(failure(result).message, /was cancelled/);
    assert.equal(pushed.length, 0);
  });
});

describe('the Prometheus history loader by workload, without the owner recording rule', () => {
  let sim: Sim;
  let covered: string;
  let uncovered: string;

  before(async () => {
    const probe = await startSim({ nodes: 3, pods: 20, seed: 7, frozenClock: true, prometheusPort: false, log: () => undefined });
    const namespaces = [...new Set([...probe.store.scan(probe.controllers.types.pod)].map(({ object }) => (object as Pod).metadata.namespace ?? ''))].sort();
    await probe.close();
    [covered = '', uncovered = ''] = namespaces;
    assert.ok(covered !== '' && uncovered !== '', `two namespaces with pods: ${namespaces.join(', ')}`);
    // The rule covers one namespace only: the other is read per pod, the first stays aggregated.
    sim = await startSim({ nodes: 3, pods: 20, seed: 7, frozenClock: true, prometheusOwnerRule: [covered], log: () => undefined });
  });
  after(() => sim.close());

  const byWorkload = (namespace: string, extra: Partial<Parameters<typeof prometheusHistoryLoader>[0]> = {}) => {
    const notes: string[] = [];
    return { notes, loaded: load({ url: sim.prometheusUrl ?? '', nowMs: sim.clock.now(), days: 1, byWorkload: true, namespace, onPerPod: (note) => notes.push(note), ...extra }) };
  };

  it("reads that namespace's pods one by one, as the editor's per-pod loader does, and says why", async () => {
    const { notes, loaded } = byWorkload(uncovered);
    const { result, pushed } = await loaded;
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const perPod = await load({ url: sim.prometheusUrl ?? '', nowMs: sim.clock.now(), days: 1, namespace: uncovered });
    // Points per pod series: pushed six hours at a time here, a day's merged series there.
    const points = (series: Pushed[]) => {
      const counts = new Map<string, number>();
      for (const entry of series) {
        const key = `${entry.key.pod}/${entry.key.container}/${entry.resource}/${entry.key.workload ?? '-'}`;
        counts.set(key, (counts.get(key) ?? 0) + entry.timesMs.length);
      }
      return [...counts].sort();
    };
    assert.ok(pushed.length > 0);
    assert.deepEqual(points(pushed), points(perPod.pushed), 'the same pod series, the workload left to the pod name');
    const containers = new Set(pushed.map((entry) => `${entry.key.pod}/${entry.key.container}`)).size;
    assert.deepEqual(notes, [`no usage of namespace ${uncovered} by workload (is kube-prometheus' namespace_workload_pod:kube_pod_owner:relabel rule missing?): reading its ${containers} pod containers one by one`]);
  });

  it('keeps a namespace the rule covers aggregated', async () => {
    const { notes, loaded } = byWorkload(covered);
    const { result, pushed } = await loaded;
    assert.ok(result.ok && pushed.length > 0, result.ok ? '' : result.error.message);
    assert.deepEqual(notes, []);
    assert.ok(pushed.every((entry) => entry.key.workload === entry.key.pod), 'one series per workload container');
  });

  it('refuses a namespace of more pod containers than the bound, pushing nothing', async () => {
    const { notes, loaded } = byWorkload(uncovered, { maxPodContainers: 1 });
    const { result, pushed } = await loaded;
    assert.match(failure(result).message, new RegExp(`no usage of namespace ${uncovered} by workload .* and \\d+ pod containers, more than the 1 read one by one$`));
    assert.equal(failure(result).kind, 'query');
    assert.deepEqual([pushed.length, notes.length], [0, 0]);
  });
});

describe('the Prometheus history loader and OOM kills', () => {
  it("reads kills from the sim's container_oom_events_total, with the working set before each as the memory at the kill", async () => {
    const sim = await startSim({ nodes: 2, pods: 0, frozenClock: true, rightSizing: true, log: () => undefined });
    try {
      sim.clock.advance(5_000);
      const { result, pushed } = await load({ url: sim.prometheusUrl ?? '', nowMs: sim.clock.now(), days: 1, namespace: 'default' });
      assert.ok(result.ok, result.ok ? '' : result.error.message);
      const kills = pushed.filter((series) => series.resource === 'oom');
      assert.deepEqual(kills.map((series) => series.key.pod.replace(/-[^-]+-[^-]+$/, '')), ['oom-demo', 'oom-demo', 'oom-demo']);
      for (const series of kills) {
        assert.ok(series.timesMs.length >= 23 && series.timesMs.length <= 24, `one kill an hour: ${series.timesMs.length}`);
        assert.ok(series.values.every((bytes) => bytes > 230 * 2 ** 20 && bytes <= 256 * 2 ** 20), 'near the 256Mi limit');
      }
    } finally {
      await sim.close();
    }
  });

  it("falls back to kube-state-metrics' last terminated reason: a kill where the series appears", async () => {
    const labels = { namespace: 'shop', pod: 'web-1', container: 'app' };
    const server = await fakePrometheus((_request, body) => {
      const start = Number(body.get('start'));
      const query = body.get('query') ?? '';
      if (query.startsWith('container_oom_events_total')) return { status: 200, text: matrix([]) };
      if (query.startsWith('kube_pod_container_status_last_terminated_reason')) return { status: 200, text: matrix([{ metric: { ...labels, reason: 'OOMKilled' }, values: [[start + 1200, '1'], [start + 1500, '1']] }]) };
      return { status: 200, text: matrix([{ metric: labels, values: [[start, '1'], [start + 900, '400000000'], [start + 1200, '100000000']] }]) };
    });
    try {
      const { pushed } = await load({ url: `http://127.0.0.1:${server.port}`, nowMs: Date.now(), days: 1 });
      assert.equal(server.seen[3]?.body.get('query'), 'kube_pod_container_status_last_terminated_reason{reason="OOMKilled",container!="",container!="POD",pod!=""}');
      const kill = pushed.find((series) => series.resource === 'oom');
      assert.deepEqual([...(kill?.values ?? [])], [400_000_000]);
      assert.equal((kill?.timesMs[0] ?? 0) - (pushed.find((series) => series.resource === 'memory')?.timesMs[0] ?? 0), 1_200_000);
    } finally {
      await server.close();
    }
  });
});

describe('the Prometheus history loader against odd servers', () => {
  it('reads per pod when Prometheus refuses the join (duplicate owner series), and not when it fails otherwise', async () => {
    const labels = { namespace: 'shop', pod: 'web-7d9f8c6b5d-x2k4p', container: 'app' };
    let joinStatus = 422;
    const server = await fakePrometheus((_request, body) => {
      const start = Number(body.get('start'));
      const query = body.get('query') ?? '';
      if (query.includes('group_left')) return { status: joinStatus, text: JSON.stringify({ status: 'error', errorType: 'execution', error: 'found duplicate series for the match group' }) };
      if (query.startsWith('count by (namespace)')) return { status: 200, text: matrix([{ metric: { namespace: 'shop' }, values: [[start, '1'], [start + 21_600, '2']] }]) };
      return { status: 200, text: matrix(query.startsWith('container_') || query.startsWith('rate(') ? [{ metric: labels, values: [[start, '0.5']] }] : []) };
    });
    try {
      const notes: string[] = [];
      const options = { url: `http://127.0.0.1:${server.port}`, nowMs: Date.now(), days: 1, byWorkload: true, namespace: 'shop', onPerPod: (note: string) => notes.push(note) };
      const { result, pushed } = await load(options);
      assert.ok(result.ok, result.ok ? '' : result.error.message);
      assert.deepEqual(notes, ["no usage of namespace shop by workload (is kube-prometheus' namespace_workload_pod:kube_pod_owner:relabel rule missing?): reading its 2 pod containers one by one"]);
      assert.ok(pushed.length > 0 && pushed.every((series) => series.key.pod === labels.pod && series.key.workload === undefined));
      joinStatus = 503;
      const unavailable = await load(options);
      assert.equal(failure(unavailable.result).kind, 'http');
      assert.deepEqual([unavailable.pushed.length, notes.length], [0, 1]);
    } finally {
      await server.close();
    }
  });

  it('names an unreachable server by host:port, without credentials', async () => {
    const closed = await fakePrometheus(() => ({ status: 200, text: matrix([]) }));
    await closed.close();
    const { result } = await load({ url: `http://user:hunter2@127.0.0.1:${closed.port}/`, nowMs: Date.now(), bearerToken: 'secret-token' });
    const error = failure(result);
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.message, `Prometheus at 127.0.0.1:${closed.port} is unreachable: ECONNREFUSED`);
  });

  it('keeps a path prefix, sends the bearer token or the URL credentials, and merges a restarted container', async () => {
    const labels = { namespace: 'shop', pod: 'web-1', container: 'app' };
    const server = await fakePrometheus((_request, body) => {
      const start = Number(body.get('start'));
      // Two series of one container overlapping at one instant, as after a restart.
      return { status: 200, text: matrix([{ metric: { ...labels, id: 'b' }, values: [[start + 300, '2'], [start + 600, 'NaN']] }, { metric: { ...labels, id: 'a' }, values: [[start, '1'], [start + 300, '3']] }]) };
    });
    try {
      const { result, pushed } = await load({ url: `http://127.0.0.1:${server.port}/prometheus`, nowMs: Date.now(), days: 1, bearerToken: 'secret-token' });
      assert.ok(result.ok);
      assert.equal(server.seen[0]?.path, '/prometheus/api/v1/query_range');
      assert.equal(server.seen[0]?.authorization, 'Bearer secret-token');
      assert.equal(server.seen[0]?.body.get('query'), 'rate(container_cpu_usage_seconds_total{container!="",container!="POD",pod!=""}[5m])');
      assert.equal(server.seen[1]?.body.get('query'), 'container_memory_working_set_bytes{container!="",container!="POD",pod!=""}');
      assert.equal(server.seen[0]?.body.get('step'), '300');
      const cpu = pushed.find((series) => series.resource === 'cpu');
      assert.deepEqual(cpu?.key, labels);
      assert.deepEqual([...(cpu?.values ?? [])], [1, 3]);
      assert.equal((cpu?.timesMs[1] ?? 0) - (cpu?.timesMs[0] ?? 0), 300_000);
      await load({ url: `http://ann:pa%3Ass@127.0.0.1:${server.port}`, nowMs: Date.now(), days: 1 });
      assert.equal(server.seen.at(-1)?.authorization, `Basic ${Buffer.from('ann:pa:ss').toString('base64')}`);
    } finally {
      await server.close();
    }
  });

  it('turns HTTP errors, error bodies and malformed answers into one-line errors of the right kind', async () => {
    const replies: [{ status: number; text: string }, UsageInputError['kind'], RegExp][] = [
      [{ status: 400, text: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }) }, 'query', /rejected the query: bad_data: parse error$/],
      [{ status: 403, text: 'no' }, 'forbidden', /refused the request \(HTTP 403\)$/],
      [{ status: 404, text: '404 page not found' }, 'not-installed', /^no Prometheus API at 127\.0\.0\.1:\d+\/prom \(HTTP 404/],
      [{ status: 503, text: '<html>' }, 'http', /answered HTTP 503$/],
      [{ status: 200, text: '{"status":"succ' }, 'bad-response', /is not JSON$/],
      [{ status: 200, text: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }) }, 'bad-response', /holds no matrix$/],
      [{ status: 200, text: matrix([{ metric: { namespace: 'a', pod: 'b', container: 'c' }, values: [['x', 1]] }]) }, 'bad-response', /a series of a\/b\/c has malformed values$/],
    ];
    for (const [reply, kind, message] of replies) {
      const server = await fakePrometheus(() => reply);
      try {
        const error = failure((await load({ url: `http://127.0.0.1:${server.port}/prom/`, nowMs: Date.now(), bearerToken: 'secret-token' })).result);
        assert.equal(error.kind, kind, error.message);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /secret-token|query=/);
      } finally {
        await server.close();
      }
    }
    assert.equal(failure((await load({ url: 'ftp://127.0.0.1/', nowMs: 0 })).result).kind, 'unreachable');
    assert.match(failure((await load({ url: 'not a url', nowMs: 0 })).result).message, /not a valid URL/);
  });
});
