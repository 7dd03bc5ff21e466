import assert from 'node:assert/strict';
import { createLintFile, lint, type LintOptions } from '../engine.ts';
import type { Finding } from '../types.ts';

/** Test support: YAML with `⟦…⟧` around each range a rule must report, and nothing else from that rule. */
export function strip(marked: string): { text: string; ranges: { start: number; end: number }[] } {
  const ranges: { start: number; end: number }[] = [];
  let text = '';
  let open = -1;
  for (const char of marked) {
    if (char === '⟦') open = text.length;
    else if (char === '⟧') ranges.push({ start: open, end: text.length });
    else text += char;
  }
  return { text, ranges };
}

export function findingsOf(ruleId: string, text: string, options: LintOptions = {}): Finding[] {
  return lint([createLintFile('test.yaml', text)], options).filter((finding) => finding.ruleId === ruleId);
}

/** Asserts the rule reports exactly the marked ranges; returns the findings for further checks. */
export function expectRanges(ruleId: string, marked: string, options: LintOptions = {}): Finding[] {
  const { text, ranges } = strip(marked);
  assert.ok(ranges.length > 0, 'a triggering case marks at least one range');
  const findings = findingsOf(ruleId, text, options);
  const got = findings.map((finding) => `${finding.range.start}-${finding.range.end} ${JSON.stringify(text.slice(finding.range.start, finding.range.end))}`);
  const want = ranges.map((range) => `${range.start}-${range.end} ${JSON.stringify(text.slice(range.start, range.end))}`);
  assert.deepEqual(got, want);
  return findings;
}

export function expectNone(ruleId: string, text: string, options: LintOptions = {}): void {
  assert.deepEqual(findingsOf(ruleId, text, options).map((finding) => finding.message), []);
}
