import type { SchemaData } from './schema-data.ts';
import { VersionedSchemas } from './schema-data.ts';

/**
 * The bundled versioned schema (about 1 MB of JSON, 220 KB zipped), imported on first completion or
 * hover: never at activation, and not by linting.
 */
export async function loadVersionedSchemas(): Promise<VersionedSchemas> {
  const [schema, descriptions] = await Promise.all([
    // Through unknown: tsc infers the JSON's tuples as plain arrays.
    import('./schema-data/schema.json', { with: { type: 'json' } }) as unknown as Promise<{ default: SchemaData }>,
    import('./schema-data/descriptions.json', { with: { type: 'json' } }) as Promise<{ default: string[] }>,
  ]);
  return new VersionedSchemas(schema.default, descriptions.default);
}
