import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kubeLinterChecks, polarisChecks } from './parity.ts';
import { allRules } from './rules/index.ts';

const ids = new Set(allRules.map((rule) => rule.id));

describe('kube-linter and Polaris parity tables', () => {
  for (const [tool, entries, count] of [['kube-linter', kubeLinterChecks, 63], ['Polaris', polarisChecks, 44]] as const) {
    it(`${tool}: every check once, mapped to real rules or declined with a reason`, () => {
      assert.equal(entries.length, count);
      assert.equal(new Set(entries.map((entry) => entry.check)).size, count);
      assert.deepEqual(entries.flatMap((entry) => entry.rules.filter((id) => !ids.has(id))), []);
      assert.deepEqual(entries.filter((entry) => entry.rules.length === 0 && !(entry.note ?? '').startsWith('declined: ')).map((entry) => entry.check), []);
    });
  }
});
