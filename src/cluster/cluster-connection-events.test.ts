// The connection's event cache against the simulated cluster: events.k8s.io/v1 (or core/v1 where the
// newer API is not served), an object's warnings, and a 10,000-event burst within the cache's bound
// and its notification budget.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import { ApiClient, type RequestOptions } from './api-client.ts';
import { ClusterConnection } from './cluster-connection.ts';
import type { ClusterError } from './cluster-error.ts';
import { loadKubeconfig } from './kubeconfig-loader.ts';
import type { Result } from '../core/result.ts';

const CONTEXT = 'kube-workbench-sim';
let sim: Sim;

before(async () => {
  sim = await startSim({ nodes: 2, log: () => undefined });
});
after(() => sim.close());

/** An API client whose server does not serve events.k8s.io (a pre-1.19 cluster), recording the paths asked. */
class OldServerClient extends ApiClient {
  readonly paths: string[] = [];

  override requestBounded(path: string, options: RequestOptions, maxBytes: number): ReturnType<ApiClient['requestBounded']> {
    this.paths.push(path);
    if (path.startsWith('/apis/events.k8s.io/')) return Promise.resolve({ ok: false, error: { kind: 'notFound', code: 404, message: 'the server could not find the requested resource' } } satisfies Result<never, ClusterError>);
    return super.requestBounded(path, options, maxBytes);
  }
}

function client(served = true): ApiClient {
  const loaded = loadKubeconfig([sim.kubeconfigPath]);
  assert.ok(loaded.ok);
  return new (served ? ApiClient : OldServerClient)(CONTEXT, loaded.value.forContext(CONTEXT));
}

/** Resolves once `check` holds, probed on each event notification and state change. */
function until(connection: ClusterConnection, check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30_000);
    const probe = (): void => {
      if (!check()) return;
      clearTimeout(timer);
      events.dispose();
      states.dispose();
      resolve();
    };
    const events = connection.events.onDidChange(probe);
    const states = connection.onDidChangeState(probe);
    probe();
  });
}

async function post(path: string, body: unknown): Promise<void> {
  const answer = await client().request(path, { method: 'POST', verb: 'create', resource: 'objects', body });
  assert.ok(answer.ok, answer.ok ? '' : answer.error.message);
  sim.settle();
}

/** A connection watching events only, once their first list is in. */
async function synced(apiClient = client()): Promise<ClusterConnection> {
  const connection = new ClusterConnection({ client: apiClient, namespace: '' });
  connection.start(['events']);
  await until(connection, () => connection.state('events').phase === 'synced', 'the events sync');
  return connection;
}

describe('ClusterConnection events', () => {
  it('watches events.k8s.io/v1 and knows an unschedulable pod\'s FailedScheduling warning', async () => {
    const connection = await synced();
    try {
      await post('/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stuck' }, spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'c', image: 'nginx:1.27' }] } });
      await until(connection, () => connection.events.warningsFor('Pod', 'default', 'stuck').length > 0, 'the FailedScheduling warning');
      const [warning] = connection.events.warningsFor('Pod', 'default', 'stuck');
      assert.equal(warning?.reason, 'FailedScheduling');
      assert.match(warning?.message ?? '', /^0\/2 nodes are available/);
      assert.equal(warning?.source, 'default-scheduler');
      assert.deepEqual(connection.events.recentWarnings(1).map((each) => each.reason), ['FailedScheduling']);
    } finally {
      connection.dispose();
    }
  });

  it('falls back to core/v1 where events.k8s.io is not served', async () => {
    const oldServer = client(false) as OldServerClient;
    const connection = await synced(oldServer);
    try {
      assert.ok(oldServer.paths.some((path) => path.startsWith('/apis/events.k8s.io/v1/events')));
      assert.ok(oldServer.paths.some((path) => path.startsWith('/api/v1/events')));
      assert.equal(connection.events.warningsFor('Pod', 'default', 'stuck')[0]?.reason, 'FailedScheduling');
    } finally {
      connection.dispose();
    }
  });

  it('a 10,000-event burst stays within the bound, with at most 4 notifications a second', async () => {
    const connection = await synced();
    try {
      let notifications = 0;
      connection.events.onDidChange(() => (notifications += 1));
      const started = performance.now();
      const now = new Date().toISOString();
      const type = sim.controllers.types.event;
      for (let index = 0; index < 10_000; index += 1) {
        const pod = `burst-${index % 80}`;
        sim.store.create(type, { apiVersion: 'v1', kind: 'Event', metadata: { name: `${pod}.${index}`, namespace: 'default' }, involvedObject: { kind: 'Pod', namespace: 'default', name: pod }, type: index % 2 === 0 ? 'Warning' : 'Normal', reason: 'BackOff', message: `event ${index}`, firstTimestamp: now, lastTimestamp: now, count: 1 });
      }
      await until(connection, () => connection.events.forObject('Pod', 'default', 'burst-79')[0]?.message === 'event 9999', 'the last event of the burst');
      const seconds = (performance.now() - started) / 1000;
      const { perObject, total } = connection.events.limits;
      // 80 pods × 125 events: each keeps its newest 100 (8,000), the whole cache its newest 5,000.
      assert.equal(connection.events.size, total);
      for (let pod = 0; pod < 80; pod += 1) assert.ok(connection.events.forObject('Pod', 'default', `burst-${pod}`).length <= perObject);
      const newest = Array.from({ length: total }, (_, offset) => 10_000 - total + offset);
      assert.equal(connection.events.forObject('Pod', 'default', 'burst-79').length, newest.filter((index) => index % 80 === 79).length);
      assert.ok(notifications <= Math.ceil(seconds * 4) + 1, `${notifications} notifications in ${seconds.toFixed(2)} s`);
    } finally {
      connection.dispose();
    }
  });
});
