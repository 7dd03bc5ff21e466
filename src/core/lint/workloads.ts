import { resourceValues, type ResourceValue } from './resources.ts';
import type { KubeObject, SetObject } from './types.ts';
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

/** A pod template of an object of the file set; looked up by a KubeObject, its `object` is that KubeObject. */
export interface PodRef<T extends SetObject = KubeObject> {
  readonly object: T;
  /** The pod template (or the Pod): it holds `metadata` and `spec`. */
  readonly template: Mapping;
  readonly spec: Mapping;
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';
export const allContainerLists: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface ContainerRef {
  readonly pod: PodRef<KubeObject>;
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
function podOf<T extends SetObject>(object: T): PodRef<T> | undefined {
  const path = object.kind === undefined || !Object.hasOwn(templatePaths, object.kind) ? undefined : templatePaths[object.kind];
  if (path === undefined) return undefined;
  const template = path.length === 0 ? object.value : mappingAt(object.value, ...path);
  return template === undefined ? undefined : { object, template, spec: mappingAt(template, 'spec') ?? noSpec };
}

/** Every pod spec of the file set and the containers of those parsed here, found once per lint run and shared by all rules. */
export interface WorkloadIndex<O extends SetObject = SetObject> {
  /** Every pod template, those without a `spec` too (cross-object rules match their labels). */
  readonly pods: readonly PodRef<O>[];
  /** The pod spec of an object, if its kind has one and it is there (never the empty stand-in). */
  readonly pod: <T extends SetObject>(object: T) => PodRef<T> | undefined;
  /** The containers of an object's pod spec, optionally only some lists. */
  readonly containers: (object: KubeObject, lists?: readonly ContainerList[]) => readonly ContainerRef[];
}

export function indexWorkloads<O extends SetObject>(objects: readonly O[]): WorkloadIndex<O> {
  const pods = new Map<SetObject, PodRef<O>>();
  for (const object of objects) {
    const pod = podOf(object);
    if (pod !== undefined) pods.set(object, pod);
  }
  // Built on first use: only the objects a rule checks need theirs (with the places of their resources).
  const containers = new Map<KubeObject, readonly ContainerRef[]>();
  // The PodRef stored under an object holds that same object.
  const podRef = <T extends SetObject>(object: T): PodRef<T> | undefined => pods.get(object) as PodRef<T> | undefined;
  return {
    pods: [...pods.values()],
    pod: (object) => {
      const pod = podRef(object);
      return pod?.spec === noSpec ? undefined : pod;
    },
    containers: (object, lists = allContainerLists) => {
      let all = containers.get(object);
      if (all === undefined) {
        const pod = podRef(object);
        all = pod === undefined ? [] : [...containersOf(pod)];
        containers.set(object, all);
      }
      return lists === allContainerLists ? all : all.filter((ref) => lists.includes(ref.list));
    },
  };
}

function* containersOf(pod: PodRef<KubeObject>): Iterable<ContainerRef> {
  for (const list of allContainerLists) {
    for (const item of asList(pod.spec[list])) {
      const container = asMapping(item);
      if (container !== undefined) yield { pod, object: pod.object, container, list, resources: resourceValues(pod.object, container) };
    }
  }
}
