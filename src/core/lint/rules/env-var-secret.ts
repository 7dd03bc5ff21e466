import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { looksSecretName } from '../secret-text.ts';
import type { Rule } from '../types.ts';
import { asList, asMapping, asText } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const envVarSecret: Rule = {
  id: 'env-var-secret',
  category: 'security',
  severity: 'error',
  kinds: podKinds,
  description: 'An environment variable whose name looks secret (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*API_KEY*`, `*PRIVATE_KEY*`) with a literal `value`.',
  why: 'The secret is then in the manifest, in git and readable by anyone who can read the workload; use `valueFrom.secretKeyRef`.',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      for (const item of asList(container.env)) {
        const entry = asMapping(item);
        const name = asText(entry?.name);
        if (entry === undefined || name === undefined || !looksSecretName(name)) continue;
        if (entry.value === undefined || entry.value === null || entry.value === '') continue;
        yield reportOn(object, rangeIn(object, entry, 'value'), `The environment variable ${name} holds a literal secret; use valueFrom.secretKeyRef.`);
      }
    }
  },
};
