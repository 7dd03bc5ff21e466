import type { Positions } from '../yaml/positions.ts';
import type { Range, YamlDocument } from '../yaml/types.ts';
import type { KubeObject, LintFile, SetObject } from './types.ts';
import { asList, asMapping, asText, type Mapping, valueAt } from './values.ts';

/** The API group of an apiVersion: '' for the core group ("v1"). */
export function apiGroup(apiVersion: string | undefined): string {
  if (apiVersion === undefined) return '';
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Whether an object is a list whose `items` are objects of their own (kubectl accepts `List` and `*List`). */
function isList(value: Mapping): boolean {
  const kind = asText(value.kind);
  return kind !== undefined && kind.endsWith('List') && Array.isArray(value.items);
}

/** The objects of a parsed file: each valid document's root mapping, with `List` items expanded. */
export function objectsOf(file: LintFile): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of file.parsed.documents) {
    if (document.error !== undefined) continue;
    const root = asMapping(document.value);
    if (root === undefined) continue;
    if (isList(root)) {
      for (const item of asList(root.items)) {
        const mapping = asMapping(item);
        if (mapping !== undefined) objects.push(makeObject(file, document, mapping));
      }
    } else {
      objects.push(makeObject(file, document, root));
    }
  }
  return objects;
}

function makeObject(file: LintFile, document: YamlDocument, value: Mapping): KubeObject {
  const positions = file.parsed.positions;
  return { ...setObject(file.path, value, namedAt(positions, document, value)), file, document, positions };
}

/** An object of the set from its file's path, its value and where it is named: all the CLI's other workers get of it. */
export function setObject(path: string, value: Mapping, range: Range): SetObject {
  const apiVersion = asText(value.apiVersion);
  return {
    path,
    value,
    apiVersion,
    kind: asText(value.kind),
    group: apiGroup(apiVersion),
    name: asText(valueAt(value, 'metadata', 'name')),
    namespace: asText(valueAt(value, 'metadata', 'namespace')),
    range,
  };
}

/** Where an object-level finding points (LINT-RULES.md): its `metadata.name`, else its `kind`, else its first node. */
function namedAt(positions: Positions, document: YamlDocument, value: Mapping): Range {
  return positions.valueRange(valueAt(value, 'metadata'), 'name') ?? positions.valueRange(value, 'kind') ?? document.firstNode ?? positions.rangeOf(value) ?? { start: 0, end: 0 };
}

/**
 * Whether a file holds Kubernetes content: a document with string `apiVersion` and `kind`. Editors and
 * directory scans use it to leave other YAML (Helm values, CI configs) alone.
 */
export function hasKubernetesDocument(file: LintFile): boolean {
  return file.parsed.documents.some((document) => {
    const root = asMapping(document.value);
    return typeof root?.apiVersion === 'string' && typeof root.kind === 'string';
  });
}
