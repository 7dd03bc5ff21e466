/**
 * What the usage curve of each container of a pod depends on besides time: shared by the metrics
 * API (usage now) and the Prometheus endpoint (usage over a range), so both tell the same story.
 */
import { podRequests, type Amounts } from '../amounts.ts';
import { fnv32 } from '../names.ts';
import type { Pod } from '../objects.ts';
import { behaviourOf } from './pod-behaviour.ts';
import { usageAt } from './usage-profiles.ts';

export interface ContainerUsageModel {
  readonly container: string;
  /** Usage in cores and bytes at a time in unix seconds. */
  readonly at: (seconds: number) => Amounts;
}

export function containerUsageModels(pod: Pod): ContainerUsageModel[] {
  const { profile } = behaviourOf(pod);
  const seed = fnv32(pod.metadata.uid ?? pod.metadata.name ?? '');
  const start = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '') / 1000;
  return pod.spec.containers.map((container, index) => {
    const requests = podRequests({ ...pod, spec: { ...pod.spec, containers: [container] } });
    return { container: container.name, at: (seconds: number) => usageAt(profile, requests, seed + index, seconds, start) };
  });
}
