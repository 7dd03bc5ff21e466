import type { KubeObject, TextEdit } from './types.ts';
import { asText, valueAt } from './values.ts';

export const ignoreAnnotation = 'kube-workbench.io/ignore';
export const disableNextLine = 'kube-workbench-disable-next-line';

/** Whether the object's `kube-workbench.io/ignore: "rule-a,rule-b"` annotation names the rule. */
export function ignoredByAnnotation(object: KubeObject | undefined, ruleId: string): boolean {
  const annotation = asText(valueAt(object?.value, 'metadata', 'annotations', ignoreAnnotation));
  return annotation !== undefined && ids(annotation).includes(ruleId);
}

/**
 * Whether the line above `offset` is `# kube-workbench-disable-next-line [ids]` naming the rule (or
 * naming none: then every rule is off for that line).
 */
export function ignoredByComment(text: string, offset: number, ruleId: string): boolean {
  const lineStart = lineStartBefore(text, offset);
  if (lineStart === 0) return false;
  // The previous line's end: before its LF, CRLF or CR.
  let previousEnd = lineStart;
  if (text[previousEnd - 1] === '\n') previousEnd -= 1;
  if (text[previousEnd - 1] === '\r') previousEnd -= 1;
  const previous = text.slice(lineStartBefore(text, previousEnd), previousEnd).trim();
  if (!previous.startsWith('#')) return false;
  const body = previous.slice(1).trim();
  if (!body.startsWith(disableNextLine)) return false;
  const rest = body.slice(disableNextLine.length);
  if (rest !== '' && !/^\s/.test(rest)) return false;
  const named = ids(rest);
  return named.length === 0 || named.includes(ruleId);
}

function ids(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== '');
}

/** Start of the line holding `offset` (LF, CRLF or CR breaks). */
function lineStartBefore(text: string, offset: number): number {
  for (let index = Math.min(offset, text.length) - 1; index >= 0; index -= 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return index + 1;
  }
  return 0;
}

/**
 * The "disable for this line" quick fix: `# kube-workbench-disable-next-line <rule>` inserted above the
 * line where the finding starts, at that line's indentation and with the file's line break.
 */
export function suppressionEdit(text: string, offset: number, ruleId: string): TextEdit {
  const lineStart = lineStartBefore(text, offset);
  let indentEnd = lineStart;
  while (text[indentEnd] === ' ' || text[indentEnd] === '\t') indentEnd += 1;
  const lf = text.indexOf('\n', lineStart);
  const newline = lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${text.slice(lineStart, indentEnd)}# ${disableNextLine} ${ruleId}${newline}` };
}
