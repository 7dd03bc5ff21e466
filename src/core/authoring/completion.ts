import type { Range } from '../yaml/types.ts';
import { cursorContext, type CursorContext } from './cursor-context.ts';
import { referenceNames, type ClusterNames, type FolderObject } from './references.ts';
import type { VersionedSchemas, VersionSchema } from './schema-data.ts';
import { fieldAt, modelShape, rootShape, shapeAt, type ObjectShape, type ValueShape } from './schema-shape.ts';
import { objectSnippets } from './snippets.ts';
import { quantityItems, quantityKeys, schemaValueItems, servedItems, type ValueItem } from './value-items.ts';

/** What completion and hover read: the document, the target version and what the workspace knows. */
export interface AuthoringInput {
  readonly text: string;
  readonly offset: number;
  readonly schemas: VersionedSchemas;
  /** The Kubernetes version to write for (`1.33`); the newest bundled one when empty. */
  readonly version: string | undefined;
  /** CustomResourceDefinition objects (plain values) from the workspace and the cluster. */
  readonly crds?: readonly unknown[];
  /** The objects of the folder's manifests, for names a reference field may take. */
  readonly folder?: readonly FolderObject[];
  readonly cluster?: ClusterNames;
  /** `apiVersion Kind` of the connected cluster's custom resources (its CRDs' schemas are not cached). */
  readonly clusterKinds?: readonly string[];
}

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'enum' | 'reference' | 'snippet' | 'file' | 'folder';
  readonly detail: string;
  readonly documentation: string | undefined;
  readonly insertText: string;
  /** The insert text holds `${1:…}` tab stops. */
  readonly snippet: boolean;
  /** Ask for completion again after inserting (a key whose value has choices). */
  readonly retrigger: boolean;
  readonly range: Range;
  /** What the typed text is matched against when it is not the label (a replaced quoted path). */
  readonly filterText?: string;
  readonly sortText: string;
}

/** The document's place: its cursor context, the version's schema and the root's shape. */
export interface Located {
  readonly context: CursorContext;
  readonly schema: VersionSchema;
  readonly root: ObjectShape | undefined;
  readonly crdKinds: readonly string[];
}

export function locate(input: AuthoringInput): Located {
  const context = cursorContext(input.text, input.offset);
  const schema = input.schemas.schema(input.version ?? '');
  const crds = input.crds ?? [];
  const root = rootShape(schema, context.root.get('apiVersion'), context.root.get('kind'), crds) ?? anyKindRoot(schema);
  return { context, schema, root, crdKinds: [...crdKinds(crds), ...(input.clusterKinds ?? [])] };
}

/** Before apiVersion and kind are known: the fields every object has. */
function anyKindRoot(schema: VersionSchema): ObjectShape | undefined {
  const pod = modelShape(schema, 'V1ConfigMap');
  if (pod === undefined) return undefined;
  const common = new Map([...pod.fields()].filter(([name]) => ['apiVersion', 'kind', 'metadata'].includes(name)));
  return { name: 'object', description: undefined, fields: () => common };
}

function crdKinds(crds: readonly unknown[]): string[] {
  return crds.flatMap((crd) => {
    const spec = (crd as { spec?: { group?: unknown; names?: { kind?: unknown }; versions?: { name?: unknown }[] } }).spec;
    if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string' || !Array.isArray(spec.versions)) return [];
    return spec.versions.map((version) => `${String(spec.group)}/${String(version.name)} ${String(spec.names?.kind)}`);
  });
}

/** The first sentence of a description: what a completion list has room for. */
export function firstSentence(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  return /^.*?[.!?](?=\s|$)/.exec(description)?.[0] ?? description;
}

