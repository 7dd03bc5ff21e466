// The paged list against the simulated cluster on a frozen clock: a continue token expires when the
// sim's clock passes its compaction interval (5 min), which the tests do between two pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import type { ApiClient } from './api-client.ts';
import type { ClusterError } from './cluster-error.ts';
import { collectionPath, KINDS, objectPath } from './kinds.ts';
import { kubeconfigClient } from './kubeconfig-client.ts';
import { listAll, type ListAllOptions } from './list-all.ts';

const COMPACTION_MS = 5 * 60_000;
let sim: Sim;
let client: ApiClient;
before(async () => {
  sim = await startSim({ nodes: 2, pods: 12, seed: 5, frozenClock: true, log: () => undefined });
  client = kubeconfigClient(sim.kubeconfigPath);
});
after(async () => {
  client.dispose();
  await sim.close();
});

interface Listing {
  /** "list" for a first page, else the page's continue token. */
  readonly requests: string[];
  readonly waits: ClusterError[];
  readonly options: ListAllOptions<string>;
}

/** Pods by namespace/name, five a page; `afterPage` runs after each answer (the number counts from 1). */
function podListing(afterPage: (page: number) => Promise<void> | void = () => undefined, overrides: Partial<ListAllOptions<string>> = {}): Listing {
  const requests: string[] = [];
  const waits: ClusterError[] = [];
  let pages = 0;
  const options: ListAllOptions<string> = {
    client: {
      context: client.context,
      requestBounded: async (path, request, maxBytes) => {
        requests.push(String(request.query?.['continue'] ?? 'list'));
        const answer = await client.requestBounded(path, request, maxBytes);
        pages += 1;
        await afterPage(pages);
        return answer;
      },
    },
    path: collectionPath(KINDS.Pod),
    resource: 'pods',
    trim: (raw) => {
      const { namespace, name } = (raw as { metadata: { namespace: string; name: string } }).metadata;
      return `${namespace}/${name}`;
    },
    pageSize: 5,
    backOff: async (error) => void waits.push(error),
    ...overrides,
  };
  return { requests, waits, options };
}

async function podNames(): Promise<string[]> {
  const listed = await client.request(collectionPath(KINDS.Pod), { verb: 'list', resource: 'pods' });
  assert.ok(listed.ok);
  return (listed.value as { items: { metadata: { namespace: string; name: string } }[] }).items.map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`);
}

async function send(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<void> {
  const answer = await client.request(path, { method, verb: method, resource: path, body });
  assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
}

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });

describe('listAll', () => {
  it('lists every page of one snapshot', async () => {
    const { requests, options } = podListing();
    const listed = await listAll(options);
    assert.ok(listed.ok, listed.ok ? '' : listed.error.message);
    assert.deepEqual(listed.value.items, await podNames());
    assert.ok(requests.length >= 3, `${requests.length} pages`);
    assert.equal(requests.filter((request) => request === 'list').length, 1);
    assert.match(listed.value.resourceVersion, /^\d+$/);
  });

  it('restarts from the start when the continue token expired mid-way, giving each object exactly once', async () => {
    await send('POST', collectionPath(KINDS.Pod, 'default'), pod('listed-then-deleted'));
    // After the first page: the token expires, one pod goes and another comes.
    const { requests, waits, options } = podListing(async (page) => {
      if (page !== 1) return;
      sim.advance(COMPACTION_MS + 1000);
      await send('DELETE', objectPath(KINDS.Pod, 'default', 'listed-then-deleted'));
      await send('POST', collectionPath(KINDS.Pod, 'default'), pod('created-mid-list'));
    });
    const listed = await listAll(options);
    assert.ok(listed.ok, listed.ok ? '' : listed.error.message);
    assert.equal(requests.filter((request) => request === 'list').length, 2, 'listed twice from the start');
    assert.equal(requests[0], 'list');
    assert.notEqual(requests[1], 'list', 'the second request used the expired token');
    assert.deepEqual(listed.value.items, await podNames());
    assert.equal(new Set(listed.value.items).size, listed.value.items.length, 'no object twice');
    assert.ok(listed.value.items.includes('default/created-mid-list'));
    assert.ok(!listed.value.items.includes('default/listed-then-deleted'));
    assert.deepEqual(waits, [], 'a restart does not wait');
  });

  it('restarts once only: a server whose every token expires gets the 410 back', async () => {
    const { requests, options } = podListing((page) => {
      if (page % 2 === 1) sim.advance(COMPACTION_MS + 1000);
    });
    const listed = await listAll(options);
    assert.equal(listed.ok ? 'ok' : listed.error.kind, 'gone');
    assert.deepEqual(requests.map((request) => (request === 'list' ? 'list' : 'continue')), ['list', 'continue', 'list', 'continue']);
  });

  it('retries a throttled page from its own continue token after Retry-After', async () => {
    const { requests, waits, options } = podListing((page) => {
      if (page === 1) sim.applyFault({ type: 'throttle', count: 1, retryAfterSeconds: 2 });
    });
    const listed = await listAll(options);
    assert.ok(listed.ok, listed.ok ? '' : listed.error.message);
    assert.deepEqual(waits.map((error) => [error.kind, error.retryAfterSeconds]), [['throttled', 2]]);
    assert.notEqual(requests[1], 'list');
    assert.equal(requests[2], requests[1], 'the throttled page asked again with its token');
    assert.deepEqual(listed.value.items, await podNames());
  });

  it('returns a server error after its retries, having backed off before each', async () => {
    sim.applyFault({ type: 'errors', count: 10 });
    try {
      const { requests, waits, options } = podListing(undefined, { pageRetries: 2 });
      const listed = await listAll(options);
      assert.equal(listed.ok ? 'ok' : listed.error.code, 500);
      assert.equal(waits.length, 2);
      assert.equal(requests.length, 3);
    } finally {
      sim.applyFault({ type: 'clear' });
    }
  });

  it('stops at its bounds on items and bytes, naming them', async () => {
    const items = await listAll(podListing(undefined, { maxItems: 7 }).options);
    assert.equal(items.ok ? 'ok' : items.error.message, 'list pods in context "kube-workbench-sim": more than 7 items, stopped');
    const bytes = await listAll(podListing(undefined, { maxBytes: 3000 }).options);
    assert.equal(bytes.ok ? 'ok' : bytes.error.message, 'list pods in context "kube-workbench-sim": more than 3000 bytes, stopped');
  });

  it('ends when its signal is aborted during a back-off, without asking again', async () => {
    const aborter = new AbortController();
    sim.applyFault({ type: 'throttle', count: 1, retryAfterSeconds: 1 });
    const { requests, options } = podListing(undefined, { signal: aborter.signal, backOff: async () => aborter.abort() });
    const listed = await listAll(options);
    assert.equal(listed.ok ? 'ok' : listed.error.kind, 'throttled');
    assert.deepEqual(requests, ['list']);
  });
});
