/**
 * The descriptions of /openapi's models and fields, from the versioned schema completion and hover
 * use (src/core/authoring/schema-data, ~1 MB), loaded on the first /openapi request only.
 */
import { join } from 'node:path';
import type * as SchemaDataModule from '../core/authoring/load-schema-data.ts';
import type { Model } from '../core/authoring/schema-data.ts';

// A variable, not a literal, so that esbuild leaves this import to run time instead of bundling a second copy.
const schemaDataSource = '../core/authoring/load-schema-data.ts';

/** In the bundle (CommonJS, where __dirname exists) dist/schema-data.js beside it, its own esbuild entry; from the sources, the module. */
async function schemaData(): Promise<typeof SchemaDataModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (typeof __dirname === 'string') return require(join(__dirname, 'schema-data.js')) as typeof SchemaDataModule;
  return (await import(schemaDataSource)) as typeof SchemaDataModule;
}

/** A model by name as Kubernetes `version` describes it; nothing for the models it does not have. */
export type Describe = (model: string) => Model | undefined;

export async function modelDescriptions(version: string): Promise<Describe> {
  const schema = (await (await schemaData()).loadVersionedSchemas()).schema(version);
  return (model) => schema.model(model);
}
