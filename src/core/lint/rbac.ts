// What a Role or ClusterRole grants, rule by rule, for the RBAC escalation rules: `*` in a list
// matches every value, as the authorizer reads it.
import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import { describe, reportOn } from './report.ts';
import type { KubeObject, Report, Rule, SetObject } from './types.ts';
import { asList, asMapping, type Mapping, valueAt } from './values.ts';

export interface Grant {
  readonly rule: Mapping;
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

export function grants(role: SetObject): Grant[] {
  return asList(valueAt(role.value, 'rules')).flatMap((item) => {
    const rule = asMapping(item);
    if (rule === undefined) return [];
    const texts = (field: string) => asList(rule[field]).map(String);
    return [{ rule, apiGroups: texts('apiGroups'), resources: texts('resources'), verbs: texts('verbs') }];
  });
}

/** Whether a list grants `value`: it holds it or `*`. */
export const covers = (list: readonly string[], value: string): boolean => list.includes(value) || list.includes('*');

/** Where a grant names `value` in `field` (the entry itself, else its `*`). */
export function entryRange(role: KubeObject, grant: Grant, field: 'resources' | 'verbs', value: string): Range {
  const list = grant[field];
  const index = list.includes(value) ? list.indexOf(value) : list.indexOf('*');
  return rangeIn(role, grant.rule[field], index);
}

/**
 * A rule over Roles and ClusterRoles: `find` names, per grant, the resource (or verb) entry to point at
 * and what it grants, or undefined.
 */
export function grantRule(info: Omit<Rule, 'kinds' | 'category' | 'checkObject' | 'check'>, find: (grant: Grant, role: KubeObject) => { range: Range; what: string } | undefined): Rule {
  return {
    ...info,
    category: 'security',
    kinds: ['Role', 'ClusterRole'],
    *checkObject(role): Iterable<Report> {
      for (const grant of grants(role)) {
        const found = find(grant, role);
        if (found !== undefined) yield reportOn(role, found.range, `${describe(role)} grants ${found.what}.`);
      }
    },
  };
}

/** The core API group ("") or `*`. */
export const coreGroup = (grant: Grant): boolean => covers(grant.apiGroups, '');

/** A rule over RoleBindings and ClusterRoleBindings: one finding per subject that `matches`, at its name. */
export function subjectRule(info: Omit<Rule, 'kinds' | 'category' | 'checkObject' | 'check'>, matches: (subject: Mapping) => boolean, message: (binding: string, subject: Mapping) => string): Rule {
  return {
    ...info,
    category: 'security',
    kinds: ['RoleBinding', 'ClusterRoleBinding'],
    *checkObject(binding): Iterable<Report> {
      for (const item of asList(valueAt(binding.value, 'subjects'))) {
        const subject = asMapping(item);
        if (subject !== undefined && matches(subject)) yield reportOn(binding, rangeIn(binding, subject, 'name'), message(describe(binding), subject));
      }
    },
  };
}