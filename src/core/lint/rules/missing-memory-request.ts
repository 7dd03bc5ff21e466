import { missingResourceRule } from '../missing-resource.ts';

export const missingMemoryRequest = missingResourceRule({
  id: 'missing-memory-request',
  resource: 'memory',
  side: 'requests',
  placeholder: '128Mi',
  why: 'Without a memory request the scheduler can overcommit the node; the pod is then among the first evicted under memory pressure.',
});
