/** Serves the custom resources of each CustomResourceDefinition: its types enter the catalogue, and leave with it. */
import { customSchema } from './crd-schema.ts';
import { printerColumnsOf } from './crd-table.ts';
import type { KubeObject } from './objects.ts';
import { conditionOf, isObject } from './objects.ts';
import type { Catalog, ResourceType } from './resources.ts';
import { bundledSchema } from './schema-validation.ts';
import type { Store } from './store.ts';

interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { kind: string; plural: string; singular?: string; shortNames?: string[]; categories?: string[] };
  versions: { name: string; served: boolean; subresources?: { status?: unknown; scale?: unknown }; additionalPrinterColumns?: unknown }[];
}

function typesOf(crd: KubeObject): ResourceType[] {
  const spec = crd['spec'] as CrdSpec | undefined;
  if (!isObject(spec) || !isObject(spec.names) || !Array.isArray(spec.versions)) return [];
  return spec.versions
    .filter((version) => version.served)
    .map((version) => ({
      group: spec.group,
      version: version.name,
      kind: spec.names.kind,
      plural: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      namespaced: spec.scope !== 'Cluster',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: spec.names.shortNames ?? [],
      categories: spec.names.categories ?? [],
      subresources: [...(version.subresources?.status === undefined ? [] : ['status']), ...(version.subresources?.scale === undefined ? [] : ['scale'])],
      printerColumns: printerColumnsOf(version),
      schema: customSchema(crd, bundledSchema, `${spec.group}/${version.name}`, spec.names.kind, version),
    }));
}

export function registerCrds(store: Store, catalog: Catalog, crdType: ResourceType, timestamp: () => string): void {
  store.subscribe((event) => {
    if (event.resource !== crdType) return;
    const types = typesOf(event.object);
    if (event.type === 'DELETED') {
      for (const type of types) {
        for (const { object } of [...store.scan(type)]) store.delete(type, object.metadata.namespace, object.metadata.name ?? '');
        catalog.remove(type);
      }
      return;
    }
    for (const type of types) catalog.add(type);
    const status = (event.object['status'] ?? {}) as { conditions?: [] };
    if (conditionOf(status.conditions, 'Established')?.status === 'True') return;
    const now = timestamp();
    const spec = event.object['spec'] as CrdSpec;
    store.update(crdType, {
      ...event.object,
      status: {
        conditions: [
          { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: now },
          { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: now },
        ],
        acceptedNames: spec.names,
        storedVersions: spec.versions.map((version) => version.name).slice(0, 1),
      },
    });
  });
}
