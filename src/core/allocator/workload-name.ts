// The owning workload of a pod, guessed from the pod's name the way controllers name pods, for usage
// data that does not say (kubernetes/kubernetes pkg/controller: names get a random 5-character
// suffix from the alphabet of k8s.io/apimachinery/pkg/util/rand SafeEncodeString, which has no
// vowels and no 0, 1, 3; a ReplicaSet adds its pod-template-hash from the same alphabet).

const SAFE = '[bcdfghjklmnpqrstvwxz2456789]';

export type WorkloadKind = 'Deployment' | 'CronJob' | 'DaemonSet or Job' | 'StatefulSet' | 'Pod';

// Most specific first: <deployment>-<hash>-<5>, <cronjob>-<minutes>-<5>, <daemonset|job>-<5>,
// <statefulset>-<ordinal>; anything else is a bare pod and its own workload.
const PATTERNS: readonly (readonly [RegExp, WorkloadKind])[] = [
  [new RegExp(`^(.+)-${SAFE}{6,10}-${SAFE}{5}$`), 'Deployment'],
  // A CronJob names its Jobs <cronjob>-<scheduled time in minutes since the epoch>.
  [new RegExp(`^(.+)-[0-9]{8,}-${SAFE}{5}$`), 'CronJob'],
  [new RegExp(`^(.+)-${SAFE}{5}$`), 'DaemonSet or Job'],
  [/^(.+)-(?:0|[1-9][0-9]*)$/, 'StatefulSet'],
];

export function workloadFromPodName(pod: string): { name: string; kind: WorkloadKind } {
  for (const [pattern, kind] of PATTERNS) {
    const name = pattern.exec(pod)?.[1];
    if (name !== undefined) return { name, kind };
  }
  return { name: pod, kind: 'Pod' };
}