export function completions(input: AuthoringInput): CompletionEntry[] {
  const located = locate(input);
  const { context } = located;
  if (located.root === undefined) return [];
  if (context.position === 'value' && context.key !== undefined) return valueEntries(input, located, context.key);
  const container = shapeAt(located.root, context.path);
  const entries = container?.kind === 'object' ? keyEntries(container.object, context) : [];
  const resourceNames = quantityKeys(container).filter((name) => !context.siblings.has(name));
  const resources = resourceNames.map((name, index) => keyEntry(context, name, 'quantity', quantityItems(name)[0]?.detail, `${index}`, true));
  // A list item of scalars (`args:`, `- |`): its values rather than keys.
  const list = context.path.at(-1) === 0 && container?.kind === 'scalar' ? fieldAt(located.root, context.path.slice(0, -2), context.path.at(-2)) : undefined;
  const items = list === undefined ? [] : toEntries(schemaValueItems(list, container, list.name), context.word);
  const snippets = context.path.length === 0 && context.siblings.size === 0 ? objectSnippets(context.word, located.schema) : [];
  return [...entries, ...resources, ...items, ...snippets];
}

function keyEntries(object: ObjectShape, context: CursorContext): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  for (const field of object.fields().values()) {
    if (context.siblings.has(field.name) || context.key === field.name) continue;
    const retrigger = field.enum !== undefined || (field.value.kind === 'scalar' && ['b', 'q'].includes(field.value.type)) || ['apiVersion', 'kind'].includes(field.name);
    const entry = keyEntry(context, field.name, field.required ? `${field.typeText} (required)` : field.typeText, firstSentence(field.description ?? objectDescription(field.value)), field.required ? '0' : '1', retrigger);
    entries.push({ ...entry, insertText: context.inFlow ? `${field.name}: ` : `${field.name}:${shapeSuffix(field.value, context.column)}` });
  }
  return entries;
}

function keyEntry(context: CursorContext, name: string, detail: string, documentation: string | undefined, order: string, retrigger: boolean): CompletionEntry {
  return { label: name, kind: 'property', detail, documentation, insertText: `${name}: `, snippet: false, retrigger, range: context.word, sortText: `${order}${name}` };
}

function objectDescription(value: ValueShape): string | undefined {
  if (value.kind === 'object') return value.object.description;
  if (value.kind === 'list' || value.kind === 'map') return objectDescription(value.kind === 'list' ? value.item : value.value);
  return undefined;
}

/** What follows `key:` so the value can be typed in its shape: a nested block, a list item, or a scalar. */
function shapeSuffix(value: ValueShape, column: number): string {
  const inner = `\n${' '.repeat(column + 2)}`;
  if (value.kind === 'list') return `${inner}- `;
  if (value.kind === 'object' || value.kind === 'map') return inner;
  return ' ';
}

function valueEntries(input: AuthoringInput, located: Located, key: string): CompletionEntry[] {
  const { context, schema, crdKinds, root } = located;
  if (context.path.length === 0 && key === 'apiVersion') return toEntries(servedItems([...schema.kinds.keys(), ...crdKinds], 'apiVersion', context.root.get('kind')), context.word);
  if (context.path.length === 0 && key === 'kind') return toEntries(servedItems([...schema.kinds.keys(), ...crdKinds], 'kind', context.root.get('apiVersion')), context.word);
  const container = root === undefined ? undefined : shapeAt(root, context.path);
  const field = root === undefined ? undefined : fieldAt(root, context.path, key);
  const value = field?.value ?? (container?.kind === 'map' ? container.value : undefined);
  const references = referenceNames(context.path, key, context.scopes, input.folder ?? [], input.cluster ?? {}).map(
    (reference): ValueItem => ({ label: reference.name, detail: `${reference.kind} (${reference.source === 'folder' ? 'in this folder' : 'in the cluster'})`, kind: 'reference' }),
  );
  return toEntries([...references, ...schemaValueItems(field, value, key)], context.word);
}

function toEntries(items: readonly ValueItem[], range: Range): CompletionEntry[] {
  return items.map((item, index) => ({
    label: item.label,
    kind: item.kind,
    detail: item.detail,
    documentation: item.documentation,
    insertText: item.label,
    snippet: false,
    retrigger: false,
    range,
    sortText: String(index).padStart(4, '0'),
  }));
}

