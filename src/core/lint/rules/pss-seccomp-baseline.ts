import { versionAtLeast } from '../deprecations.ts';
import { nestedFieldViolations, pssRule, securityContexts } from '../pss-rule.ts';
import { rangeIn } from '../ranges.ts';
import { mappingAt } from '../values.ts';

export const pssSeccompBaseline = pssRule({
  id: 'pss-seccomp-baseline',
  level: 'baseline',
  control: 'Seccomp',
  overriddenFrom: '1.19',
  description: '`seccompProfile.type: Unconfined` on the pod or a container (before policy 1.19: a `seccomp.security.alpha.kubernetes.io` annotation other than runtime/default, docker/default or localhost/*).',
  why: 'Unconfined turns off system call filtering, exposing the whole kernel interface to the container.',
  *check(pod, containers, { version }) {
    if (!versionAtLeast(version, '1.19')) {
      const annotations = mappingAt(pod.template, 'metadata', 'annotations') ?? {};
      for (const [key, value] of Object.entries(annotations)) {
        const seccomp = key === 'seccomp.security.alpha.kubernetes.io/pod' || key.startsWith('container.seccomp.security.alpha.kubernetes.io/');
        if (!seccomp || value === 'runtime/default' || value === 'docker/default' || String(value).startsWith('localhost/')) continue;
        yield { range: rangeIn(pod.object, annotations, key), message: `the annotation ${key} must be runtime/default, docker/default or localhost/<profile>` };
      }
      return;
    }
    yield* nestedFieldViolations(securityContexts(pod, containers), 'seccompProfile', 'type', (type) => type === 'Unconfined', 'seccompProfile.type may not be Unconfined');
  },
});
