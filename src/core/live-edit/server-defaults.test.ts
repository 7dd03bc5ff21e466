import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadBundledSchema, type SchemaSnapshot } from '../lint/schema/snapshot.ts';
import { SERVER_DEFAULTS } from './server-defaults.ts';

/** The compact type at `path` in the kind's model; undefined where the schema has no such field. */
function typeAt(schema: SchemaSnapshot, model: string, path: readonly string[]): string | undefined {
  let type: string | undefined = model;
  for (const step of path) {
    if (type === undefined) return undefined;
    if (type.startsWith('[')) type = step === '*' ? type.slice(1, -1) : undefined;
    else if (type.startsWith('{')) type = type.slice(1, -1);
    else type = schema.types[type]?.f[step];
  }
  return type;
}

describe('SERVER_DEFAULTS', () => {
  it('names only kinds and fields the bundled schema has', async () => {
    const schema = await loadBundledSchema();
    for (const [kind, entries] of Object.entries(SERVER_DEFAULTS)) {
      const model = schema.kinds[kind];
      assert.ok(model !== undefined, `${kind} is no kind of the schema`);
      for (const entry of entries) assert.ok(typeAt(schema, model, entry.path) !== undefined, `${kind}: ${entry.path.join('.')} is no field of ${model}`);
    }
  });
});
