import { missingResourceRule } from '../missing-resource.ts';

export const missingCpuLimit = missingResourceRule({
  id: 'missing-cpu-limit',
  resource: 'cpu',
  side: 'limits',
  placeholder: '1',
  profile: 'all',
  why: 'Without a CPU limit a busy container takes every idle cycle of its node. Opt-in: a limit also throttles a container that could have used idle CPU, which is why many teams set none.',
});
