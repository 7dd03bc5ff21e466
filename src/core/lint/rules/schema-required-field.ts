import { anyKind } from '../kinds.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { shortTypeName } from '../schema/names.ts';
import { kustomizePatchFiles } from '../templates.ts';
import type { Rule } from '../types.ts';

export const schemaRequiredField: Rule = {
  id: 'schema-required-field',
  category: 'schema',
  severity: 'error',
  kinds: anyKind,
  description: 'A required field is missing (`containers[].name`, `containers[].image`, `spec.selector` of apps/v1 workloads, `spec.template`, Service `ports[].port`, ...).',
  why: 'The API server rejects the object with "Required value".',
  *check(context) {
    // A kustomization's patch is a fragment merged into a full object: what it leaves out is not missing.
    const patches = context.derived(kustomizePatchFiles);
    for (const issue of context.schemaIssues()) {
      if (issue.kind !== 'required' || patches.has(issue.object.file.path)) continue;
      const { object, slot } = issue;
      // A mapping under a key points at that key; a list item at its name, else at the item itself.
      const range =
        slot === undefined ? object.range : typeof slot.key === 'string' ? rangeIn(object, slot.holder, slot.key, 'key') : rangeIn(object, issue.holder, 'name');
      yield reportOn(object, range, `Missing required field "${issue.field}" in ${shortTypeName(issue.type)}.`);
    }
  },
};
