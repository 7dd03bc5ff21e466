// Writes src/core/authoring/schema-data/, the versioned schema behind completion and hover: for each
// Kubernetes minor version that some @kubernetes/client-node release was generated from, the served kinds
// and every model they reach, with descriptions. Descriptions are stored once across versions; the newest
// version is stored whole and each older one as what differs from it (see src/core/authoring/schema-data.ts).
// The sources are not dependencies: unpack them anywhere (npm pack @kubernetes/client-node@V, and
// cdk8s-plus-NN for a version no client-node release was generated from) and name their package folders.
// 1.35 has neither: its folder is client-node's git at d6658bf2 (src/gen from v1.35.0) compiled with that
// commit's tsconfig options into dist/gen, beside a package.json with its name and a version naming the
// commit (docs/ARCHITECTURE.md, Tools):
//   node test/tools/generate-schema-versions.ts DIR/client-node-0.21.0/package ... DIR/k135/package DIR/client-node-2.0.0/package
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compareVersions, type FieldEntry, type SchemaData, type TypeData, type VersionDelta } from '../../src/core/authoring/schema-data.ts';
import { readCdk8sModels } from './cdk8s-models.ts';
import { compactType, readPackageModels, type ModelSource, type PackageModels } from './client-node-models.ts';
import { describedDefault, describedEnum } from './description-facts.ts';

const outputUrl = new URL('../../src/core/authoring/schema-data/', import.meta.url);

interface VersionModels {
  readonly version: string;
  readonly source: string;
  readonly kinds: Record<string, string>;
  readonly types: Record<string, { readonly d: string | undefined; readonly f: Record<string, { t: string; d: string | undefined; r: boolean }> }>;
}

const collectionPath = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))\/(?:namespaces\/\{namespace\}\/)?[a-z]+$/;

/** `apiVersion Kind` → model, from the create requests of the API classes (a collection path and its body). */
function servedKinds(models: PackageModels): Record<string, string> {
  const kinds: Record<string, string> = {};
  for (const file of readdirSync(models.apiFolder).filter((name) => /V\d\w*Api\.js$/.test(name))) {
    const chunks = readFileSync(new URL(file, models.apiFolder), 'utf8').split(/localVarPath = (?:this\.basePath \+ )?/).slice(1);
    for (const chunk of chunks) {
      const path = collectionPath.exec(/^'([^']+)'/.exec(chunk)?.[1] ?? '');
      const model = /serialize\(body, "(\w+)"/.exec(chunk)?.[1];
      if (path === null || model === undefined) continue;
      const fields = new Set(models.models.get(model)?.attributes.map((attribute) => attribute.baseName));
      if (!fields.has('kind') || !fields.has('metadata') || model.endsWith('List')) continue;
      const kind = model.replace(/^(?:[A-Z][a-z]+)*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '');
      kinds[`${path[1] ?? path[2] ?? ''} ${kind}`] = model;
    }
  }
  return kinds;
}

/** Kinds and the models they reach, from one package's models. */
function versionModels(version: string, source: string, models: ReadonlyMap<string, ModelSource>, kinds: Record<string, string>): VersionModels {
  const known = (name: string): boolean => models.has(name);
  const types: VersionModels['types'] = {};
  const pending = Object.values(kinds);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const model = models.get(name);
    if (types[name] !== undefined || model === undefined) continue;
    const fields: VersionModels['types'][string]['f'] = {};
    for (const attribute of model.attributes) {
      const type = compactType(attribute.type, attribute.format, attribute.baseName, name, known);
      const inner = type.replace(/^[[{]|[\]}]$/g, '');
      if (known(inner)) pending.push(inner);
      fields[attribute.baseName] = { t: type, d: model.fields.get(attribute.baseName), r: model.required.includes(attribute.baseName) };
    }
    types[name] = { d: model.description, f: fields };
  }
  return { version, source, kinds, types };
}

function packageVersion(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(`${packageDir}/package.json`, 'utf8')) as { name: string; version: string };
  return `${manifest.name} ${manifest.version}`;
}

/**
 * What cdk8s leaves out, from the nearest version read from client-node: each kind's `status` (and the
 * models it reaches) and the descriptions of the apiVersion and kind fields the constructs set.
 */
function fillFrom(entry: VersionModels, donor: VersionModels): void {
  const pending: string[] = [];
  for (const model of new Set(Object.values(entry.kinds))) {
    const own = entry.types[model];
    const theirs = donor.types[model];
    if (own === undefined || theirs === undefined) continue;
    for (const field of ['apiVersion', 'kind', 'status']) {
      const donated = theirs.f[field];
      if (donated === undefined) continue;
      if (own.f[field] === undefined && field === 'status') own.f[field] = { ...donated };
      else if (own.f[field] !== undefined && own.f[field].d === undefined) own.f[field].d = donated.d;
    }
    if (theirs.f.status !== undefined) pending.push(theirs.f.status.t);
  }
  while (pending.length > 0) {
    const name = (pending.pop() as string).replace(/^[[{]|[\]}]$/g, '');
    const model = donor.types[name];
    if (model === undefined || entry.types[name] !== undefined) continue;
    entry.types[name] = { d: model.d, f: Object.fromEntries(Object.entries(model.f).map(([field, value]) => [field, { ...value }])) };
    for (const value of Object.values(model.f)) pending.push(value.t);
  }
}

