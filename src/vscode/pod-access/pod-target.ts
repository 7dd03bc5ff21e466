// The pod and container a terminal or a copy works in: a pod row, a workload row (one of its ready
// pods) or the palette's pick, then the container, asked as an input step only when there is a choice.
import type { ExecTarget } from '../../cluster/index.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { resolveTarget, type PickKind, type TargetArgument } from '../commands/object-picks.ts';
import { describeTarget } from '../commands/object-targets.ts';
import { dismissed, failed, type Action, type Outcome } from '../commands/outcome.ts';
import type { PickStep } from '../commands/step-flow.ts';
import { podContainers, readyPodOf, type ContainerFacts } from './pod-facts.ts';

/** What Open Terminal, Attach and Copy act on from the palette: pods, or a workload's ready pod. */
export const POD_KINDS: readonly PickKind[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'];

export interface PodInContext {
  /** Names the pod (a workload row's ready one), for every message. */
  readonly action: Action;
  readonly connection: ClusterConnection;
  readonly context: string;
  readonly namespace: string;
  readonly pod: string;
  readonly containers: readonly ContainerFacts[];
}

/** The pod a row or the palette names (a workload's first ready pod), or the failure to say; a dismissed Outcome when the user closed the pick. */
export async function podFor(clusters: ClusterServiceHolder, argument: TargetArgument, verb: string): Promise<PodInContext | Outcome<never>> {
  const target = await resolveTarget(clusters, argument, POD_KINDS, `${verb} which pod or workload?`);
  if (target === undefined) return dismissed({ context: '', verb, object: 'a pod' });
  const action: Action = { context: target.context, verb, object: describeTarget(target) };
  const connection = clusters.get().connect(target.context);
  if (connection === undefined) return failed(action, 'kubeconfig', 'the context is not in the kubeconfig');
  const { namespace, name, kind } = target.ref;
  const pod = kind === 'Pod' ? name : readyPodOf(connection, kind, namespace, name);
  if (pod === undefined) return failed(action, 'notFound', 'it has no ready pod');
  const containers = await podContainers(connection, namespace, pod);
  if (!containers.ok) return { ok: false, kind: containers.error.kind, message: containers.error.message };
  return { action: { ...action, object: `pod ${namespace}/${pod}` }, connection, context: target.context, namespace, pod, containers: containers.value };
}

export interface WithContainer {
  readonly container: string;
}

/** The container step: running ones first; none when `candidates` has one (or no) container. */
export function containerSteps<S extends WithContainer>(candidates: readonly ContainerFacts[], apply: (state: S, container: string) => S): PickStep<S>[] {
  if (candidates.length <= 1) return [];
  const ordered = [...candidates.filter((container) => container.running), ...candidates.filter((container) => !container.running)];
  return [
    {
      type: 'pick',
      name: 'container',
      prompt: () => 'Container',
      choices: () => ordered.map((container) => ({ label: container.name, description: [container.running ? 'running' : 'not running', container.tty ? 'tty' : ''].filter((part) => part !== '').join(' · ') })),
      value: () => ordered[0]?.name ?? '',
      typed: () => ({ message: 'Pick one of the containers.', blocking: true }),
      apply: (state, choice) => apply(state, choice.label),
    },
  ];
}

export function execTarget(pod: PodInContext, container: string): ExecTarget {
  return { context: pod.context, namespace: pod.namespace, pod: pod.pod, container };
}
