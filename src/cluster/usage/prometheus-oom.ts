// OOM kills in Prometheus history, for the recommender to record as the VPA does: cAdvisor's
// container_oom_events_total (a kill wherever the counter rises) or, without it,
// kube-state-metrics' kube_pod_container_status_last_terminated_reason{reason="OOMKilled"} (a kill
// where that series appears or turns 1). The memory at a kill is the working set of the point before
// it (the point after has restarted); 0 when unknown, so the bump starts from the interval's peak.

export interface Points {
  readonly timesMs: Float64Array;
  readonly values: Float64Array;
}

export interface Kills {
  readonly timesMs: Float64Array;
  readonly memoryBytes: Float64Array;
}

function rises(points: Points, appearsAfterMs: number | undefined): number[] {
  const times: number[] = [];
  const { timesMs, values } = points;
  if (appearsAfterMs !== undefined && (timesMs[0] ?? 0) > appearsAfterMs && (values[0] ?? 0) > 0) times.push(timesMs[0] as number);
  for (let index = 1; index < timesMs.length; index += 1) if ((values[index] as number) > (values[index - 1] as number)) times.push(timesMs[index] as number);
  return times;
}

/** The last value strictly before `timeMs` (times ascending), or 0. */
function valueBefore(points: Points | undefined, timeMs: number): number {
  if (points === undefined) return 0;
  let low = 0;
  let high = points.timesMs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points.timesMs[middle] as number) < timeMs) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : (points.values[low - 1] as number);
}

/**
 * The kills of one container. `firstMs` is the first instant of the range asked for: a reason series
 * that only starts later began with a kill; a counter that starts later says nothing of before.
 */
export function oomKills(counter: Points | undefined, reason: Points | undefined, memory: Points | undefined, firstMs: number): Kills | undefined {
  const times = counter !== undefined && counter.timesMs.length > 0 ? rises(counter, undefined) : reason !== undefined ? rises(reason, firstMs) : [];
  if (times.length === 0) return undefined;
  return { timesMs: Float64Array.from(times), memoryBytes: Float64Array.from(times, (time) => valueBefore(memory, time)) };
}
