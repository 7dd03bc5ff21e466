import { rangeIn } from '../ranges.ts';
import { relatedTo, reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { asList, asText, valueAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const duplicateEnvVar: Rule = {
  id: 'duplicate-env-var',
  category: 'schema',
  severity: 'warning',
  kinds: podKinds,
  description: 'A container defines the same environment variable name twice.',
  why: 'Only the last definition takes effect, and server-side apply refuses the duplicate list key.',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      const first = new Map<string, unknown>();
      for (const entry of asList(container.env)) {
        const name = asText(valueAt(entry, 'name'));
        if (name === undefined) continue;
        const earlier = first.get(name);
        if (earlier === undefined) {
          first.set(name, entry);
          continue;
        }
        yield reportOn(object, rangeIn(object, entry, 'name'), `The environment variable ${name} is defined twice.`, {
          related: [relatedTo(object, rangeIn(object, earlier, 'name'), 'first definition')],
        });
      }
    }
  },
};
