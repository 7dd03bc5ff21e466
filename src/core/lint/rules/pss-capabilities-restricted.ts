import { setPathEdit } from '../edits.ts';
import { containerLabel, pssRule } from '../pss-rule.ts';
import { containerRange, rangeIn } from '../ranges.ts';
import type { Fix } from '../types.ts';
import { asList, mappingAt } from '../values.ts';
import type { ContainerRef } from '../workloads.ts';

/** `drop: [ALL]` where no drop list is: a drop list already there may be meant, so it is left to the author. */
function dropAllFix(ref: ContainerRef): Fix | undefined {
  if (mappingAt(ref.container, 'securityContext', 'capabilities')?.drop !== undefined) return undefined;
  const edit = setPathEdit(ref.object, ref.container, ['securityContext', 'capabilities', 'drop'], '[ALL]');
  return edit === undefined ? undefined : { title: 'Set securityContext.capabilities.drop: [ALL]', edits: [edit] };
}

export const pssCapabilitiesRestricted = pssRule({
  id: 'pss-capabilities-restricted',
  level: 'restricted',
  control: 'Capabilities',
  since: '1.22',
  windowsExempt: true,
  description: 'A container whose `capabilities.drop` lacks ALL, or whose `capabilities.add` holds anything but NET_BIND_SERVICE.',
  why: 'Dropping every capability and adding back only binding low ports leaves a root process nearly powerless.',
  fix: 'Set capabilities.drop: [ALL].',
  *check(pod, containers) {
    for (const ref of containers) {
      const capabilities = mappingAt(ref.container, 'securityContext', 'capabilities');
      if (!asList(capabilities?.drop).includes('ALL')) {
        const range = capabilities?.drop === undefined ? containerRange(pod.object, ref.container) : rangeIn(pod.object, capabilities, 'drop', 'key');
        const fix = dropAllFix(ref);
        yield { range, message: `capabilities.drop must hold ALL on ${containerLabel(ref)}`, ...(fix === undefined ? {} : { fix }) };
      }
      for (const [index, entry] of asList(capabilities?.add).entries()) {
        if (entry !== 'NET_BIND_SERVICE') yield { range: rangeIn(pod.object, capabilities?.add, index), message: `capabilities.add may only hold NET_BIND_SERVICE, not ${String(entry)}, on ${containerLabel(ref)}` };
      }
    }
  },
});
