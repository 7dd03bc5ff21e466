// Every quick fix of every rule, applied as the editor applies it, leaves the file no worse
// (src/core/lint/testing/fix-check.ts says what that means), over each file of the real-world corpus;
// src/core/lint/fixes.test.ts does the same on manifests that make each fixable rule fire. Profile `all`:
// the Pod Security and opt-in rules' fixes too.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadBundledSchema } from '../../src/core/lint/schema/snapshot.ts';
import { checkFixes, fixFailures } from '../../src/core/lint/testing/fix-check.ts';
import { readCorpus } from './corpus.ts';

const schema = await loadBundledSchema();

describe('quick fixes over the real-world corpus', () => {
  it('each keep the YAML valid, clear their own finding and add none, alternatives too', () => {
    const checked = readCorpus().map(({ name, text }) => ({ name, outcomes: checkFixes(name, text, { schema, profile: 'all' }) }));
    assert.deepEqual(fixFailures(checked), []);
    // About a thousand fixes: far fewer would mean findings lost their fixes.
    assert.ok(checked.reduce((sum, { outcomes }) => sum + outcomes.length, 0) > 900);
  });
});
