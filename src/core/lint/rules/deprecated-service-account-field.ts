import { replaceEdit } from '../edits.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { podKinds } from '../workloads.ts';

export const deprecatedServiceAccountField: Rule = {
  id: 'deprecated-service-account-field',
  category: 'schema',
  severity: 'warning',
  kinds: podKinds,
  description: 'A pod spec uses `serviceAccount` instead of `serviceAccountName`.',
  why: '`serviceAccount` is a deprecated alias kept for old clients; tools that read only `serviceAccountName` miss it.',
  fix: 'Rename the key to serviceAccountName.',
  *checkObject(object, context) {
    const spec = context.workloads.pod(object)?.spec;
    if (spec?.serviceAccount === undefined) return;
    const key = rangeIn(object, spec, 'serviceAccount', 'key');
    const fix = spec.serviceAccountName === undefined ? { title: 'Rename to serviceAccountName', edits: [replaceEdit(key, 'serviceAccountName')] } : undefined;
    yield reportOn(object, key, 'serviceAccount is deprecated; use serviceAccountName.', fix === undefined ? {} : { fix });
  },
};
