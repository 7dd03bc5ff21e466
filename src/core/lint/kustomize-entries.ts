// What a kustomization names, with where it names it: the CLI reads the files it lists, and findings on
// the rendered output that cannot be traced to a resource point back at these entries.
import type { Range } from '../yaml/types.ts';
import type { LintFile } from './types.ts';
import { asList, asMapping, asText, type Mapping } from './values.ts';

/** A resource file or folder (`resources`, `bases`, `components`): its path as written. */
export interface ResourceEntry {
  readonly path: string;
  readonly range: Range;
}

/** Which objects a `patches` entry applies to; an absent field matches any. */
export interface PatchTarget {
  readonly kind: string | undefined;
  /** A regular expression, anchored, as kustomize reads it. */
  readonly name: string | undefined;
}

/** A patch: a file (`path`) or inline text (`patch`), and the entry's place in the kustomization. */
export interface PatchEntry {
  readonly path: string | undefined;
  readonly inline: string | undefined;
  readonly target: PatchTarget | undefined;
  readonly range: Range;
}

/** A ConfigMap or Secret generator: its objects are named `name` plus a content hash. */
export interface GeneratorEntry {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly range: Range;
}

export interface KustomizationEntries {
  readonly resources: readonly ResourceEntry[];
  readonly patches: readonly PatchEntry[];
  readonly generators: readonly GeneratorEntry[];
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly namespace: string | undefined;
  /** Where an object that cannot be traced points: the `resources` key, else the first key. */
  readonly fallback: Range;
}

/** The entries of a kustomization file (its first mapping document). */
export function kustomizationEntries(file: LintFile): KustomizationEntries {
  const { positions } = file.parsed;
  const document = file.parsed.documents.find((candidate) => asMapping(candidate.value) !== undefined);
  const root: Mapping = asMapping(document?.value) ?? {};
  const listed = (key: string) => asList(root[key]).map((item, index) => ({ item, range: positions.valueRange(root[key], index) ?? zero }));
  const resources = ['resources', 'bases', 'components'].flatMap((key) =>
    listed(key).flatMap(({ item, range }) => (typeof item === 'string' ? [{ path: item, range }] : [])),
  );
  const patches: PatchEntry[] = [];
  // A patchesStrategicMerge item is a file name, or a whole patch inline (YAML: a line break or `key: `).
  for (const { item, range } of listed('patchesStrategicMerge')) {
    if (typeof item === 'string') patches.push(/\n|:\s/.test(item) ? { path: undefined, inline: item, target: undefined, range } : { path: item, inline: undefined, target: undefined, range });
  }
  for (const key of ['patches', 'patchesJson6902']) {
    for (const { item, range } of listed(key)) {
      const entry = asMapping(item);
      if (entry === undefined) continue;
      const path = asText(entry.path);
      const target = asMapping(entry.target);
      patches.push({
        path,
        inline: asText(entry.patch),
        target: target === undefined ? undefined : { kind: asText(target.kind), name: asText(target.name) },
        range: positions.valueRange(entry, path === undefined ? 'patch' : 'path') ?? range,
      });
    }
  }
  const generators = (['ConfigMap', 'Secret'] as const).flatMap((kind) =>
    listed(`${kind.charAt(0).toLowerCase()}${kind.slice(1)}Generator`).flatMap(({ item, range }) => {
      const name = asText(asMapping(item)?.name);
      return name === undefined ? [] : [{ kind, name, range: positions.valueRange(item, 'name') ?? range }];
    }),
  );
  return {
    resources,
    patches,
    generators,
    namePrefix: asText(root.namePrefix) ?? '',
    nameSuffix: asText(root.nameSuffix) ?? '',
    namespace: asText(root.namespace),
    fallback: positions.keyRange(root, 'resources') ?? document?.firstNode ?? zero,
  };
}

const zero: Range = { start: 0, end: 0 };

/** Whether an entry names a remote base (a URL, a git host path, a ref): not a file to read or link. */
export const isRemotePath = (path: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/|^(?:github\.com|gitlab\.com|bitbucket\.org)\/|\?ref=/i.test(path);
