/**
 * The JSONPath subset CRD printer columns use (k8s.io/client-go/util/jsonpath with AllowMissingKeys):
 * `.field` (dots escaped as `\.`), `['field']`, `[n]`, `[*]` and `[?(@.a.b=="value")]`. A missing key
 * yields nothing rather than an error, as the server's table convertor asks.
 */
import { isObject } from './objects.ts';

type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'all' }
  | { readonly kind: 'filter'; readonly path: readonly Step[]; readonly value: string };

/** Each step's form, tried in order: its pattern and the step a match makes. */
const forms: readonly (readonly [RegExp, (match: RegExpExecArray) => Step | undefined])[] = [
  [/^\.((?:\\.|[^.[\\])+)/, (match) => ({ kind: 'field', name: (match[1] ?? '').replace(/\\(.)/g, '$1') })],
  [/^\[\s*'([^']*)'\s*\]/, (match) => ({ kind: 'field', name: match[1] ?? '' })],
  [/^\[\s*(\d+)\s*\]/, (match) => ({ kind: 'index', index: Number(match[1]) })],
  [/^\[\s*\*\s*\]/, () => ({ kind: 'all' })],
  [/^\[\s*\?\(\s*@((?:\.(?:\\.|[^.=\\\s])+)+)\s*==\s*(?:"([^"]*)"|'([^']*)')\s*\)\s*\]/, (match) => {
    const path = parseJsonPath(match[1] ?? '');
    return path === undefined ? undefined : { kind: 'filter', path, value: match[2] ?? match[3] ?? '' };
  }],
];

/** The steps of `.a.b[0]` (braces and `$` allowed around it), or undefined for what the subset does not parse. */
export function parseJsonPath(text: string): Step[] | undefined {
  const steps: Step[] = [];
  let rest = text.trim().replace(/^\{(.*)\}$/s, '$1').replace(/^\$/, '');
  while (rest !== '') {
    let step: Step | undefined;
    for (const [pattern, make] of forms) {
      const match = pattern.exec(rest);
      if (match === null) continue;
      step = make(match);
      rest = rest.slice(match[0].length);
      break;
    }
    if (step === undefined) return undefined;
    steps.push(step);
  }
  return steps;
}

/** Every value the steps reach, in document order. */
export function evaluateJsonPath(steps: readonly Step[], root: unknown): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    current = current.flatMap((value): unknown[] => {
      if (step.kind === 'field') return isObject(value) && Object.hasOwn(value, step.name) ? [value[step.name]] : [];
      if (!Array.isArray(value)) return step.kind === 'all' && isObject(value) ? Object.values(value) : [];
      if (step.kind === 'index') return step.index < value.length ? [value[step.index]] : [];
      if (step.kind === 'all') return value;
      return value.filter((item) => evaluateJsonPath(step.path, item).some((found) => found === step.value));
    });
  }
  return current;
}
