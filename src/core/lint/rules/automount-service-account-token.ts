import { setPathEdit } from '../edits.ts';
import { reportOn } from '../report.ts';
import type { KubeObject, Rule, RuleContext } from '../types.ts';
import { asText } from '../values.ts';
import { podKinds } from '../workloads.ts';

/** ServiceAccounts of the file set that opt out of automounting, keyed `namespace/name`. */
function optedOut(context: RuleContext): Set<string> {
  const accounts = context.objects.filter((object) => object.kind === 'ServiceAccount' && object.value.automountServiceAccountToken === false);
  return new Set(accounts.map((account) => `${account.namespace ?? ''}/${account.name ?? ''}`));
}

export const automountServiceAccountToken: Rule = {
  id: 'automount-service-account-token',
  category: 'security',
  severity: 'info',
  kinds: podKinds,
  description:
    'A pod spec that does not set `automountServiceAccountToken: false`, whatever its service account, unless that ServiceAccount in the file set sets it to false (an explicit `true` on the pod is left alone).',
  why: 'Every container then holds an API token it does not need; a compromised container can use it against the API server.',
  fix: 'Set automountServiceAccountToken: false.',
  *checkObject(object, context) {
    const spec = context.workloads.pod(object)?.spec;
    if (spec === undefined || spec.automountServiceAccountToken !== undefined) return;
    const account = asText(spec.serviceAccountName) ?? asText(spec.serviceAccount) ?? 'default';
    if (context.derived(optedOut).has(`${object.namespace ?? ''}/${account}`)) return;
    yield report(object, spec, account);
  },
};

function report(object: KubeObject, spec: Readonly<Record<string, unknown>>, account: string) {
  const edit = setPathEdit(object, spec, ['automountServiceAccountToken'], 'false');
  // A named account usually exists to call the API: the advice says so.
  const message =
    account === 'default'
      ? 'The pod mounts the default service account token; set automountServiceAccountToken: false.'
      : `The pod mounts the ${account} service account token; set automountServiceAccountToken: false unless it calls the API.`;
  return reportOn(object, object.range, message, {
    ...(edit === undefined ? {} : { fix: { title: 'Set automountServiceAccountToken: false', edits: [edit] } }),
  });
}
