import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix } from '../testing/fix-check.ts';
import { findingsOf } from '../testing/expect-rule.ts';
import { deployment, goodContainer } from '../testing/manifests.ts';
import schemaJson from './kubernetes-schema.json' with { type: 'json' };
import type { SchemaSnapshot } from './snapshot.ts';

const schema = schemaJson as SchemaSnapshot;

function fixesOf(text: string): { key: string; title: string | undefined; fixed: string | undefined }[] {
  return findingsOf('schema-unknown-field', text, { schema }).map((finding) => ({
    key: /"([^"]+)"/.exec(finding.message)?.[1] ?? '',
    title: finding.fix?.title,
    fixed: finding.fix === undefined ? undefined : applyFix(text, finding.fix),
  }));
}

describe('schema-unknown-field fixes', () => {
  it('renames a typo to the closest field', () => {
    const text = deployment(goodContainer, { specFields: '  replica: 2' });
    assert.deepEqual(fixesOf(text), [{ key: 'replica', title: 'Rename to replicas', fixed: text.replace('replica:', 'replicas:') }]);
  });

  it('removes the typo, lines and all, when the mapping already sets the field (renaming made a duplicate key)', () => {
    const text = deployment(goodContainer, { specFields: '  replica: 3 # three\n  replicas: 2' });
    assert.deepEqual(fixesOf(text), [{ key: 'replica', title: 'Remove replica (replicas is set)', fixed: text.replace('  replica: 3 # three\n', '') }]);
  });

  it('removes a typo after a sequence dash by moving the next entry up, so the item stays', () => {
    const text = deployment(goodContainer).replace('      - name: app\n', '      - nme: |\n          app\n        name: app\n');
    assert.deepEqual(fixesOf(text), [{ key: 'nme', title: 'Remove nme (name is set)', fixed: deployment(goodContainer) }]);
  });

  it('offers nothing where a rename or removal would need a guess or a rewrite', () => {
    // Flow mapping with the field set; a value of the wrong type; two typos claiming one field.
    const flow = deployment(goodContainer).replace('matchLabels: {app: web}', '{matchLabels: {app: web}, matchLabel: {app: web}}').replace('  selector:\n    {', '  selector: {');
    const wrongType = deployment(goodContainer, { specFields: '  replica: three' });
    const twice = deployment(`${goodContainer}\n        imagePullPolicys: Always\n        imagePulPolicy: Always`);
    for (const text of [flow, wrongType, twice]) {
      const fixes = fixesOf(text);
      assert.ok(fixes.length > 0, text);
      assert.deepEqual(fixes.map((fix) => fix.title), fixes.map(() => undefined), text);
    }
  });
});
