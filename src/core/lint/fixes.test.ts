// Every quick fix, applied as the editor applies it, leaves the file no worse (testing/fix-check.ts says
// what that means) on manifests that make each fixable rule fire; test/unit/lint-fixes.test.ts does the
// same over the real-world corpus.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allRules } from './rules/index.ts';
import schemaJson from './schema/kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from './schema/snapshot.ts';
import { checkFixes, fixFailures } from './testing/fix-check.ts';
import { fixableManifests } from './testing/fixable-manifests.ts';

const schema = schemaJson as SchemaSnapshot;

describe('quick fixes', () => {
  const checked = fixableManifests.map(({ name, text, cluster }) => ({ name, outcomes: checkFixes(name, text, { schema, profile: 'all', ...(cluster === undefined ? {} : { cluster }) }) }));
  const titles = new Set(checked.flatMap(({ outcomes }) => outcomes.map((outcome) => outcome.title)));

  it('are offered by every rule that documents one', () => {
    const fixed = new Set(checked.flatMap(({ outcomes }) => outcomes.map((outcome) => outcome.ruleId)));
    assert.deepEqual(allRules.filter((rule) => rule.fix !== undefined && !fixed.has(rule.id)).map((rule) => rule.id), []);
  });

  it('each keep the YAML valid, clear their own finding and add none, alternatives too', () => {
    assert.deepEqual(fixFailures(checked), []);
  });

  it('remove a misspelled key whose field is set instead of renaming onto it, and withhold guesses', () => {
    for (const title of ['Remove replica (replicas is set)', 'Remove nme (name is set)', 'Rename to containers', 'Change apiVersion to apps/v1 with the selector from the template labels', 'Change apiVersion to batch/v1']) {
      assert.ok(titles.has(title), title);
    }
    // replicas is set; `three` is no integer; two keys claim imagePullPolicy; the v1 Ingress needs its backend rewritten.
    for (const title of ['Rename to replicas', 'Rename to imagePullPolicy', 'Rename to matchLabels', 'Change apiVersion to networking.k8s.io/v1']) assert.ok(!titles.has(title), title);
  });
});
