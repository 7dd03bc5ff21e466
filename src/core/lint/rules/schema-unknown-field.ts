import { replaceEdit } from '../edits.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { closestName } from '../schema/closest.ts';
import { shortTypeName } from '../schema/names.ts';
import type { Rule } from '../types.ts';

export const schemaUnknownField: Rule = {
  id: 'schema-unknown-field',
  category: 'schema',
  severity: 'warning',
  kinds: ['*'],
  description: "A field that the kind's schema does not define (typos such as `contianers`, `replica`), checked against the Kubernetes OpenAPI schema of the target version.",
  why: 'The API server drops unknown fields (or rejects them with strict field validation): the setting you wrote never takes effect.',
  fix: 'Rename the field to the closest schema field.',
  *check(context) {
    for (const issue of context.schemaIssues()) {
      if (issue.kind !== 'unknown') continue;
      const range = rangeIn(issue.object, issue.holder, issue.key, 'key');
      const suggestion = closestName(issue.key, issue.known);
      const hint = suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
      yield reportOn(issue.object, range, `Unknown field "${issue.key}" in ${shortTypeName(issue.type)}${hint}`, {
        ...(suggestion === undefined ? {} : { fix: { title: `Rename to ${suggestion}`, edits: [replaceEdit(range, suggestion)] } }),
      });
    }
  },
};
