import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ClusterService } from '../../cluster/cluster-service.ts';
import { crdManifest } from '../../sim/crd-manifest.ts';
import { contextName } from '../../sim/kubeconfig.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { ClusterCrdSchemas } from './cluster-crd-schemas.ts';

describe('CRD schemas read from the connected cluster', () => {
  let sim: Sim;
  let service: ClusterService;
  const holder = (connected: boolean) => ({ peek: () => (connected ? service : undefined) }) as unknown as ClusterServiceHolder;
  const backup = { apiVersion: 'backup.example.io/v1', kind: 'Backup' };

  before(async () => {
    sim = await startSim({ nodes: 1, pods: 0, seed: 15, log: () => undefined });
    service = new ClusterService({ kubeconfigPaths: () => [sim.kubeconfigPath] });
    const connection = service.connect(contextName)!;
    const crd = crdManifest('backup.example.io', 'Backup', 'backups');
    (crd['spec'] as { versions: { schema: unknown }[] }).versions[0]!.schema = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', description: 'What to keep.' } } } };
    assert.ok((await connection.operations.apply(crd, { fieldManager: 'test', force: true, dryRun: false })).ok);
    await new Promise<void>((resolve) => {
      const listed = () => [...connection.crds.values()].some((served) => served.kind === 'Backup');
      const subscription = connection.onDidChange(() => {
        if (!listed()) return;
        subscription.dispose();
        resolve();
      });
      if (listed()) resolve();
    });
  });

  after(async () => {
    service.dispose();
    await sim.close();
  });

  it('reads the schema of a custom kind a document uses, once, keeping only its schema part', async () => {
    const schemas = new ClusterCrdSchemas(holder(true));
    const [first] = await schemas.schemas([backup], []);
    assert.deepEqual(first, {
      kind: 'CustomResourceDefinition',
      spec: { group: 'backup.example.io', names: { kind: 'Backup' }, versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', description: 'What to keep.' } } } } }] },
    });
    const [again] = await schemas.schemas([backup, { apiVersion: 'v1', kind: 'ConfigMap' }], []);
    assert.equal(again, first, 'kept, not read again');
  });

  it('reads nothing when the workspace defines the kind, the document uses no custom kind, or nothing is connected', async () => {
    const workspaceCrd = { kind: 'CustomResourceDefinition', spec: { group: 'backup.example.io', names: { kind: 'Backup' } } };
    assert.deepEqual(await new ClusterCrdSchemas(holder(true)).schemas([backup], [workspaceCrd]), []);
    assert.deepEqual(await new ClusterCrdSchemas(holder(true)).schemas([{ apiVersion: 'apps/v1', kind: 'Deployment' }], []), []);
    assert.deepEqual(await new ClusterCrdSchemas(holder(false)).schemas([backup], []), []);
  });
});
