// Why a command's pods will not run, in the cluster's words: a pod's state says ErrImagePull or
// ContainerCreating, its events say why (the registry's answer, the missing ConfigMap, the scheduler's
// "0/3 nodes are available: 3 Insufficient cpu"). Deploy and Run Task end with this instead of waiting
// out their time-out. Events come from the connection's cache, by pod.
import type { SlimEvent } from '../../core/cluster/events/event-model.ts';
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import type { ClusterConnection } from '../bundle-loader.ts';

/** Pod states that will not fix themselves. */
const STUCK_STATES: ReadonlySet<string> = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CrashLoopBackOff', 'Unschedulable', 'CreateContainerConfigError']);
/** Warnings that hold a pod before it starts, whatever its state says (ContainerCreating, Pending). */
const HOLDING: ReadonlySet<string> = new Set(['FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'FailedCreatePodSandBox']);
/** The warnings that explain a stuck pod, most telling first (kubelet's "Error: ErrImagePull" only repeats the state). */
const TELLING = ['FailedScheduling', 'FailedMount', 'FailedAttachVolume', 'FailedCreatePodSandBox', 'Failed', 'BackOff'];

export interface StuckPod {
  readonly pod: string;
  /** "Unschedulable: 0/3 nodes are available: ... (event FailedScheduling, pod web-1)". */
  readonly why: string;
}

/** The pod's newest warning that explains it, by TELLING's order. */
function tellingWarning(warnings: readonly SlimEvent[]): SlimEvent | undefined {
  for (const reason of TELLING) {
    const event = warnings.find((warning) => warning.reason === reason && !(reason === 'Failed' && warning.message.startsWith('Error: ')));
    if (event !== undefined) return event;
  }
  return undefined;
}

/** The first pod that is stuck, with the event that says why when there is one, else its own reason. */
export function stuckPod(connection: { readonly events: Pick<ClusterConnection['events'], 'warningsFor'> }, pods: readonly SlimPod[]): StuckPod | undefined {
  for (const pod of pods) {
    const { namespace, name } = pod.meta;
    const event = pod.phase === 'Pending' || STUCK_STATES.has(pod.reason) ? tellingWarning(connection.events.warningsFor('Pod', namespace, name)) : undefined;
    const stuck = STUCK_STATES.has(pod.reason) || (event !== undefined && HOLDING.has(event.reason));
    if (!stuck) continue;
    // The pod's status may not say Unschedulable yet when the scheduler's event arrives.
    const state = pod.reason || (event?.reason === 'FailedScheduling' ? 'Unschedulable' : pod.phase);
    if (event !== undefined) return { pod: name, why: `${state}: ${event.message} (event ${event.reason}, pod ${name})` };
    return { pod: name, why: `${state}${pod.message ? `: ${pod.message}` : ''} (pod ${name})` };
  }
  return undefined;
}
