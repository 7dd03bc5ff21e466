/**
 * The range query's answer, one series per container of each running pod, from the same usage
 * curves the metrics API serves. History before a pod started is synthesized as if it had been
 * running all along: the curves are pure functions of time, and it is what lets the demo show
 * recommendations at once instead of after eight days.
 */
import type { Pod } from '../objects.ts';
import { containerUsageModels } from '../controllers/container-usage.ts';
import type { UsageQuery } from './query.ts';

/** Milliseconds, as Prometheus evaluates a range: start, start + step, ... up to end. */
export interface EvaluationRange {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
  /** The sim's clock: no points in the future. */
  readonly nowMs: number;
}

/** Each matching series as the JSON text of one element of `data.result`; series without points are left out, as Prometheus does. */
export function* matrixSeries(pods: Iterable<Pod>, query: UsageQuery, range: EvaluationRange): Generator<string> {
  const lastMs = Math.min(range.endMs, range.nowMs);
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
      if (!query.selects(labels)) continue;
      const points: string[] = [];
      for (let ms = range.startMs; ms <= lastMs; ms += range.stepMs) {
        const usage = model.at(ms / 1000);
        points.push(`[${ms / 1000},"${String(query.resource === 'cpu' ? usage.cpu : usage.memory)}"]`);
      }
      if (points.length > 0) yield `{"metric":${JSON.stringify(labels)},"values":[${points.join(',')}]}`;
    }
  }
}
