// `--for KIND/NAME`, as kubectl events reads it: a kind by its name, plural or short name, any case.
import { err, ok, type Result } from '../../result.ts';

const kinds: Readonly<Record<string, readonly string[]>> = {
  Pod: ['po'],
  Node: ['no'],
  Deployment: ['deploy'],
  ReplicaSet: ['rs'],
  StatefulSet: ['sts'],
  DaemonSet: ['ds'],
  Job: [],
  CronJob: ['cj'],
  Service: ['svc'],
  ConfigMap: ['cm'],
  Secret: [],
  PersistentVolumeClaim: ['pvc'],
  PersistentVolume: ['pv'],
  Ingress: ['ing'],
  HorizontalPodAutoscaler: ['hpa'],
  PodDisruptionBudget: ['pdb'],
  Namespace: ['ns'],
  ServiceAccount: ['sa'],
  Endpoints: ['ep'],
};

/** Lower-cased kind, plural and short names → Kind. */
const byName = new Map<string, string>();
for (const [kind, shortNames] of Object.entries(kinds)) {
  for (const name of [kind, kind.endsWith('s') ? `${kind}es` : `${kind}s`, ...shortNames]) byName.set(name.toLowerCase(), kind);
}

/** Kinds whose objects have no namespace: their events' `regarding` has none either. */
const clusterScoped = new Set(['Node', 'PersistentVolume', 'Namespace']);

export interface EventTarget {
  readonly kind: string;
  readonly name: string;
  readonly namespaced: boolean;
}

/** "pod/web-1", "deploy/shop", "Node/node-1"; a kind not listed here keeps its spelling (a custom resource's Kind). */
export function parseEventTarget(text: string): Result<EventTarget, string> {
  const slash = text.indexOf('/');
  const kindText = text.slice(0, slash).trim();
  const name = text.slice(slash + 1).trim();
  if (slash <= 0 || name === '' || name.includes('/')) return err(`--for must be KIND/NAME (e.g. pod/web-1), not '${text}'`);
  const kind = byName.get(kindText.toLowerCase()) ?? kindText;
  return ok({ kind, name, namespaced: !clusterScoped.has(kind) });
}
