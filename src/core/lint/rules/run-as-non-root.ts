import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import { containerSetting } from '../security-context.ts';
import type { Rule } from '../types.ts';
import { mappingAt } from '../values.ts';
import { podKinds } from '../workloads.ts';

export const runAsNonRoot: Rule = {
  id: 'run-as-non-root',
  category: 'security',
  severity: 'warning',
  kinds: podKinds,
  description: 'Neither the pod nor the container sets `runAsNonRoot: true` or a non-zero `runAsUser`; `runAsUser: 0` is always reported.',
  why: 'Root in a container is root on the host once anything breaks out; most images run fine as another user.',
  fix: 'Set runAsNonRoot: true.',
  *checkObject(object, context) {
    for (const ref of context.workloads.containers(object)) {
      const own = mappingAt(ref.container, 'securityContext');
      const pod = mappingAt(ref.pod.spec, 'securityContext');
      // The container's setting wins over the pod's (PodSecurityContext doc).
      const holder = own !== undefined && Object.hasOwn(own, 'runAsUser') ? own : pod;
      const user = holder?.runAsUser;
      if (user === 0) {
        yield reportOn(object, rangeIn(object, holder, 'runAsUser'), 'The container runs as root (runAsUser: 0).');
        continue;
      }
      const nonRoot = own !== undefined && Object.hasOwn(own, 'runAsNonRoot') ? own.runAsNonRoot : pod?.runAsNonRoot;
      if (nonRoot === true || (typeof user === 'number' && user > 0)) continue;
      const { range, fix } = containerSetting(ref, 'runAsNonRoot', 'true');
      yield reportOn(object, range, 'The container may run as root: set runAsNonRoot: true or a non-zero runAsUser.', fix === undefined ? {} : { fix });
    }
  },
};
