import { resourceValues, type ResourceValue } from './resources.ts';
import type { KubeObject } from './types.ts';
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
  /** Its requests and limits, parsed once for the several rules that read them. */
  readonly resources: readonly ResourceValue[];
}

const noSpec: Mapping = Object.freeze({});

/**
 * The pod template of a workload; a template without `spec` (labels only, an unfinished manifest) still
 * counts for the selectors of Services, HPAs and PDBs, with an empty spec.
 */
function podOf(object: KubeObject): PodRef | undefined {
  const path = object.kind === undefined || !Object.hasOwn(templatePaths, object.kind) ? undefined : templatePaths[object.kind];
  if (path === undefined) return undefined;
  const template = path.length === 0 ? object.value : mappingAt(object.value, ...path);
  return template === undefined ? undefined : { object, template, spec: mappingAt(template, 'spec') ?? noSpec };
}

/** Every pod spec and container of the file set, found once per lint run and shared by all rules. */
export interface WorkloadIndex {
  /** Every pod template, those without a `spec` too (cross-object rules match their labels). */
  readonly pods: readonly PodRef[];
  /** The pod spec of an object, if its kind has one and it is there (never the empty stand-in). */
  readonly pod: (object: KubeObject) => PodRef | undefined;
  /** The containers of an object's pod spec, optionally only some lists. */
  readonly containers: (object: KubeObject, lists?: readonly ContainerList[]) => readonly ContainerRef[];
}

export function indexWorkloads(objects: readonly KubeObject[]): WorkloadIndex {
  const byObject = new Map<KubeObject, { pod: PodRef; containers: readonly ContainerRef[] }>();
  for (const object of objects) {
    const pod = podOf(object);
    if (pod !== undefined) byObject.set(object, { pod, containers: [...containersOf(pod)] });
  }
  return {
    pods: [...byObject.values()].map((entry) => entry.pod),
    pod: (object) => {
      const pod = byObject.get(object)?.pod;
      return pod?.spec === noSpec ? undefined : pod;
    },
    containers: (object, lists = allContainerLists) => {
      const all = byObject.get(object)?.containers ?? [];
      return lists === allContainerLists ? all : all.filter((ref) => lists.includes(ref.list));
    },
  };
}

function* containersOf(pod: PodRef): Iterable<ContainerRef> {
  for (const list of allContainerLists) {
    for (const item of asList(pod.spec[list])) {
      const container = asMapping(item);
      if (container !== undefined) yield { pod, object: pod.object, container, list, resources: resourceValues(pod.object, container) };
    }
  }
}
