import { replaceEdit } from '../edits.ts';
import { rangeIn } from '../ranges.ts';
import { pssRule } from '../pss-rule.ts';

export const pssHostNamespaces = pssRule({
  id: 'pss-host-namespaces',
  level: 'baseline',
  control: 'Host Namespaces',
  description: '`hostNetwork`, `hostPID` or `hostIPC` is true.',
  why: 'Sharing the node\'s network, process or IPC namespace lets the pod see and reach what runs on the node.',
  fix: 'Set the field to false.',
  *check(pod) {
    for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
      if (pod.spec[field] !== true) continue;
      const range = rangeIn(pod.object, pod.spec, field);
      yield { range, message: `${field} must be false or unset`, fix: { title: `Set ${field}: false`, edits: [replaceEdit(range, 'false')] } };
    }
  },
});
