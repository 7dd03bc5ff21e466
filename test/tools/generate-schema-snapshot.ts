// Regenerates src/core/lint/schema/kubernetes-schema.json, the offline schema behind the
// schema-unknown-field / schema-type-mismatch / schema-required-field rules, from the OpenAPI-generated
// models of @kubernetes/client-node (a runtime dependency already, so no new package): each model's
// `attributeTypeMap` gives its fields and types, and its .d.ts marks the required ones (no `?`).
// Run after upgrading client-node: npm run schema:snapshot
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const packageUrl = new URL('../../node_modules/@kubernetes/client-node/', import.meta.url);
const modelsUrl = new URL('dist/gen/models/', packageUrl);
const outputUrl = new URL('../../src/core/lint/schema/kubernetes-schema.json', import.meta.url);
const clientVersion = (JSON.parse(readFileSync(new URL('package.json', packageUrl), 'utf8')) as { version: string }).version;
// The Kubernetes release whose API client-node 2.0 was generated from (its README's compatibility table).
const kubernetesVersion = '1.34';

// Quantities are `string` in the models, but the API also accepts JSON numbers for them
// (Quantity.UnmarshalJSON). These are the fields whose OpenAPI type is resource.Quantity: by name
// where the name is unambiguous, else as Model.field.
const quantityFields = new Set([
  'limits', 'requests', 'hard', 'used', 'capacity', 'allocatable', 'allocatedResources', 'overhead', 'sizeLimit',
  'max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio', 'maximumVolumeSize',
  'V2MetricTarget.value', 'V2MetricTarget.averageValue', 'V2MetricValueStatus.value', 'V2MetricValueStatus.averageValue',
]);

interface Attribute {
  readonly name: string;
  readonly baseName: string;
  readonly type: string;
  readonly format: string;
}

const models = new Map<string, Attribute[]>();
for (const file of readdirSync(modelsUrl).filter((name) => name.endsWith('.js'))) {
  const match = /attributeTypeMap = (\[[\s\S]*?\n\]);/.exec(readFileSync(new URL(file, modelsUrl), 'utf8'));
  if (match?.[1] !== undefined) models.set(file.slice(0, -3), JSON.parse(match[1]) as Attribute[]);
}

/** Compact types: s string, i integer, n number, b boolean, a anything, q quantity, io int-or-string, [T] list, {T} map, else a model. */
function compact(type: string, format: string, field: string, model: string): string {
  const list = /^Array<(.+)>$/.exec(type);
  if (list?.[1] !== undefined) return `[${compact(list[1], '', field, model)}]`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map?.[1] !== undefined) return `{${compact(map[1], '', field, model)}}`;
  if (type === 'string') return quantityFields.has(field) || quantityFields.has(`${model}.${field}`) ? 'q' : 's';
  if (type === 'number') return format === 'double' ? 'n' : 'i';
  if (type === 'boolean') return 'b';
  if (type === 'IntOrString') return 'io';
  if (type === 'Date') return 's';
  if (type === 'any' || type === 'object') return 'a';
  return models.has(type) ? type : 'a';
}

function required(model: string): string[] {
  const text = readFileSync(new URL(`${model}.d.ts`, modelsUrl), 'utf8');
  return [...text.matchAll(/^ {4}'([^']+)': /gm)].map((match) => match[1] as string);
}

// The built-in kinds of src/core/lint/kinds.ts, mapped to their model names.
const kindsSource = readFileSync(new URL('../../src/core/lint/kinds.ts', import.meta.url), 'utf8');
const table = /const builtIn[^=]*= \{([\s\S]*?)\n\};/.exec(kindsSource)?.[1] ?? '';
const kinds: Record<string, string> = {};
for (const [, apiVersion, list] of table.matchAll(/^\s+'?([\w./]+)'?: '([^']+)',$/gm)) {
  const [group, version] = (apiVersion as string).includes('/') ? (apiVersion as string).split('/') : ['core', apiVersion as string];
  const versionName = (version as string).charAt(0).toUpperCase() + (version as string).slice(1);
  const groupName = (group as string).split('.')[0]?.replace(/^./, (letter) => letter.toUpperCase()) ?? '';
  for (const entry of (list as string).split(' ')) {
    const kind = entry.replace('^', '');
    const model = [`${versionName}${kind}`, `${groupName}${versionName}${kind}`].find((name) => models.has(name));
    if (model !== undefined && kind !== 'List') kinds[`${apiVersion} ${kind}`] = model;
  }
}

// Only the models reachable from a kind.
const types: Record<string, { f: Record<string, string>; r?: string[] }> = {};
const pending = Object.values(kinds);
while (pending.length > 0) {
  const model = pending.pop() as string;
  if (types[model] !== undefined) continue;
  const fields: Record<string, string> = {};
  for (const attribute of models.get(model) ?? []) {
    fields[attribute.baseName] = compact(attribute.type, attribute.format, attribute.baseName, model);
    const inner = fields[attribute.baseName]?.replace(/^[[{]|[\]}]$/g, '') ?? '';
    if (models.has(inner)) pending.push(inner);
  }
  const needed = required(model);
  types[model] = needed.length > 0 ? { f: fields, r: needed } : { f: fields };
}

const snapshot = { kubernetesVersion, source: `@kubernetes/client-node ${clientVersion} models`, kinds, types };
writeFileSync(outputUrl, `${JSON.stringify(snapshot)}\n`);
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types, ${JSON.stringify(snapshot).length} bytes`);
