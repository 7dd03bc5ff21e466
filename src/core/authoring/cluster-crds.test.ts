import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterCrdsWanted, crdSchemaPart } from './cluster-crds.ts';
import { hoverAt } from './hover.ts';
import { loadVersionedSchemas } from './load-schema-data.ts';

const served = [
  { name: 'widgets.example.com', group: 'example.com', kind: 'Widget' },
  { name: 'gadgets.example.com', group: 'example.com', kind: 'Gadget' },
  { name: 'widgets.other.io', group: 'other.io', kind: 'Widget' },
];
const workspaceGadget = { kind: 'CustomResourceDefinition', spec: { group: 'example.com', names: { kind: 'Gadget' } } };

describe('CRD schemas from the cluster', () => {
  it('wants the served CRD of each custom kind the documents use, unless a workspace CRD defines it', () => {
    const documents = [{ apiVersion: 'example.com/v1', kind: 'Widget' }, { apiVersion: 'example.com/v2', kind: 'Gadget' }, { apiVersion: 'apps/v1', kind: 'Deployment' }, null, 'text'];
    assert.deepEqual(clusterCrdsWanted(documents, [workspaceGadget], served).map((crd) => crd.name), ['widgets.example.com']);
    assert.deepEqual(clusterCrdsWanted(documents, [], served).map((crd) => crd.name), ['widgets.example.com', 'gadgets.example.com']);
    assert.deepEqual(clusterCrdsWanted([{ apiVersion: 'v1', kind: 'ConfigMap' }], [], served), []);
  });

  it('keeps what completion and hover read of a fetched CRD, and the hover reads it', async () => {
    const fetched = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com', managedFields: [{ manager: 'kubectl' }] },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', description: 'How many sprockets.' } } } } } } }] },
      status: { acceptedNames: { kind: 'Widget' } },
    };
    const part = crdSchemaPart(fetched);
    assert.doesNotMatch(JSON.stringify(part), /managedFields|acceptedNames|plural/);
    const text = 'apiVersion: example.com/v1\nkind: Widget\nspec:\n  size: 3\n';
    const hover = hoverAt({ text, offset: text.indexOf('size') + 1, schemas: await loadVersionedSchemas(), version: '1.34', crds: [part] });
    assert.match(hover?.markdown ?? '', /How many sprockets\./);
  });
});
