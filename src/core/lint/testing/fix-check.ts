// Test support: quick fixes applied as the editor applies them (all edits of a fix at once, `${input}`
// replaced by the answer), and what the fixed file must not do: break the YAML, grow the number of
// findings, bring a new error or warning of another rule, or keep the finding it fixes.
import { applyTextEdit } from '../../cluster/context-namespace-edit.ts';
import { createLintFile, lint, type LintOptions } from '../engine.ts';
import type { Finding, Fix } from '../types.ts';

/** The text with every edit of the fix applied; the input box's placeholder stands for the user's answer. */
export function applyFix(text: string, fix: Fix, answer = fix.input?.placeholder ?? ''): string {
  const edits = [...fix.edits].sort((a, b) => b.start - a.start || b.end - a.end);
  return edits.reduce((result, edit) => applyTextEdit(result, { ...edit, newText: edit.newText.replaceAll('${input}', answer) }), text);
}

/** Edits that overlap: a WorkspaceEdit with them is refused. */
function overlapping(fix: Fix): boolean {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  return edits.some((edit, index) => index > 0 && edit.start < (edits[index - 1]?.end ?? 0));
}

function countBy(findings: readonly Finding[], keep: (finding: Finding) => boolean = () => true): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (keep(finding)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

const serious = (finding: Finding): boolean => finding.severity === 'error' || finding.severity === 'warning';

export interface FixOutcome {
  readonly ruleId: string;
  readonly title: string;
  /** What went wrong, empty when the fix is sound. */
  readonly problems: readonly string[];
}

/** Every fix and alternative fix of every finding of one file, each applied alone to the original text. */
export function checkFixes(path: string, text: string, options: LintOptions): FixOutcome[] {
  const original = createLintFile(path, text);
  const before = lint([original], options);
  const brokenBefore = original.parsed.documents.filter((document) => document.error !== undefined).length;
  const countsBefore = countBy(before);
  const seriousBefore = countBy(before, serious);
  const outcomes: FixOutcome[] = [];
  for (const finding of before) {
    for (const fix of [...(finding.fix === undefined ? [] : [finding.fix]), ...finding.alternatives]) {
      const problems: string[] = [];
      if (overlapping(fix)) problems.push('overlapping edits');
      const file = createLintFile(path, applyFix(text, fix));
      const after = lint([file], options);
      if (file.parsed.documents.filter((document) => document.error !== undefined).length > brokenBefore) problems.push('a YAML error');
      if (after.length > before.length) problems.push(`${before.length} → ${after.length} findings`);
      if ((countBy(after).get(finding.ruleId) ?? 0) >= (countsBefore.get(finding.ruleId) ?? 0)) problems.push('its finding stays');
      for (const [ruleId, count] of countBy(after, serious)) {
        if (ruleId !== finding.ruleId && count > (seriousBefore.get(ruleId) ?? 0)) problems.push(`a new ${ruleId}`);
      }
      outcomes.push({ ruleId: finding.ruleId, title: fix.title, problems });
    }
  }
  return outcomes;
}

/** One line per unsound fix of the checked files: file, rule, fix title and what went wrong. */
export function fixFailures(checked: readonly { readonly name: string; readonly outcomes: readonly FixOutcome[] }[]): string[] {
  return checked.flatMap(({ name, outcomes }) => outcomes.filter((outcome) => outcome.problems.length > 0).map((outcome) => `${name}: ${outcome.ruleId} "${outcome.title}": ${outcome.problems.join(', ')}`));
}
