// Reads the Kubernetes models that a cdk8s-plus-NN package imports (lib/imports/k8s.d.ts, generated from
// Kubernetes 1.NN's OpenAPI with the descriptions as JSDoc) into the shape client-node-models.ts gives,
// for the versions no client-node release was generated from. Every interface and field names its OpenAPI
// definition (`@schema io.k8s.api.core.v1.Container#args`), which maps it to client-node's model names;
// the served kinds come from the GVK of each construct (k8s.js). cdk8s leaves out `status` (objects are
// written, not read), and says `number` for integers and doubles alike.
import { readFileSync } from 'node:fs';
import type { Attribute, ModelSource, PackageModels } from './client-node-models.ts';

interface Cdk8sModels extends Omit<PackageModels, 'apiFolder'> {
  readonly kinds: Record<string, string>;
}

/** client-node's name for an OpenAPI definition: `V1Container`, or `CoreV1Event` where the bare one is taken by another group. */
function modelName(definition: string, known: ReadonlySet<string>): string {
  const parts = definition.split('.');
  const kind = parts.at(-1) ?? '';
  const version = (parts.at(-2) ?? '').replace(/^v/, 'V');
  const group = (parts.at(-3) ?? '').replace(/^./, (letter) => letter.toUpperCase());
  const grouped = `${group}${version}${kind}`;
  return known.has(grouped) ? grouped : `${version}${kind}`;
}

function comment(block: string): { text: string; schema: string | undefined } {
  const lines = block.split('\n').map((line) => line.replace(/^\s*\*\s?/, '').trim());
  const tags = lines.findIndex((line) => line.startsWith('@'));
  const text = (tags < 0 ? lines : lines.slice(0, tags)).filter((line) => line !== '').join(' ').trim();
  const schema = /@schema (\S+)/.exec(block)?.[1];
  return { text, schema };
}

export function readCdk8sModels(packageDir: string, known: ReadonlySet<string>): Cdk8sModels {
  const declarations = readFileSync(`${packageDir}/lib/imports/k8s.d.ts`, 'utf8');
  const kubernetesVersion = /cdk8s-plus-(\d+)/.exec(readFileSync(`${packageDir}/package.json`, 'utf8'))?.[1];
  if (kubernetesVersion === undefined) throw new Error(`${packageDir}: not a cdk8s-plus-NN package`);
  const interfaces = new Map<string, { readonly definition: string; readonly description: string; readonly body: string }>();
  for (const match of declarations.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    const { text, schema } = comment(match[1] as string);
    if (schema !== undefined) interfaces.set(match[2] as string, { definition: schema, description: text, body: match[3] as string });
  }
  const nameOf = (type: string): string => {
    const target = interfaces.get(type);
    return target === undefined ? 'any' : modelName(target.definition, known);
  };
  const convert = (type: string): string => {
    if (type.endsWith('[]')) return `Array<${convert(type.slice(0, -2))}>`;
    const map = /^\{\s*\[key: string\]: (.+?);?\s*\}$/.exec(type);
    if (map?.[1] !== undefined) return `{ [key: string]: ${convert(map[1])}; }`;
    if (type === 'Quantity') return 'string';
    if (['string', 'number', 'boolean', 'any', 'IntOrString'].includes(type)) return type;
    return nameOf(type);
  };
  const models = new Map<string, ModelSource>();
  for (const { definition, description, body } of interfaces.values()) {
    const attributes: Attribute[] = [];
    const required: string[] = [];
    const fields = new Map<string, string>();
    for (const field of body.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*readonly \w+(\??): (\{\s*\[key: string\]: [^;]+;\s*\}(?:\[\])?|[^;\n]+);/g)) {
      const { text, schema } = comment(field[1] as string);
      const name = schema?.split('#')[1];
      if (name === undefined) continue;
      attributes.push({ name, baseName: name, type: convert((field[3] as string).replace(/\s+/g, ' ').trim()) });
      if (field[2] === '') required.push(name);
      if (text !== '') fields.set(name, text);
    }
    models.set(modelName(definition, known), { attributes, required, description: description === '' ? undefined : description, fields });
  }
  const kinds: Record<string, string> = {};
  const source = readFileSync(`${packageDir}/lib/imports/k8s.js`, 'utf8');
  for (const match of source.matchAll(/^(\w+)\.GVK = \{\s*apiVersion: '([^']+)',\s*kind: '([^']+)',\s*\}/gm)) {
    const props = interfaces.get(`${match[1] as string}Props`);
    if (props === undefined || (match[3] as string).endsWith('List')) continue;
    const model = modelName(props.definition, known);
    const own = models.get(model);
    // The API server's fields that cdk8s constructs set themselves.
    if (own !== undefined) models.set(model, { ...own, attributes: [{ name: 'apiVersion', baseName: 'apiVersion', type: 'string' }, { name: 'kind', baseName: 'kind', type: 'string' }, ...own.attributes] });
    kinds[`${match[2] as string} ${match[3] as string}`] = model;
  }
  return { kubernetesVersion: `1.${kubernetesVersion}`, models, kinds };
}
