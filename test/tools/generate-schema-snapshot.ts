// Regenerates src/core/lint/schema/kubernetes-schema.json, the offline schema behind the
// schema-unknown-field / schema-type-mismatch / schema-required-field rules, from the OpenAPI-generated
// models of @kubernetes/client-node (a runtime dependency already, so no new package): each model's
// `attributeTypeMap` gives its fields and types, and its .d.ts marks the required ones (no `?`).
// Run after upgrading client-node: npm run schema:snapshot
import { readFileSync, writeFileSync } from 'node:fs';
import { compactType, readPackageModels } from './client-node-models.ts';

const packageUrl = new URL('../../node_modules/@kubernetes/client-node/', import.meta.url);
const outputUrl = new URL('../../src/core/lint/schema/kubernetes-schema.json', import.meta.url);
const clientVersion = (JSON.parse(readFileSync(new URL('package.json', packageUrl), 'utf8')) as { version: string }).version;
// The Kubernetes release whose API client-node 2.0 was generated from (its README's compatibility table).
const kubernetesVersion = '1.34';

const { models } = readPackageModels(packageUrl);
const known = (name: string): boolean => models.has(name);

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
  const source = models.get(model);
  for (const attribute of source?.attributes ?? []) {
    fields[attribute.baseName] = compactType(attribute.type, attribute.format, attribute.baseName, model, known);
    const inner = fields[attribute.baseName]?.replace(/^[[{]|[\]}]$/g, '') ?? '';
    if (models.has(inner)) pending.push(inner);
  }
  const needed = source?.required ?? [];
  types[model] = needed.length > 0 ? { f: fields, r: [...needed] } : { f: fields };
}

const snapshot = { kubernetesVersion, source: `@kubernetes/client-node ${clientVersion} models`, kinds, types };
writeFileSync(outputUrl, `${JSON.stringify(snapshot)}\n`);
console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types, ${JSON.stringify(snapshot).length} bytes`);
