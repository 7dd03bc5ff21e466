import { replaceEdit } from '../edits.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const privilegedContainer: Rule = {
  id: 'privileged-container',
  category: 'security',
  severity: 'error',
  kinds: podKinds,
  description: 'A container with `securityContext.privileged: true`.',
  why: 'A privileged container has every capability and the host\'s devices: escaping to the node is trivial.',
  fix: 'Set privileged to false.',
  *checkObject(object, context) {
    for (const { container } of context.workloads.containers(object)) {
      const securityContext = mappingAt(container, 'securityContext');
      if (securityContext?.privileged !== true) continue;
      const range = rangeIn(object, securityContext, 'privileged');
      yield reportOn(object, range, 'The container runs privileged.', { fix: { title: 'Set privileged: false', edits: [replaceEdit(range, 'false')] } });
    }
  },
};
