import { setPathEdit } from '../edits.ts';
import { objectRange } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asText } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const automountServiceAccountToken: Rule = {
  id: 'automount-service-account-token',
  category: 'security',
  severity: 'info',
  kinds: podKinds,
  description: 'A pod spec that uses the `default` service account and does not set `automountServiceAccountToken: false`.',
  why: 'Every container then holds an API token it does not need; a compromised container can use it against the API server.',
  fix: 'Set automountServiceAccountToken: false.',
  *checkObject(object, context) {
    const spec = context.workloads.pod(object)?.spec;
    if (spec === undefined) return;
    const account = asText(spec.serviceAccountName) ?? asText(spec.serviceAccount) ?? 'default';
    if (account !== 'default' || spec.automountServiceAccountToken === false) return;
    const edit = setPathEdit(object, spec, ['automountServiceAccountToken'], 'false');
    yield reportOn(object, objectRange(object), 'The pod mounts the default service account token; set automountServiceAccountToken: false.', {
      ...(edit === undefined ? {} : { fix: { title: 'Set automountServiceAccountToken: false', edits: [edit] } }),
    });
  },
};
