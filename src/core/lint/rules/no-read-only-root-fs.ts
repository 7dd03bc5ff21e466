import { reportOn } from '../report.ts';
import { containerSetting } from '../security-context.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const noReadOnlyRootFs: Rule = {
  id: 'no-read-only-root-fs',
  category: 'security',
  severity: 'warning',
  kinds: podKinds,
  description: 'A container without `securityContext.readOnlyRootFilesystem: true`.',
  why: 'A writable root filesystem lets an intruder drop binaries and change the image at run time; write to mounted volumes instead.',
  fix: 'Set readOnlyRootFilesystem: true.',
  *checkObject(object, context) {
    for (const ref of context.workloads.containers(object)) {
      if (mappingAt(ref.container, 'securityContext')?.readOnlyRootFilesystem === true) continue;
      const { range, fix } = containerSetting(ref, 'readOnlyRootFilesystem', 'true');
      yield reportOn(object, range, 'The container does not set readOnlyRootFilesystem: true.', fix === undefined ? {} : { fix });
    }
  },
};
