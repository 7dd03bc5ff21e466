// The cluster service's live cache against the simulated cluster: paged list, watch, resume after a
// dropped watch, relist on 410 Gone, back-off on 429, and 401 as a state.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { jobFromCronJob } from '../core/manifests/job-from-cronjob.ts';
import { crdManifest } from '../sim/crd-manifest.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { ApiClient } from './api-client.ts';
import { ClusterConnection, customKey, type WatchedResource } from './cluster-connection.ts';
import { connectionUntil } from './connection-until.ts';
import { loadKubeconfig } from './kubeconfig-loader.ts';

const CONTEXT = 'kube-workbench-sim';
let sim: Sim;

before(async () => {
  sim = await startSim({ nodes: 3, pods: 12, seed: 7, log: () => undefined });
});
after(() => sim.close());

function client(kubeconfigPath = sim.kubeconfigPath, context = CONTEXT): ApiClient {
  const loaded = loadKubeconfig([kubeconfigPath]);
  assert.ok(loaded.ok);
  return new ApiClient(context, loaded.value.forContext(context));
}

interface Harness {
  readonly connection: ClusterConnection;
  readonly waits: number[];
  /** Resolves once `check` holds, re-checked on every change and state event. */
  until(check: () => boolean, what: string): Promise<void>;
}