const isCdk8s = (dir: string): boolean => existsSync(`${dir}/lib/imports/k8s.d.ts`);
const dirs = process.argv.slice(2);
const fromClientNode = dirs.filter((dir) => !isCdk8s(dir)).map((dir) => {
  const models = readPackageModels(pathToFileURL(dir.endsWith('/') ? dir : `${dir}/`));
  return { models, entry: versionModels(models.kubernetesVersion, packageVersion(dir), models.models, servedKinds(models)) };
});
const knownNames = new Set(fromClientNode.flatMap(({ models }) => [...models.models.keys()]));
const fromCdk8s = dirs.filter(isCdk8s).map((dir) => {
  const models = readCdk8sModels(dir, knownNames);
  return versionModels(models.kubernetesVersion, `${packageVersion(dir)} (imports of Kubernetes ${models.kubernetesVersion})`, models.models, models.kinds);
});
for (const entry of fromCdk8s) {
  const donors = fromClientNode.map(({ entry: donor }) => donor).sort((a, b) => compareVersions(a.version, b.version));
  const donor = donors.find((candidate) => compareVersions(candidate.version, entry.version) > 0) ?? donors.at(-1);
  if (donor !== undefined) fillFrom(entry, donor);
}
const packages = [...fromClientNode.map(({ entry }) => entry), ...fromCdk8s];
// One release per Kubernetes version (the newest client-node of each), oldest first.
const byVersion = new Map(packages.map((entry) => [entry.version, entry]));
const versions = [...byVersion.values()].sort((a, b) => compareVersions(a.version, b.version));
const newest = versions.at(-1);
if (newest === undefined) throw new Error('usage: generate-schema-versions.ts PACKAGE_DIR...');

// client-node's models drop the description of a field typed by another model (a $ref); cdk8s keeps it.
// Such a field gets the description its model.field has in another version (the newest that has one).
const described = new Map<string, string>();
for (const entry of versions) {
  for (const [name, model] of Object.entries(entry.types)) for (const [field, value] of Object.entries(model.f)) if (value.d !== undefined) described.set(`${name}.${field}`, value.d);
}
for (const entry of versions) {
  for (const [name, model] of Object.entries(entry.types)) for (const [field, value] of Object.entries(model.f)) value.d ??= described.get(`${name}.${field}`);
}

// 0.x models do not tell integers from doubles: a field the newest release types `n` is taken as `n`.
for (const entry of versions) {
  for (const [name, model] of Object.entries(entry.types)) {
    for (const [field, value] of Object.entries(model.f)) if (value.t === 'i' && newest.types[name]?.f[field]?.t === 'n') value.t = 'n';
  }
}

const descriptions: string[] = [];
const descriptionIndex = new Map<string, number>();
const enums: Record<string, string[]> = {};
const defaults: Record<string, string> = {};
// A model without a description of its own gets the generator's file header in client-node: noise in a
// hover, so it counts as none (as an empty text does).
const boilerplate = /^\s*(?:Kubernetes\s+)?No description provided\b|\bauto generated by OpenAPI Generator\b/i;
function describe(text: string | undefined): number {
  if (text === undefined || text.trim() === '' || boilerplate.test(text)) return -1;
  let index = descriptionIndex.get(text);
  if (index === undefined) {
    index = descriptions.push(text) - 1;
    descriptionIndex.set(text, index);
    const values = describedEnum(text);
    if (values !== undefined) enums[index] = values;
    const value = describedDefault(text);
    if (value !== undefined) defaults[index] = value;
  }
  return index;
}

function compactModel(model: VersionModels['types'][string]): TypeData {
  const fields: Record<string, FieldEntry> = {};
  for (const [field, value] of Object.entries(model.f)) fields[field] = value.r ? [value.t, describe(value.d), 1] : [value.t, describe(value.d)];
  return { d: describe(model.d), f: fields };
}

const baseTypes = Object.fromEntries(Object.entries(newest.types).map(([name, model]) => [name, compactModel(model)]));
const deltas: Record<string, VersionDelta> = {};
for (const entry of versions.slice(0, -1)) {
  const kinds: Record<string, string | null> = {};
  for (const [key, model] of Object.entries(entry.kinds)) if (newest.kinds[key] !== model) kinds[key] = model;
  for (const key of Object.keys(newest.kinds)) if (entry.kinds[key] === undefined) kinds[key] = null;
  const types: Record<string, { d?: number; f?: Record<string, FieldEntry | null> } | null> = {};
  for (const [name, model] of Object.entries(entry.types)) {
    const own = compactModel(model);
    const base = baseTypes[name];
    if (base === undefined) {
      types[name] = own;
      continue;
    }
    const fields: Record<string, FieldEntry | null> = {};
    for (const [field, value] of Object.entries(own.f)) if (JSON.stringify(value) !== JSON.stringify(base.f[field])) fields[field] = value;
    for (const field of Object.keys(base.f)) if (own.f[field] === undefined) fields[field] = null;
    const changed: { d?: number; f?: Record<string, FieldEntry | null> } = {};
    if (own.d !== base.d) changed.d = own.d;
    if (Object.keys(fields).length > 0) changed.f = fields;
    if (Object.keys(changed).length > 0) types[name] = changed;
  }
  for (const name of Object.keys(baseTypes)) if (entry.types[name] === undefined) types[name] = null;
  deltas[entry.version] = { kinds, types };
}

const data: SchemaData = {
  versions: versions.map((entry) => entry.version),
  sources: Object.fromEntries(versions.map((entry) => [entry.version, entry.source])),
  kinds: newest.kinds,
  types: baseTypes,
  deltas,
  enums,
  defaults,
};
mkdirSync(outputUrl, { recursive: true });
writeFileSync(new URL('schema.json', outputUrl), `${JSON.stringify(data)}\n`);
writeFileSync(new URL('descriptions.json', outputUrl), `${JSON.stringify(descriptions)}\n`);
console.log(`${data.versions.join(', ')}: ${Object.keys(newest.kinds).length} kinds, ${Object.keys(baseTypes).length} types in ${newest.version}, ${descriptions.length} descriptions`);
