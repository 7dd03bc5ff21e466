/**
 * The life of a container the sim OOM-kills (behaviour annotation oom-kill-seconds): from each start
 * its memory climbs from 40% of its request to its limit, where the kernel kills it and it starts
 * again. A pure function of time from the pod's start, so the metrics API, the Prometheus history
 * (kills included, synthesized before the start like the usage) and the kill controller agree.
 */
const floorShare = 0.4;
/** The counter covers this much synthesized history before the pod started (Prometheus' 8 days and some). */
const historySeconds = 10 * 86_400;

export interface OomCycle {
  readonly startSeconds: number;
  readonly periodSeconds: number;
}

/** How far (0 ≤ phase < 1) the container is from its last start to its next kill. */
export function cyclePhase(cycle: OomCycle, seconds: number): number {
  const offset = (seconds - cycle.startSeconds) % cycle.periodSeconds;
  return (offset < 0 ? offset + cycle.periodSeconds : offset) / cycle.periodSeconds;
}

/** Memory in bytes at a phase: the limit is where the kill comes (twice the request without one). */
export function cycleMemory(requestBytes: number, limitBytes: number, phase: number): number {
  const limit = limitBytes > 0 ? limitBytes : 2 * requestBytes;
  const floor = floorShare * requestBytes;
  return floor + (Math.max(limit, floor) - floor) * phase;
}

/** container_oom_events_total at a time: kills since the start, plus those of the synthesized history. */
export function killsBefore(cycle: OomCycle, seconds: number): number {
  return Math.max(0, Math.floor((seconds - cycle.startSeconds) / cycle.periodSeconds) + Math.ceil(historySeconds / cycle.periodSeconds));
}

/** The kill after `seconds` (strictly later). */
export function nextKillSeconds(cycle: OomCycle, seconds: number): number {
  return cycle.startSeconds + (Math.floor((seconds - cycle.startSeconds) / cycle.periodSeconds) + 1) * cycle.periodSeconds;
}
