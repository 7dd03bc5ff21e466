import type { KubeObject } from './types.ts';
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
  const previousStart = lineStartBefore(text, lineStart - 1);
  const previous = text.slice(previousStart, lineStart).trim();
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
