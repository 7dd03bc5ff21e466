/** What the API handlers share: the store, the catalogue, the watch hub, the clock and computed resources. */
import type { ServerResponse } from 'node:http';
import type { SimClock } from './clock.ts';
import type { KubeObject, Pod } from './objects.ts';
import type { ContainerPorts } from './port-forward/container-ports.ts';
import type { Catalog, ResourceType } from './resources.ts';
import type { Store } from './store.ts';
import type { ContainerRuntime } from './streams/container-runtime.ts';
import type { WatchHub } from './watch-hub.ts';

export interface LogOptions {
  readonly container: string | undefined;
  readonly follow: boolean;
  readonly tailLines: number | undefined;
  readonly sinceSeconds: number | undefined;
  /** Bytes after which the log ends (kubectl logs --limit-bytes). */
  readonly limitBytes: number | undefined;
  readonly timestamps: boolean;
  readonly previous: boolean;
}

export interface ApiContext {
  readonly store: Store;
  readonly catalog: Catalog;
  readonly hub: WatchHub;
  readonly clock: SimClock;
  /** Objects of a computed type (metrics.k8s.io), in key order. */
  readonly computed: (type: ResourceType, namespace: string | undefined) => KubeObject[];
  readonly allocateIp: () => string;
  /** Real-time period of watch keep-alives and bookmarks (client-node aborts a watch silent for 30 s). */
  readonly keepAliveMs: number;
  /** Removes the owner's ownerReferences from its dependents (propagationPolicy=Orphan). */
  readonly orphanDependents: (owner: KubeObject) => void;
  /** Writes a pod's log (and keeps streaming with follow). */
  readonly serveLogs: (pod: Pod, options: LogOptions, response: ServerResponse) => void;
  /** What listens on the simulated pods' declared ports (port-forward reaches it). */
  readonly containerPorts: ContainerPorts;
  /** The simulated containers' files and the processes exec and attach run in them. */
  readonly containers: ContainerRuntime;
  /** Consumed by the next watch request: answer it with 410 Gone (a fault). */
  takeGoneFault(): boolean;
}
