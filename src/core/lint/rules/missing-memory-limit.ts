import { missingResourceRule } from '../missing-resource.ts';

export const missingMemoryLimit = missingResourceRule({
  id: 'missing-memory-limit',
  resource: 'memory',
  side: 'limits',
  placeholder: '256Mi',
  why: 'A container without a memory limit can take all of the node\'s memory, and the kernel OOM killer then picks other pods too.',
});
