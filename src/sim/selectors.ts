/** Label and field selectors, in the query-string syntax of k8s.io/apimachinery/pkg/labels and fields. */
import type { KubeObject, LabelSelector } from './objects.ts';
import { badRequest } from './status.ts';

interface Requirement {
  readonly key: string;
  readonly operator: 'in' | 'notin' | 'exists' | '!';
  readonly values: ReadonlySet<string>;
}

/**
 * Requirements of one selector. kube-apiserver sets no number, but every object of a list is tested
 * against each: a 16 KiB query of `!a1,!a2,…` (3,000 requirements) over 150,000 pods would hold the
 * sim for a minute. No client writes more than a handful.
 */
export const maxRequirements = 100;

export type Matcher = (object: KubeObject) => boolean;

/** Splits on commas outside parentheses: `a in (x,y),b` is two requirements. */
function splitTerms(text: string): string[] {
  const terms = commaTerms(text);
  if (terms.length > maxRequirements) throw badRequest(`too many requirements in selector: ${terms.length}; the simulator takes at most ${maxRequirements}`);
  return terms;
}

function commaTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (char === ',' && depth === 0) {
      terms.push(text.slice(start, index));
      start = index + 1;
    }
  }
  terms.push(text.slice(start));
  return terms.map((term) => term.trim()).filter((term) => term !== '');
}

const setTerm = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const equalityTerm = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/;
const existsTerm = /^(!?)\s*([^\s!=(),]+)$/;

function parseTerm(term: string): Requirement {
  const set = setTerm.exec(term);
  if (set !== null) {
    const values = new Set((set[3] ?? '').split(',').map((value) => value.trim()));
    return { key: set[1] ?? '', operator: set[2] === 'in' ? 'in' : 'notin', values };
  }
  const equality = equalityTerm.exec(term);
  if (equality !== null) {
    return { key: equality[1] ?? '', operator: equality[2] === '!=' ? 'notin' : 'in', values: new Set([equality[3] ?? '']) };
  }
  const exists = existsTerm.exec(term);
  if (exists !== null) return { key: exists[2] ?? '', operator: exists[1] === '!' ? '!' : 'exists', values: new Set() };
  throw badRequest(`unable to parse requirement: found '${term}', expected: in, notin, =, ==, !=, gt, lt`);
}

function matches(requirement: Requirement, value: string | undefined): boolean {
  switch (requirement.operator) {
    case 'in':
      return value !== undefined && requirement.values.has(value);
    case 'notin':
      return value === undefined || !requirement.values.has(value);
    case 'exists':
      return value !== undefined;
    case '!':
      return value === undefined;
  }
}

export function parseLabelSelector(text: string | null): Matcher | undefined {
  if (text === null || text.trim() === '') return undefined;
  const requirements = splitTerms(text).map(parseTerm);
  return (object) => requirements.every((requirement) => matches(requirement, object.metadata.labels?.[requirement.key]));
}

type Field = (object: KubeObject) => string;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function part(object: KubeObject, section: string): Record<string, unknown> {
  const value = object[section];
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

const involved = (key: string): Field => (object) => text(part(object, 'involvedObject')[key]);

/** The fields the sim can select on, per kube-apiserver's pod, node and event field label conversions. */
const fields: ReadonlyMap<string, Field> = new Map(Object.entries({
  'metadata.name': (object) => object.metadata.name ?? '',
  'metadata.namespace': (object) => object.metadata.namespace ?? '',
  'spec.nodeName': (object) => text(part(object, 'spec')['nodeName']),
  'status.phase': (object) => text(part(object, 'status')['phase']),
  'spec.unschedulable': (object) => String(part(object, 'spec')['unschedulable'] === true),
  'involvedObject.kind': involved('kind'),
  'involvedObject.name': involved('name'),
  'involvedObject.namespace': involved('namespace'),
  'involvedObject.uid': involved('uid'),
  'involvedObject.apiVersion': involved('apiVersion'),
  'involvedObject.resourceVersion': involved('resourceVersion'),
  'involvedObject.fieldPath': involved('fieldPath'),
  // events.k8s.io/v1 names (event-view.ts) for the same fields.
  ...Object.fromEntries(['kind', 'name', 'namespace', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'].map((key) => [`regarding.${key}`, (object: KubeObject) => text(part(object, 'regarding')[key])])),
  reportingController: (object) => text(object['reportingController']),
  reason: (object) => text(object['reason']),
  type: (object) => text(object['type']),
  reportingComponent: (object) => text(object['reportingComponent']),
  // An event's source is its component, else the controller that reported it.
  source: (object: KubeObject) => text(part(object, 'source')['component']) || text(object['reportingComponent']),
}));

export function parseFieldSelector(text: string | null): Matcher | undefined {
  if (text === null || text.trim() === '') return undefined;
  const requirements = splitTerms(text).map((term) => {
    const parsed = parseTerm(term);
    if (parsed.operator !== 'in' && parsed.operator !== 'notin') throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = fields.get(parsed.key);
    if (field === undefined) throw badRequest(`field label not supported: ${parsed.key}`);
    return { requirement: parsed, field };
  });
  return (object) => requirements.every(({ requirement, field }) => matches(requirement, field(object)));
}

/** A workload's `spec.selector` (matchLabels + matchExpressions) against a set of labels. */
export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (selector === undefined) return false;
  const has = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (has[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const operator = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' }[expression.operator];
    if (operator === undefined) return false;
    const requirement: Requirement = { key: expression.key, operator: operator as Requirement['operator'], values: new Set(expression.values ?? []) };
    if (!matches(requirement, has[expression.key])) return false;
  }
  return true;
}

/** Both selectors of a request as one predicate; undefined when neither is set. */
export function combine(...matchers: (Matcher | undefined)[]): Matcher | undefined {
  const present = matchers.filter((matcher): matcher is Matcher => matcher !== undefined);
  if (present.length === 0) return undefined;
  return (object) => present.every((matcher) => matcher(object));
}
