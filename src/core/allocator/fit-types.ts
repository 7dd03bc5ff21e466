// The little of a node and a pod that the scheduler's fit filters look at, as plain objects (no
// client types): the simulator, the CLI and the editor build them from whatever they read.
import type { ResourceList } from './resource-list.ts';

export interface Taint {
  readonly key: string;
  readonly value?: string;
  /** NoSchedule, PreferNoSchedule or NoExecute. */
  readonly effect: string;
}

export interface Toleration {
  /** Empty with operator Exists: tolerates every taint. */
  readonly key?: string;
  /** Equal (the default) or Exists. */
  readonly operator?: string;
  readonly value?: string;
  /** Empty: every effect. */
  readonly effect?: string;
}

export interface FitContainer {
  readonly name?: string;
  readonly requests: ResourceList;
  /** "Always" makes an init container a sidecar that keeps running beside the app containers. */
  readonly restartPolicy?: string;
}

export interface FitPod {
  readonly containers: readonly FitContainer[];
  readonly initContainers?: readonly FitContainer[];
  /** spec.overhead, set by the RuntimeClass. */
  readonly overhead?: ResourceList;
  readonly tolerations?: readonly Toleration[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
}

export interface FitNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly allocatable: ResourceList;
  readonly unschedulable?: boolean;
}

/** A node with the summed effective requests of the pods bound to it. */
export interface NodeState {
  readonly node: FitNode;
  readonly requested: ResourceList;
  readonly podCount: number;
}
