// The kinds listed beside workloads (Ingresses, HPAs, RBAC, storage, ...) against the simulated
// cluster: nothing is asked of the server until a view demands a kind; then it is watched like any
// other, an HPA found by the workload it scales, and a forbidden kind is a state, not a crash.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim/sim.ts';
import { ClusterConnection, type ConnectionChange } from './cluster-connection.ts';
import { connectionUntil } from './connection-until.ts';
import { collectionPath, KINDS } from './kinds.ts';
import { kubeconfigClient } from './kubeconfig-client.ts';

let sim: Sim;
before(async () => {
  sim = await startSim({ nodes: 2, pods: 6, seed: 5, log: () => undefined });
});
after(() => sim.close());

function connect(context = 'kube-workbench-sim', namespace = ''): { connection: ClusterConnection; changes: ConnectionChange[]; until(check: () => boolean, what: string): Promise<void> } {
  const connection = new ClusterConnection({ client: kubeconfigClient(sim.kubeconfigPath, context), namespace });
  const changes: ConnectionChange[] = [];
  connection.onDidChange((change) => changes.push(change));
  const until = (check: () => boolean, what: string): Promise<void> => connectionUntil(connection, check, what);
  connection.start();
  return { connection, changes, until };
}

describe('ClusterConnection: listed kinds on demand', () => {
  it('lists nothing of a kind until demanded, then watches it; an HPA is found by the workload it scales', async () => {
    const { connection, changes, until } = connect();
    const admin = kubeconfigClient(sim.kubeconfigPath);
    try {
      await until(() => connection.state('Deployment').phase === 'synced', 'the Deployments');
      const deployment = [...connection.workloads.Deployment.values()][0]!;
      const { namespace, name } = deployment.meta;
      assert.equal(connection.demanded('HorizontalPodAutoscaler'), false);
      assert.equal(connection.state('HorizontalPodAutoscaler').phase, 'connecting');
      const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: `${name}-hpa`, namespace }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 1, maxReplicas: 5 } };
      const created = await admin.request(collectionPath(KINDS.HorizontalPodAutoscaler, namespace), { method: 'POST', verb: 'create', resource: 'hpa', body: hpa });
      assert.ok(created.ok, created.ok ? '' : created.error.message);
      assert.equal(connection.listed.HorizontalPodAutoscaler.size, 0, 'not listed before demand');
      connection.demand('HorizontalPodAutoscaler');
      connection.demand('HorizontalPodAutoscaler');
      await until(() => connection.autoscalersOf('Deployment', namespace, name).length === 1, 'the HPA by its target');
      assert.equal(connection.state('HorizontalPodAutoscaler').phase, 'synced');
      assert.match(connection.autoscalersOf('Deployment', namespace, name)[0]!.detail, new RegExp(`^Deployment ${name} · 1–5`));
      assert.ok(changes.some((change) => change.resource === 'HorizontalPodAutoscaler'));
      assert.equal(connection.demanded('Ingress'), false, 'other kinds stay unwatched');
    } finally {
      admin.dispose();
      connection.dispose();
    }
  });

  it('keeps a forbidden cluster-scoped kind as an error state, and narrows a namespaced one to the user\'s namespace', async () => {
    const { connection, until } = connect('kube-workbench-sim-team-a', 'team-a');
    try {
      connection.demand('ClusterRole');
      connection.demand('ServiceAccount');
      await until(() => connection.state('ClusterRole').phase === 'error' && connection.state('ServiceAccount').phase === 'synced', 'ClusterRoles forbidden, ServiceAccounts listed');
      assert.equal(connection.state('ClusterRole').error?.kind, 'forbidden');
      assert.match(connection.state('ClusterRole').error?.message ?? '', /clusterroles/);
      assert.equal(connection.narrowedTo('ServiceAccount'), 'team-a');
      assert.deepEqual(connection.listed.ServiceAccount.indexValues('namespace'), ['team-a']);
    } finally {
      connection.dispose();
    }
  });
});
