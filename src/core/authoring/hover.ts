import type { Range } from '../yaml/types.ts';
import { locate, type AuthoringInput } from './completion.ts';
import type { VersionedSchemas } from './schema-data.ts';
import { fieldAt, type FieldShape } from './schema-shape.ts';

export interface HoverText {
  /** Markdown. */
  readonly markdown: string;
  readonly range: Range;
}

/** The documentation of the key under the cursor: description, type, required, default, values, versions. */
export function hoverAt(input: AuthoringInput): HoverText | undefined {
  const { context, root } = locate(input);
  if (context.position !== 'key' || context.key === undefined || context.keyRange === undefined || root === undefined) return undefined;
  const field = fieldAt(root, context.path, context.key);
  if (field === undefined) return undefined;
  return { markdown: fieldMarkdown(field, input.schemas), range: context.keyRange };
}

function fieldMarkdown(field: FieldShape, schemas: VersionedSchemas): string {
  const facts = [`\`${field.typeText}\``, field.required ? 'required' : 'optional'];
  const lines = [`**${field.name}** · ${facts.join(' · ')}`, ''];
  const description = field.description ?? (field.value.kind === 'object' ? field.value.object.description : undefined);
  if (description !== undefined) lines.push(description, '');
  if (field.default !== undefined) lines.push(`Default: \`${field.default}\``, '');
  if (field.enum !== undefined) lines.push(`Values: ${field.enum.map((value) => `\`${value}\``).join(', ')}`, '');
  const versions = field.model === undefined ? undefined : versionLine(schemas, field.model, field.name);
  if (versions !== undefined) lines.push(versions);
  return lines.join('\n').trimEnd();
}

/** Which bundled versions have the field: all, or from the one that added it to the one that removed it. */
export function versionLine(schemas: VersionedSchemas, model: string, field: string): string {
  const all = schemas.versions;
  const present = schemas.versionsWith(model, field);
  const first = present[0];
  const last = present.at(-1);
  if (first === undefined || last === undefined) return '';
  const span = `Kubernetes ${all[0] ?? ''} to ${all.at(-1) ?? ''}`;
  if (present.length === all.length) return `In every bundled version (${span}).`;
  const parts: string[] = [];
  if (first !== all[0]) parts.push(`Added in ${first} (absent from ${all[all.indexOf(first) - 1] ?? ''} and older).`);
  if (last !== all.at(-1)) parts.push(`Removed in ${all[all.indexOf(last) + 1] ?? ''} (last in ${last}).`);
  return parts.join(' ');
}
