/**
 * What the usage curve of each container of a pod depends on besides time: shared by the metrics
 * API (usage now) and the Prometheus endpoint (usage over a range), so both tell the same story.
 */
import { amount, podRequests, type Amounts } from '../amounts.ts';
import { fnv32 } from '../names.ts';
import type { Pod } from '../objects.ts';
import { behaviourOf } from './pod-behaviour.ts';
import { cycleMemory, cyclePhase, killsBefore, type OomCycle } from './oom-cycle.ts';
import { usageAt } from './usage-profiles.ts';

export interface ContainerUsageModel {
  readonly container: string;
  /** Usage in cores and bytes at a time in unix seconds. */
  readonly at: (seconds: number) => Amounts;
  /** container_oom_events_total at a time; always 0 for a container the sim never OOM-kills. */
  readonly oomKills: (seconds: number) => number;
  readonly oomKilled: boolean;
}

export function containerUsageModels(pod: Pod): ContainerUsageModel[] {
  const { profile, oomKillSeconds } = behaviourOf(pod);
  const seed = fnv32(pod.metadata.uid ?? pod.metadata.name ?? '');
  const start = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '') / 1000;
  const cycle: OomCycle | undefined = oomKillSeconds === undefined ? undefined : { startSeconds: start, periodSeconds: oomKillSeconds };
  return pod.spec.containers.map((container, index) => {
    const requests = podRequests({ ...pod, spec: { ...pod.spec, containers: [container] } });
    const at = (seconds: number) => usageAt(profile, requests, seed + index, seconds, start);
    if (cycle === undefined) return { container: container.name, at, oomKills: () => 0, oomKilled: false };
    const limit = amount(container.resources?.limits?.memory);
    return {
      container: container.name,
      at: (seconds: number) => ({ cpu: at(seconds).cpu, memory: cycleMemory(requests.memory, limit, cyclePhase(cycle, seconds)) }),
      oomKills: (seconds: number) => killsBefore(cycle, seconds),
      oomKilled: true,
    };
  });
}
