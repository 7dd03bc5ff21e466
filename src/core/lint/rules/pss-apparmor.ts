import { nestedFieldViolations, pssRule, securityContexts } from '../pss-rule.ts';
import { rangeIn } from '../ranges.ts';
import { asText, mappingAt } from '../values.ts';

const annotationPrefix = 'container.apparmor.security.beta.kubernetes.io/';

export const pssApparmor = pssRule({
  id: 'pss-apparmor',
  level: 'baseline',
  control: 'AppArmor',
  description: '`appArmorProfile.type` other than RuntimeDefault or Localhost, or a `container.apparmor.security.beta.kubernetes.io/*` annotation other than runtime/default or localhost/*.',
  why: 'Unconfined turns off the AppArmor profile that the runtime applies by default.',
  *check(pod, containers) {
    const confined = (type: unknown) => type !== 'RuntimeDefault' && type !== 'Localhost';
    yield* nestedFieldViolations(securityContexts(pod, containers), 'appArmorProfile', 'type', confined, 'appArmorProfile.type must be RuntimeDefault or Localhost');
    const annotations = mappingAt(pod.template, 'metadata', 'annotations') ?? {};
    for (const [key, raw] of Object.entries(annotations)) {
      const value = asText(raw);
      if (!key.startsWith(annotationPrefix) || value === undefined || value === '' || value === 'runtime/default' || value.startsWith('localhost/')) continue;
      yield { range: rangeIn(pod.object, annotations, key), message: `the annotation ${key} must be runtime/default or localhost/<profile>` };
    }
  },
});
