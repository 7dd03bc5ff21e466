import { replaceEdit } from './edits.ts';
import { rangeIn } from './ranges.ts';
import { reportOn } from './report.ts';
import type { Rule } from './types.ts';
import { podKinds } from './workloads.ts';

/** The host-network / host-pid / host-ipc family: a pod spec flag that must not be true. */
export function podFlagRule(id: string, field: string, why: string): Rule {
  return {
    id,
    category: 'security',
    severity: 'error',
    kinds: podKinds,
    description: `A pod spec with \`${field}: true\`.`,
    why,
    fix: `Set ${field} to false.`,
    *checkObject(object, context) {
      const spec = context.workloads.pod(object)?.spec;
      if (spec?.[field] !== true) return;
      const range = rangeIn(object, spec, field);
      yield reportOn(object, range, `The pod shares the host's namespace: ${field} is true.`, { fix: { title: `Set ${field}: false`, edits: [replaceEdit(range, 'false')] } });
    },
  };
}
