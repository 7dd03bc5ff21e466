// Every rule's link lands on its own heading of the shipped docs/rules.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { allRules } from '../../core/lint/rules/index.ts';
import { ruleHeadingLines } from './rule-doc-links.ts';

describe('rule documentation links', () => {
  const markdown = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  const lines = markdown.split('\n');

  it('finds a heading line for every rule, and that line is the rule\'s heading', () => {
    const headings = ruleHeadingLines(markdown);
    for (const rule of allRules) {
      const line = headings.get(rule.id);
      assert.ok(line !== undefined, `no "### ${rule.id}" in docs/rules.md`);
      assert.equal(lines[line - 1], `### ${rule.id}`);
    }
  });

  it('ignores headings that are not rule ids', () => {
    assert.deepEqual([...ruleHeadingLines('# Lint rules\n## Security\n### latest-tag\ntext\n### Not A Rule\n')], [['latest-tag', 3]]);
  });
});
