/**
 * Schema validation of every write, from the bundled schema the linter checks manifests against
 * (objectSchemaIssues in src/core), the way kube-apiserver does it: unknown fields by the request's
 * `fieldValidation` (Strict: 400; Warn: a Warning header; Ignore: dropped silently, and dropped in
 * Warn too, as the server's decoder drops them), then wrong types, missing required fields and
 * unsupported enum values as 422 Invalid naming each field. A custom resource is held to its CRD's
 * schema (crd-schema.ts); kinds no schema describes (metrics, CRDs without one) pass unchecked.
 */
import schemaJson from '../core/lint/schema/kubernetes-schema.json' with { type: 'json' };
import { objectSchemaIssues } from '../core/lint/schema/object-issues.ts';
import { enumCauses } from './crd-schema.ts';
import type { SchemaSnapshot } from '../core/lint/schema/snapshot.ts';
import type { KubeObject } from './objects.ts';
import type { ResourceType } from './resources.ts';
import { badRequest, invalid, type StatusCause } from './status.ts';

export const bundledSchema = schemaJson as SchemaSnapshot;

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** The `fieldValidation` query parameter; absent means Warn, as on the server (kubectl sends Strict). */
export function fieldValidationOf(text: string | null): FieldValidation {
  if (text === null || text === '') return 'Warn';
  if (text === 'Strict' || text === 'Warn' || text === 'Ignore') return text;
  throw badRequest(`fieldValidation parameter unsupported: ${text}`);
}

const reasons = { type: 'FieldValueInvalid', required: 'FieldValueRequired', enum: 'FieldValueNotSupported' } as const;

/**
 * Checks (and in Warn/Ignore, prunes) an object about to be stored. Throws 400 for unknown or
 * duplicate fields (`duplicates`: paths from the request body) in Strict and 422 for invalid values;
 * `warn` receives one text per unknown or duplicate field in Warn.
 */
export function validateSchema(type: ResourceType, object: KubeObject, mode: FieldValidation, warn: (text: string) => void, duplicates: readonly string[] = []): void {
  const issues = objectSchemaIssues(object, type.schema?.snapshot ?? bundledSchema);
  const enums = type.schema === undefined ? [] : enumCauses(type.schema.openApi, object);
  if (issues.length === 0 && enums.length === 0 && duplicates.length === 0) return;
  const unknown = issues.filter((issue) => issue.kind === 'unknown');
  const decoding = [...unknown.map((issue) => issue.message), ...duplicates.map((path) => `duplicate field "${path}"`)];
  if (decoding.length > 0 && mode === 'Strict') {
    // The server names the bare version here (`in version "v1"`), group or not.
    throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${decoding.join(', ')}`);
  }
  if (mode === 'Warn') for (const text of decoding) warn(text);
  for (const issue of unknown) delete (issue.holder as Record<string, unknown>)[issue.key as string];
  const causes: StatusCause[] = issues.flatMap((issue) => (issue.kind === 'unknown' ? [] : [{ reason: reasons[issue.kind], field: issue.path, message: issue.message }]));
  if (causes.length + enums.length > 0) throw invalid(type, object.metadata.name ?? '', causes.concat(enums));
}
