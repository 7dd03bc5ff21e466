/** Discovery documents (/version, /api, /apis, APIResourceLists) built from the catalogue. */
import { apiVersionOf, type Catalog, type ResourceType } from './resources.ts';
import { pathNotFound } from './status.ts';

/** The Kubernetes version the sim claims: kubectl 1.32 is our reference client (RUNTIME.md). */
export const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0-kube-workbench-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-25T00:00:00Z',
  goVersion: 'go1.23.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** The address clients are told to use for the API (serverAddressByClientCIDRs). */
function addresses(host: string): { clientCIDR: string; serverAddress: string }[] {
  return [{ clientCIDR: '0.0.0.0/0', serverAddress: host }];
}

export function coreVersions(host: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: addresses(host) };
}

function groupsOf(catalog: Catalog): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const type of catalog.all()) {
    if (type.group === '') continue;
    const versions = groups.get(type.group) ?? new Set<string>();
    versions.add(type.version);
    groups.set(type.group, versions);
  }
  return groups;
}

function groupDocument(group: string, versions: Set<string>): Record<string, unknown> {
  const list = [...versions].map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: list, preferredVersion: list[0] };
}

export function groupList(catalog: Catalog): Record<string, unknown> {
  const groups = [...groupsOf(catalog)].map(([group, versions]) => groupDocument(group, versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

export function group(catalog: Catalog, name: string): Record<string, unknown> {
  const versions = groupsOf(catalog).get(name);
  if (versions === undefined) throw pathNotFound();
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(name, versions) };
}

function entry(type: ResourceType): Record<string, unknown> {
  return {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: type.verbs,
    ...(type.shortNames.length > 0 ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length > 0 ? { categories: type.categories } : {}),
  };
}

const subresourceVerbs: Record<string, { kind: string; verbs: string[]; group?: string; version?: string }> = {
  log: { kind: 'Pod', verbs: ['get'] },
  status: { kind: '', verbs: ['get', 'patch', 'update'] },
  scale: { kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' },
  eviction: { kind: 'Eviction', verbs: ['create'], group: 'policy', version: 'v1' },
  token: { kind: 'TokenRequest', verbs: ['create'], group: 'authentication.k8s.io', version: 'v1' },
  portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
  attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
};

export function resourceList(catalog: Catalog, groupName: string, version: string): Record<string, unknown> {
  const types = catalog.all().filter((type) => type.group === groupName && type.version === version);
  if (types.length === 0) throw pathNotFound();
  const resources = types.flatMap((type) => [
    entry(type),
    ...type.subresources.map((name) => {
      const sub = subresourceVerbs[name] ?? { kind: type.kind, verbs: ['get'] };
      return {
        name: `${type.plural}/${name}`,
        singularName: '',
        namespaced: type.namespaced,
        kind: sub.kind === '' ? type.kind : sub.kind,
        verbs: sub.verbs,
        ...(sub.group === undefined ? {} : { group: sub.group, version: sub.version }),
      };
    }),
  ]);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group: groupName, version }), resources };
}
