// The schemas of the connected cluster's CRDs for completion and hover on custom resources the workspace
// has no CRD file for. The cache lists CRDs without their schemas (they can be large): a CRD is read
// when a document first needs it, once per resourceVersion, and only its schema part is kept.
import { clusterCrdsWanted, crdSchemaPart } from '../../core/authoring/cluster-crds.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { connected } from './cluster-authoring.ts';

/** A completion waits this long for a CRD's first read; a slow cluster leaves it without the schema this time. */
const READ_TIMEOUT_MS = 3_000;
/** Schemas kept: one per custom kind being edited, so a bound that is never reached in practice. */
const MAX_KEPT = 64;

export class ClusterCrdSchemas {
  private readonly clusters: ClusterServiceHolder;
  /** `context name@resourceVersion` → the CRD's schema part, or undefined when the read failed. */
  private readonly kept = new Map<string, Promise<unknown>>();

  constructor(clusters: ClusterServiceHolder) {
    this.clusters = clusters;
  }

  /** The cluster CRDs (schema parts) these documents' custom kinds need beyond the workspace's CRDs. */
  async schemas(documents: readonly unknown[], workspaceCrds: readonly unknown[]): Promise<unknown[]> {
    const connection = connected(this.clusters);
    if (connection === undefined) return [];
    const served = [...connection.crds.values()].map((crd) => ({ name: crd.meta.name, group: crd.group, kind: crd.kind, resourceVersion: crd.meta.resourceVersion }));
    const wanted = clusterCrdsWanted(documents, workspaceCrds, served) as typeof served;
    const read = await Promise.all(
      wanted.map((crd) => {
        const key = `${connection.context} ${crd.name}@${crd.resourceVersion}`;
        let schema = this.kept.get(key);
        if (schema === undefined) {
          schema = connection.operations.get({ kind: 'CustomResourceDefinition', name: crd.name, namespace: '' }, AbortSignal.timeout(READ_TIMEOUT_MS)).then((result) => {
            // A failed read is not kept: the next completion tries again.
            if (!result.ok) this.kept.delete(key);
            return result.ok ? crdSchemaPart(result.value) : undefined;
          });
          this.kept.set(key, schema);
          if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
        }
        return schema;
      }),
    );
    return read.filter((schema) => schema !== undefined);
  }
}
