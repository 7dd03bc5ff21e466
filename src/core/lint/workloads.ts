import type { KubeObject, RuleContext } from './types.ts';
import { asList, asMapping, type Mapping, mappingAt } from './values.ts';

/** Where each workload kind keeps its pod template (LINT-RULES.md "Pod spec"); a Pod is its own template. */
const templatePaths: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const workloadKinds: readonly string[] = Object.keys(templatePaths).filter((kind) => kind !== 'Pod');
export const podKinds: readonly string[] = Object.keys(templatePaths);
/** Kinds whose pods run for ever: the Deployment family. */
export const serviceKinds: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'];

export interface PodRef {
  readonly object: KubeObject;
  /** The pod template (or the Pod): it holds `metadata` and `spec`. */
  readonly template: Mapping;
  readonly spec: Mapping;
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';
export const allContainerLists: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface ContainerRef {
  readonly pod: PodRef;
  readonly object: KubeObject;
  readonly container: Mapping;
  readonly list: ContainerList;
}

export function podOf(object: KubeObject): PodRef | undefined {
  const path = object.kind === undefined ? undefined : templatePaths[object.kind];
  if (path === undefined) return undefined;
  const template = path.length === 0 ? object.value : mappingAt(object.value, ...path);
  const spec = mappingAt(template, 'spec');
  return template === undefined || spec === undefined ? undefined : { object, template, spec };
}

export function* pods(context: RuleContext, kinds: readonly string[] = podKinds): Iterable<PodRef> {
  for (const object of context.objects) {
    if (object.kind === undefined || !kinds.includes(object.kind)) continue;
    const pod = podOf(object);
    if (pod !== undefined) yield pod;
  }
}

export function* containersOf(pod: PodRef, lists: readonly ContainerList[] = allContainerLists): Iterable<ContainerRef> {
  for (const list of lists) {
    for (const item of asList(pod.spec[list])) {
      const container = asMapping(item);
      if (container !== undefined) yield { pod, object: pod.object, container, list };
    }
  }
}

/** Every container of every pod spec in the file set. */
export function* containers(context: RuleContext, lists: readonly ContainerList[] = allContainerLists, kinds: readonly string[] = podKinds): Iterable<ContainerRef> {
  for (const pod of pods(context, kinds)) yield* containersOf(pod, lists);
}
