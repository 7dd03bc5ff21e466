/**
 * The schema check of one plain object (an API request's body rather than a YAML document): the
 * linter's own walk (schemaIssues) with each issue named by its field path as the API server names it
 * (`spec.template.spec.containers[0].image`), plus the enum values the server checks. One schema,
 * two users: the simulated API server rejects what the linter reports, from the same code.
 */
import type { KubeObject } from '../types.ts';
import { schemaIssues } from './validate.ts';
import type { SchemaSnapshot } from './snapshot.ts';

export interface ObjectSchemaIssue {
  readonly path: string;
  readonly kind: 'unknown' | 'type' | 'required' | 'enum';
  /** The value's words after the path, as the server words them (`Required value`). */
  readonly message: string;
  /** Where the value sits, so a caller can drop an unknown field as the API server does outside Strict. */
  readonly holder: object;
  readonly key: string | number;
}

/**
 * Enumerations the API server's validation enforces (the bundled schema has no enums): model →
 * field → allowed values. Only fields whose values are closed sets in every supported version.
 */
export const enumFields: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  V1Container: { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['File', 'FallbackToLogsOnError'] },
  V1EphemeralContainer: { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'] },
  V1ContainerPort: { protocol: ['SCTP', 'TCP', 'UDP'] },
  V1ServicePort: { protocol: ['SCTP', 'TCP', 'UDP'] },
  V1PodSpec: { restartPolicy: ['Always', 'Never', 'OnFailure'], dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] },
  V1ServiceSpec: { type: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'], sessionAffinity: ['ClientIP', 'None'], externalTrafficPolicy: ['Cluster', 'Local'] },
  V1DeploymentStrategy: { type: ['Recreate', 'RollingUpdate'] },
  V1StatefulSetSpec: { podManagementPolicy: ['OrderedReady', 'Parallel'] },
  V1JobSpec: { completionMode: ['Indexed', 'NonIndexed'] },
  V1CronJobSpec: { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
};

const jsonTypes: Readonly<Record<string, string>> = { s: 'string', i: 'integer', n: 'number', b: 'boolean', q: 'string', io: 'integer-or-string' };

function valueWords(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? '[]' : typeof value === 'object' ? '{}' : String(value);
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return value === null ? 'null' : typeof value;
}

function child(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/**
 * Every container of the object with its path and model, found by one typed descent. The schema
 * walk reports holders, not paths; this names them (and carries the model for the enum check).
 */
function holders(root: unknown, model: string, schema: SchemaSnapshot): Map<object, { path: string; model: string }> {
  const found = new Map<object, { path: string; model: string }>();
  const pending: [unknown, string, string][] = [[root, '', model]];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const [value, path, type] = entry;
    if (typeof value !== 'object' || value === null || found.has(value)) continue;
    found.set(value, { path, model: type });
    const listOrMap = type.startsWith('[') || type.startsWith('{');
    const inner = listOrMap ? type.slice(1, -1) : '';
    const fields = schema.types[type]?.f;
    for (const [key, next] of Object.entries(value)) {
      const index = Array.isArray(value) ? Number(key) : key;
      const nextType = listOrMap ? inner : fields !== undefined && Object.hasOwn(fields, key) ? (fields[key] as string) : 'a';
      pending.push([next, child(path, index), nextType]);
    }
  }
  return found;
}

/** Schema issues of one object whose `apiVersion kind` the schema knows; none for other kinds. */
export function objectSchemaIssues(value: Readonly<Record<string, unknown>>, schema: SchemaSnapshot): ObjectSchemaIssue[] {
  const apiVersion = typeof value['apiVersion'] === 'string' ? value['apiVersion'] : undefined;
  const kind = typeof value['kind'] === 'string' ? value['kind'] : undefined;
  const model = apiVersion === undefined || kind === undefined ? undefined : schema.kinds[`${apiVersion} ${kind}`];
  if (model === undefined) return [];
  // schemaIssues reads only apiVersion, kind and value of an object: the YAML parts stay unused.
  const object = { value, apiVersion, kind } as unknown as KubeObject;
  const places = holders(value, model, schema);
  const pathOf = (holder: unknown, key: string | number): string => child(places.get(holder as object)?.path ?? '', key);
  const issues: ObjectSchemaIssue[] = [];
  for (const issue of schemaIssues([object], schema)) {
    if (issue.kind === 'unknown') {
      const path = pathOf(issue.holder, issue.key);
      issues.push({ path, kind: 'unknown', message: `unknown field "${path}"`, holder: issue.holder, key: issue.key });
    } else if (issue.kind === 'required') {
      issues.push({ path: pathOf(issue.holder, issue.field), kind: 'required', message: 'Required value', holder: issue.holder, key: issue.field });
    } else {
      const { holder, key } = issue.slot;
      const expected = jsonTypes[issue.expected] ?? (issue.expected.startsWith('[') ? 'array' : 'object');
      const path = pathOf(holder, key);
      // The words of the server's OpenAPI validation: `… in body must be of type integer: "string"`.
      const message = `Invalid value: ${valueWords(issue.value)}: ${path} in body must be of type ${expected}: "${jsonType(issue.value)}"`;
      issues.push({ path, kind: 'type', message, holder: holder as object, key });
    }
  }
  for (const [holder, place] of places) {
    const allowed = enumFields[place.model];
    if (allowed === undefined) continue;
    for (const [field, values] of Object.entries(allowed)) {
      const given = (holder as Record<string, unknown>)[field];
      if (typeof given !== 'string' || values.includes(given)) continue;
      const message = `Unsupported value: ${JSON.stringify(given)}: supported values: ${values.map((each) => `"${each}"`).join(', ')}`;
      issues.push({ path: child(place.path, field), kind: 'enum', message, holder, key: field });
    }
  }
  return issues;
}
