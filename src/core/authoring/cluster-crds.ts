// CRD schemas from the connected cluster, for custom resources the workspace has no CRD file for: which
// of the cluster's CRDs a document needs, and the part of a fetched CRD that completion and hover read.
import { apiGroup } from '../lint/objects.ts';
import { asList, asMapping, asText, valueAt } from '../lint/values.ts';

/** A CRD the cluster serves, as its cache knows it (no schema: that is fetched when a document needs it). */
export interface ServedCrd {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
}

const groupKind = (group: string, kind: string): string => `${group}/${kind}`;

/** The served CRDs whose schemas these documents' custom kinds need: those no workspace CRD defines. */
export function clusterCrdsWanted(documents: readonly unknown[], workspaceCrds: readonly unknown[], served: readonly ServedCrd[]): ServedCrd[] {
  const defined = new Set(workspaceCrds.map((crd) => groupKind(asText(valueAt(crd, 'spec', 'group')) ?? '', asText(valueAt(crd, 'spec', 'names', 'kind')) ?? '')));
  const used = new Set(
    documents.flatMap((document) => {
      const kind = asText(asMapping(document)?.kind);
      const apiVersion = asText(asMapping(document)?.apiVersion);
      return kind === undefined || apiVersion === undefined ? [] : [groupKind(apiGroup(apiVersion), kind)];
    }),
  );
  return served.filter((crd) => used.has(groupKind(crd.group, crd.kind)) && !defined.has(groupKind(crd.group, crd.kind)));
}

/** Of a CRD read from the API (managedFields, status, annotations...), what completion and hover read: group, kind, each version's name and schema. */
export function crdSchemaPart(crd: unknown): unknown {
  const spec = asMapping(valueAt(crd, 'spec'));
  return {
    kind: 'CustomResourceDefinition',
    spec: {
      group: asText(spec?.group),
      names: { kind: asText(valueAt(spec, 'names', 'kind')) },
      versions: asList(spec?.versions).map((version) => ({ name: asText(valueAt(version, 'name')), schema: { openAPIV3Schema: valueAt(version, 'schema', 'openAPIV3Schema') } })),
    },
  };
}