function connect(apiClient = client(), pageSize = 500, namespace = ''): Harness {
  const waits: number[] = [];
  const connection = new ClusterConnection({
    client: apiClient,
    namespace,
    // Back-off waits are recorded, not slept: the tests check the amounts.
    reflectorOverrides: { pageSize, sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
  });
  const until = (check: () => boolean, what: string): Promise<void> => connectionUntil(connection, check, what);
  connection.start();
  return { connection, waits, until };
}

const synced = (connection: ClusterConnection, ...resources: WatchedResource[]) => () =>
  resources.every((resource) => connection.state(resource).phase === 'synced');

async function createPod(name: string): Promise<void> {
  const created = await client().request('/api/v1/namespaces/default/pods', {
    method: 'POST',
    verb: 'create',
    resource: 'pods',
    body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
  });
  assert.ok(created.ok, created.ok ? '' : created.error.message);
}

describe('ClusterConnection against the simulated cluster', () => {
  it('lists every page, then indexes pods by node', async () => {
    const { connection, until } = connect(client(), 5);
    try {
      await until(synced(connection, 'nodes', 'pods', 'leases'), 'the first sync');
      const listed = await client().request('/api/v1/pods', { verb: 'list', resource: 'pods' });
      assert.ok(listed.ok);
      const expected = (listed.value as { items: unknown[] }).items.length;
      assert.ok(expected > 5, 'more pods than one page');
      assert.equal(connection.pods.size, expected);
      assert.equal(connection.nodes.size, 3);
      await until(() => connection.serverVersion !== undefined, 'the server version');
      assert.match(connection.serverVersion ?? '', /^v1\.32\./);
      assert.equal(connection.skew, undefined);
      assert.equal(connection.leases.size, 3);
      const perNode = [...connection.nodes.values()].reduce((sum, node) => sum + connection.pods.countByIndex('node', node.meta.name), 0);
      const bound = [...connection.pods.values()].filter((pod) => pod.nodeName !== '').length;
      assert.equal(perNode, bound);
    } finally {
      connection.dispose();
    }
  });

  it('follows creates and deletes through the watch', async () => {
    const { connection, until } = connect();
    try {
      await until(synced(connection, 'pods'), 'pods synced');
      const types: string[] = [];
      const seen = connection.onDidChange((change) => {
        if (change.resource !== 'pods' || change.type === 'relisted' || change.item.meta.name !== 'watched-pod') return;
        types.push(change.type);
        if (change.type === 'modified') assert.equal(change.previous.meta.name, 'watched-pod');
      });
      await createPod('watched-pod');
      await until(() => connection.pods.get('default', 'watched-pod') !== undefined, 'the new pod');
      const deleted = await client().request('/api/v1/namespaces/default/pods/watched-pod', { method: 'DELETE', verb: 'delete', resource: 'pods' });
      assert.ok(deleted.ok);
      await until(() => connection.pods.get('default', 'watched-pod') === undefined, 'the pod gone');
      seen.dispose();
      // The kubelet's status updates arrive as modifications in between.
      assert.equal(types[0], 'added');
      assert.equal(types.at(-1), 'deleted');
      assert.ok(types.slice(1, -1).every((type) => type === 'modified'), types.join(', '));
    } finally {
      connection.dispose();
    }
  });

  it('indexes pods by the workload that owns them: "web" and "web-api" each get only their own', async () => {
    const { connection, until } = connect();
    try {
      for (const [name, replicas] of [['web', 2], ['web-api', 1]] as const) {
        const labels = { app: name };
        const created = await client().request('/apis/apps/v1/namespaces/default/deployments', {
          method: 'POST',
          verb: 'create',
          resource: 'deployments',
          body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } },
        });
        assert.ok(created.ok, created.ok ? '' : created.error.message);
      }
      const names = (name: string): string[] => connection.podsOwnedBy('Deployment', 'default', name).map((pod) => pod.meta.name);
      await until(() => names('web').length === 2 && names('web-api').length === 1, 'two pods of web and one of web-api');
      assert.ok(names('web').every((pod) => pod.startsWith('web-') && !pod.startsWith('web-api-')), names('web').join(', '));
      assert.match(names('web-api')[0]!, /^web-api-/);
    } finally {
      connection.dispose();
    }
  });

  it("finds a CronJob's pods through its Jobs, and none of a Job another CronJob made", async () => {
    const { connection, until } = connect();
    try {
      const template = { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 30'] }] } } } };
      for (const name of ['nightly', 'nightly-extra']) {
        const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name, namespace: 'default' }, spec: { schedule: '0 0 1 1 *', jobTemplate: template } };
        const created = await client().request('/apis/batch/v1/namespaces/default/cronjobs', { method: 'POST', verb: 'create', resource: 'cronjobs', body: cronJob });
        assert.ok(created.ok, created.ok ? '' : created.error.message);
        const job = await client().request('/apis/batch/v1/namespaces/default/jobs', { method: 'POST', verb: 'create', resource: 'jobs', body: jobFromCronJob(created.value as Record<string, unknown>, Date.parse('2026-01-01T00:00:00Z')) });
        assert.ok(job.ok, job.ok ? '' : job.error.message);
      }
      const names = (cronJob: string): string[] => connection.podsOwnedBy('CronJob', 'default', cronJob).map((pod) => pod.meta.name);
      await until(() => names('nightly').length === 1 && names('nightly-extra').length === 1, "each CronJob's pod");
      assert.deepEqual(connection.jobsOf('default', 'nightly').map((job) => job.meta.name), ['nightly-manual-t85s00']);
      assert.match(names('nightly')[0]!, /^nightly-manual-t85s00-/);
      assert.match(names('nightly-extra')[0]!, /^nightly-extra-manual-/);
    } finally {
      connection.dispose();
    }
  });

  it('resumes after the server drops every watch, missing nothing', async () => {
    const { connection, until } = connect();
    try {
      await until(synced(connection, 'pods'), 'pods synced');
      sim.applyFault({ type: 'dropWatches' });
      await createPod('after-drop');
      await until(() => connection.pods.get('default', 'after-drop') !== undefined, 'the pod created after the drop');
    } finally {
      connection.dispose();
    }
  });

  it('relists when the watch answers 410 Gone', async () => {
    const { connection, until } = connect();
    try {
      await until(synced(connection, 'pods', 'nodes', 'leases'), 'first sync');
      let relists = 0;
      // Whichever watch reconnects first gets the 410 and relists.
      const counter = connection.onDidChange((change) => void (change.type === 'relisted' && (relists += 1)));
      sim.applyFault({ type: 'goneNextWatch' });
      sim.applyFault({ type: 'dropWatches' });
      await createPod('after-gone');
      await until(() => connection.pods.get('default', 'after-gone') !== undefined && relists > 0, 'a relist, and the new pod');
      await until(synced(connection, 'pods', 'nodes', 'leases'), 'synced again');
      counter.dispose();
    } finally {
      connection.dispose();
    }
  });

  it('waits for Retry-After on 429, reporting the throttled state, then syncs', async () => {
    sim.applyFault({ type: 'throttle', count: 3, retryAfterSeconds: 2 });
    const { connection, waits, until } = connect();
    const seen = new Set<string>();
    const states = connection.onDidChangeState((resource) => {
      if (resource === 'version') return;
      const kind = connection.state(resource).error?.kind;
      if (kind !== undefined) seen.add(kind);
    });
    try {
      await until(synced(connection, 'nodes', 'pods', 'leases', 'Deployment'), 'sync after throttling');
      assert.ok(seen.has('throttled'));
      assert.ok(waits.length >= 1 && waits.every((ms) => ms >= 2000), `waits ${waits.join(', ')}`);
    } finally {
      states.dispose();
      connection.dispose();
      sim.applyFault({ type: 'clear' });
    }
  });

  it('waits at most the longest back-off however long Retry-After says, never overflowing the timer', async () => {
    // The version read takes one of the 429s; the node and lease lists the others.
    sim.applyFault({ type: 'throttle', count: 3, retryAfterSeconds: 10_000_000 });
    const { connection, waits, until } = connect();
    try {
      await until(synced(connection, 'nodes', 'leases'), 'sync after throttling');
      assert.ok(waits.length >= 1 && waits.every((ms) => ms === 30_000), `waits ${waits.join(', ')}`);
    } finally {
      connection.dispose();
      sim.applyFault({ type: 'clear' });
    }
  });

  it('follows CustomResourceDefinitions: their objects are watched while the CRD exists', async () => {
    const { connection, until } = connect();
    const api = client();
    try {
      await until(synced(connection, 'crds'), 'CRDs synced');
      const crd = await api.request('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
        method: 'POST',
        verb: 'create',
        resource: 'customresourcedefinitions',
        body: crdManifest('acme.io', 'Widget', 'widgets'),
      });
      assert.ok(crd.ok, crd.ok ? '' : crd.error.message);
      const key = customKey('acme.io', 'widgets');
      await until(() => connection.state(key).phase === 'synced', 'the widgets reflector');
      const created = await api.request('/apis/acme.io/v1/namespaces/default/widgets', {
        method: 'POST',
        verb: 'create',
        resource: 'widgets',
        body: { apiVersion: 'acme.io/v1', kind: 'Widget', metadata: { name: 'sprocket' }, spec: { size: 3 } },
      });
      assert.ok(created.ok, created.ok ? '' : created.error.message);
      await until(() => connection.customResources.get(key)?.store.get('default', 'sprocket') !== undefined, 'the widget');
      assert.equal(connection.customResources.get(key)?.crd.kind, 'Widget');
      const deleted = await api.request('/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.acme.io', { method: 'DELETE', verb: 'delete', resource: 'customresourcedefinitions' });
      assert.ok(deleted.ok);
      await until(() => !connection.customResources.has(key), 'the widgets to be dropped with their CRD');
    } finally {
      connection.dispose();
    }
  });

  it('shows a user confined to one namespace what it may see: 403 on nodes, its namespace\'s pods and workloads', async () => {
    const { connection, until } = connect(client(sim.kubeconfigPath, 'kube-workbench-sim-team-a'), 500, 'team-a');
    try {
      await until(() => connection.state('nodes').phase === 'error' && synced(connection, 'pods', 'Deployment')(), 'nodes forbidden, pods and Deployments synced');
      const error = connection.state('nodes').error;
      assert.equal(error?.kind, 'forbidden');
      assert.match(error?.message ?? '', /not allowed to list nodes in context "kube-workbench-sim-team-a"/);
      assert.equal(connection.narrowedTo('pods'), 'team-a');
      assert.ok(connection.pods.size > 0, 'team-a has pods');
      assert.deepEqual(connection.pods.indexValues('namespace'), ['team-a']);
      assert.deepEqual(connection.workloads.Deployment.indexValues('namespace'), ['team-a']);
    } finally {
      connection.dispose();
    }
  });

  it('reports rejected credentials as an unauthorised state, without the token', async () => {
    const loaded = loadKubeconfig([sim.kubeconfigPath]);
    assert.ok(loaded.ok);
    const badPath = `${sim.kubeconfigPath}.bad`;
    writeFileSync(badPath, loaded.value.forContext(CONTEXT).exportConfig().replaceAll(sim.tokens.admin, 'wrong-token-123'));
    const { connection, until } = connect(client(badPath));
    try {
      await until(() => connection.state('nodes').phase === 'error', 'the error state');
      const error = connection.state('nodes').error;
      assert.equal(error?.kind, 'unauthorized');
      assert.match(error?.message ?? '', /credentials of context "kube-workbench-sim" were rejected/);
      assert.ok(!(error?.message ?? '').includes('wrong-token-123'));
    } finally {
      connection.dispose();
    }
  });

  it('reports a server that is not there as unreachable', async () => {
    const loaded = loadKubeconfig([sim.kubeconfigPath]);
    assert.ok(loaded.ok);
    const deadPath = `${sim.kubeconfigPath}.dead`;
    writeFileSync(deadPath, loaded.value.forContext(CONTEXT).exportConfig().replace(sim.url, 'https://127.0.0.1:1'));
    const { connection, until } = connect(client(deadPath));
    try {
      await until(() => connection.state('nodes').phase === 'error', 'the error state');
      assert.equal(connection.state('nodes').error?.kind, 'unreachable');
      assert.match(connection.state('nodes').error?.message ?? '', /cannot reach context "kube-workbench-sim"/);
    } finally {
      connection.dispose();
    }
  });
});
