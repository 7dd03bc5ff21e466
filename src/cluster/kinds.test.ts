// The kind table against the simulated cluster's discovery: every kind is served where the table says,
// with the scope it says, and its paths answer; a CRD's kind path too. And every resource the
// connection watches comes from the table.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { slimCrd } from '../core/cluster/custom-resource-model.ts';
import { crdManifest } from '../sim/crd-manifest.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import type { ApiClient } from './api-client.ts';
import { collectionPath, crdKindPath, KINDS, kindPath, objectPath, type KindPath } from './kinds.ts';
import { kubeconfigClient } from './kubeconfig-client.ts';
import { LISTED_KINDS } from '../core/cluster/listed-kinds.ts';
import { crdType, leaseType, listedType, nodeType, podType, workloadTypes } from './resource-types.ts';

let sim: Sim;
let client: ApiClient;
before(async () => {
  sim = await startSim({ nodes: 2, pods: 4, seed: 3, log: () => undefined });
  client = kubeconfigClient(sim.kubeconfigPath);
});
after(async () => {
  client.dispose();
  await sim.close();
});

const get = (path: string) => client.request(path, { verb: 'get', resource: path });

interface DiscoveredResource {
  readonly name: string;
  readonly namespaced: boolean;
}

const createOnly = new Set(['SelfSubjectAccessReview']);

async function assertServed(name: string, kind: KindPath): Promise<void> {
  const groupVersion = kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
  const discovery = await get(groupVersion);
  assert.ok(discovery.ok, `${name}: ${discovery.ok ? '' : discovery.error.message}`);
  const resources = (discovery.value as { resources: DiscoveredResource[] }).resources;
  const served = resources.find((resource) => resource.name === kind.plural);
  assert.equal(served?.namespaced, kind.namespaced, `${name}: ${kind.plural} served by ${groupVersion} with that scope`);
  // Reviews are only ever created: there is no collection to list.
  if (createOnly.has(name)) return;
  for (const path of [collectionPath(kind), collectionPath(kind, 'default')]) {
    const listed = await get(path);
    assert.ok(listed.ok, `${name}: ${path}: ${listed.ok ? '' : listed.error.message}`);
    assert.ok(Array.isArray((listed.value as { items?: unknown }).items), `${name}: ${path} answers a list`);
  }
}

describe('the kind table', () => {
  it('names every kind where the server serves it, and each collection path answers 200', async () => {
    for (const [name, kind] of Object.entries(KINDS)) await assertServed(name, kind);
  });

  it('reaches one object by its path, with the namespace only for namespaced kinds', async () => {
    assert.equal(collectionPath(KINDS.Node, 'default'), '/api/v1/nodes');
    assert.equal(objectPath(KINDS.Deployment, 'shop', 'web'), '/apis/apps/v1/namespaces/shop/deployments/web');
    const node = await get(objectPath(KINDS.Node, '', 'node-0001'));
    assert.ok(node.ok, node.ok ? '' : node.error.message);
    assert.equal((node.value as { metadata: { name: string } }).metadata.name, 'node-0001');
  });

  it('builds a custom resource\'s path from its CRD, the same shape as a built-in kind', async () => {
    const created = await client.request(collectionPath(KINDS.CustomResourceDefinition), { method: 'POST', verb: 'create', resource: 'crds', body: crdManifest('acme.io', 'Gadget', 'gadgets') });
    assert.ok(created.ok, created.ok ? '' : created.error.message);
    const kind = crdKindPath(slimCrd(created.value));
    assert.deepEqual(kind, { group: 'acme.io', version: 'v1', plural: 'gadgets', namespaced: true });
    await assertServed('Gadget', kind);
  });

  it('knows only its own kinds: no prototype member is a kind', () => {
    assert.equal(kindPath('Deployment'), KINDS.Deployment);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'Widget']) assert.equal(kindPath(name), undefined, name);
  });

  it('is where every resource the connection watches comes from', () => {
    const kinds = Object.values(KINDS);
    for (const type of [nodeType, podType, leaseType, crdType, ...Object.values(workloadTypes), ...LISTED_KINDS.map(listedType)]) {
      const { group, version, plural, namespaced } = type;
      assert.ok(kinds.some((kind) => isDeepStrictEqual(kind, { group, version, plural, namespaced })), `${group}/${plural}`);
    }
  });
});
