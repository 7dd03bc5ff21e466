/**
 * The range query's answer, one series per container of each running pod, from the same usage
 * curves the metrics API serves. History before a pod started is synthesized as if it had been
 * running all along: the curves are pure functions of time, and it is what lets the demo show
 * recommendations at once instead of after eight days.
 */
import type { Pod } from '../objects.ts';
import { containerUsageModels, type ContainerUsageModel } from '../controllers/container-usage.ts';
import { pacer } from '../pacer.ts';
import type { UsageQuery } from './query.ts';

/** Milliseconds, as Prometheus evaluates a range: start, start + step, ... up to end. */
export interface EvaluationRange {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
  /** The sim's clock: no points in the future. */
  readonly nowMs: number;
}

export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly model: ContainerUsageModel;
}

/**
 * The series a query selects, or undefined once `deadline` (performance.now()) has passed. Paced:
 * label matchers over every container of a big cluster must not hold the event loop.
 */
export async function selectSeries(pods: Iterable<Pod>, query: UsageQuery, deadline: number): Promise<Series[] | undefined> {
  const pause = pacer();
  const selected: Series[] = [];
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running') continue;
    for (const model of containerUsageModels(pod)) {
      // Labels sorted by name, __name__ only on a plain selector: how Prometheus prints them.
      const labels: Record<string, string> = {
        ...(query.resource === 'memory' ? { __name__: query.metric } : {}),
        container: model.container,
        namespace: pod.metadata.namespace ?? '',
        pod: pod.metadata.name ?? '',
      };
      if (query.selects(labels)) selected.push({ labels, model });
    }
    const paused = pause();
    if (paused === undefined) continue;
    await paused;
    if (performance.now() > deadline) return undefined;
  }
  return selected;
}

/** How many points each series has over the range (none after now). */
export function pointsPerSeries(range: EvaluationRange): number {
  const lastMs = Math.min(range.endMs, range.nowMs);
  return lastMs < range.startMs ? 0 : Math.floor((lastMs - range.startMs) / range.stepMs) + 1;
}

/** One element of `data.result` as JSON text; undefined for a series without points, which Prometheus leaves out. */
export function seriesJson(series: Series, query: UsageQuery, range: EvaluationRange): string | undefined {
  const points: string[] = [];
  const lastMs = Math.min(range.endMs, range.nowMs);
  for (let ms = range.startMs; ms <= lastMs; ms += range.stepMs) {
    const usage = series.model.at(ms / 1000);
    points.push(`[${ms / 1000},"${String(query.resource === 'cpu' ? usage.cpu : usage.memory)}"]`);
  }
  return points.length === 0 ? undefined : `{"metric":${JSON.stringify(series.labels)},"values":[${points.join(',')}]}`;
}
