// Reads the OpenAPI-generated models of one @kubernetes/client-node package (0.x: dist/gen/model/, 1.x and
// later: dist/gen/models/): each model's `attributeTypeMap` gives its fields and types, its .d.ts marks the
// required ones (no `?`) and carries the OpenAPI descriptions as comments. Shared by the schema generators.
import { readdirSync, readFileSync } from 'node:fs';

export interface Attribute {
  readonly name: string;
  readonly baseName: string;
  readonly type: string;
  /** Absent in the 0.x models, which say `number` for integers and doubles alike. */
  readonly format?: string;
}

export interface ModelSource {
  readonly attributes: readonly Attribute[];
  readonly required: readonly string[];
  readonly description: string | undefined;
  /** Field (JSON name) → its description. */
  readonly fields: ReadonlyMap<string, string>;
}

export interface PackageModels {
  /** The Kubernetes release the models were generated from (their header), e.g. `1.34`. */
  readonly kubernetesVersion: string;
  readonly models: ReadonlyMap<string, ModelSource>;
  /** The API folder: `…Api.js` files whose request paths tell which apiVersion serves a kind. */
  readonly apiFolder: URL;
}

// Quantities are `string` in the models, but the API also accepts JSON numbers for them
// (Quantity.UnmarshalJSON). These are the fields whose OpenAPI type is resource.Quantity: by name
// where the name is unambiguous, else as Model.field.
const quantityFields = new Set([
  'limits', 'requests', 'hard', 'used', 'capacity', 'allocatable', 'allocatedResources', 'overhead', 'sizeLimit',
  'max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio', 'maximumVolumeSize',
  'V2MetricTarget.value', 'V2MetricTarget.averageValue', 'V2MetricValueStatus.value', 'V2MetricValueStatus.averageValue',
]);

/** Compact types: s string, i integer, n number, b boolean, a anything, q quantity, io int-or-string, [T] list, {T} map, else a model. */
export function compactType(type: string, format: string | undefined, field: string, model: string, known: (name: string) => boolean): string {
  const list = /^Array<(.+)>$/.exec(type);
  if (list?.[1] !== undefined) return `[${compactType(list[1], undefined, field, model, known)}]`;
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map?.[1] !== undefined) return `{${compactType(map[1], undefined, field, model, known)}}`;
  if (type === 'string') return quantityFields.has(field) || quantityFields.has(`${model}.${field}`) ? 'q' : 's';
  if (type === 'number') return format === 'double' ? 'n' : 'i';
  if (type === 'boolean') return 'b';
  if (type === 'IntOrString') return 'io';
  if (type === 'Date') return 's';
  if (type === 'any' || type === 'object') return 'a';
  return known(type) ? type : 'a';
}

/** The comment text of a `/** … *\/` block, unescaped and on one line. */
function commentText(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter((line) => line !== '' && line !== '/')
    .join(' ')
    .replace(/\\(['"])/g, '$1')
    .trim();
}

function readDeclaration(text: string): Pick<ModelSource, 'required' | 'description' | 'fields'> {
  const required = [...text.matchAll(/^ {4}'([^']+)': /gm)].map((match) => match[1] as string);
  const description = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export declare class/.exec(text)?.[1];
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/ {4}\/\*\*\n((?:(?!\*\/)[\s\S])*?) {4}\*\/\n {4}'([^']+)'\??: /g)) {
    fields.set(match[2] as string, commentText(match[1] as string));
  }
  return { required, description: description === undefined ? undefined : commentText(description), fields };
}

export function readPackageModels(packageUrl: URL): PackageModels {
  const genUrl = new URL('dist/gen/', packageUrl);
  const modern = readdirSync(genUrl).includes('models');
  const modelsUrl = new URL(modern ? 'models/' : 'model/', genUrl);
  const models = new Map<string, ModelSource>();
  let kubernetesVersion = '';
  for (const file of readdirSync(modelsUrl).filter((name) => name.endsWith('.js'))) {
    const source = readFileSync(new URL(file, modelsUrl), 'utf8');
    const match = /(\w+)\.attributeTypeMap = (\[[\s\S]*?\n\]);/.exec(source);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const declaration = readFileSync(new URL(`${file.slice(0, -3)}.d.ts`, modelsUrl), 'utf8');
    kubernetesVersion ||= /(?:OpenAPI spec version|version of the OpenAPI document): (?:release-|v)(\d+\.\d+)/.exec(declaration)?.[1] ?? '';
    models.set(match[1], { attributes: JSON.parse(match[2]) as Attribute[], ...readDeclaration(declaration) });
  }
  return { kubernetesVersion, models, apiFolder: new URL(modern ? 'apis/' : 'api/', genUrl) };
}
