import { missingResourceRule } from '../missing-resource.ts';

export const missingCpuRequest = missingResourceRule({
  id: 'missing-cpu-request',
  resource: 'cpu',
  side: 'requests',
  placeholder: '100m',
  why: 'Without a CPU request the scheduler places the pod as if it used nothing, packing nodes until they are starved; the pod is also first to be throttled.',
});
