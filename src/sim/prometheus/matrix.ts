/**
 * The range query's answer, one series per container of each running pod, from the same usage
 * curves the metrics API serves. History before a pod started is synthesized as if it had been
 * running all along: the curves are pure functions of time, and it is what lets the demo show
 * recommendations at once instead of after eight days.
 */
import type { Pod } from '../objects.ts';
import { containerUsageModels, type ContainerUsageModel } from '../controllers/container-usage.ts';
import { pacer } from '../pacer.ts';
import type { SeriesKind, UsageQuery } from './query.ts';
import { workloadLabels } from './workload-labels.ts';

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
  /** The value at a time in unix seconds. */
  readonly at: (seconds: number) => number;
  /** The pod's workload labels (namespace_workload_pod:kube_pod_owner:relabel), for a join. */
  readonly owner: Readonly<Record<string, string>> | undefined;
}

const one = (): number => 1;

// Stored pods are never mutated (a change stores a new object), so what a pod's series depend on is
// computed once per pod object: a whole cluster's queries, a namespace and a few hours at a time,
// select the same 50,000 pods again and again.
const modelsOf = new WeakMap<Pod, ContainerUsageModel[]>();
const ownersOf = new WeakMap<Pod, Record<string, string> | undefined>();

function cached<T>(map: WeakMap<Pod, T>, pod: Pod, make: (pod: Pod) => T): T {
  if (map.has(pod)) return map.get(pod) as T;
  const value = make(pod);
  map.set(pod, value);
  return value;
}

function valueOf(kind: SeriesKind, model: ContainerUsageModel): (seconds: number) => number {
  switch (kind) {
    case 'cpu':
      return (seconds) => model.at(seconds).cpu;
    case 'memory':
      return (seconds) => model.at(seconds).memory;
    case 'oom':
      return model.oomKills;
    default:
      return one;
  }
}

/** The series of one pod for a kind of metric, labelled as cAdvisor / kube-state-metrics / the recording rule do. */
function podSeries(pod: Pod, query: UsageQuery, owner: Record<string, string> | undefined): Series[] {
  const namespace = pod.metadata.namespace ?? '';
  const name = pod.metadata.name ?? '';
  const kind = query.resource;
  // Labels sorted by name, __name__ only on a plain selector: how Prometheus prints them.
  const metricName: Record<string, string> = kind === 'cpu' || query.aggregation !== undefined ? {} : { __name__: query.metric };
  if (kind === 'owner') return owner === undefined ? [] : [{ labels: { ...metricName, namespace, pod: name, ...owner }, at: one, owner }];
  const models = cached(modelsOf, pod, containerUsageModels);
  // kube-state-metrics has a last-terminated series only for containers that were terminated.
  const kept = kind === 'terminated' ? models.filter((model) => model.oomKilled) : models;
  return kept.map((model) => ({
    labels: { ...metricName, container: model.container, namespace, pod: name, ...(kind === 'terminated' ? { reason: 'OOMKilled' } : {}) },
    at: kind === 'terminated' ? one : valueOf(kind, model),
    owner,
  }));
}

/**
 * The series a query selects, or undefined once `deadline` (performance.now()) has passed. Paced:
 * label matchers over every container of a big cluster must not hold the event loop. `ownerRule`
 * says which namespaces the owner recording rule covers.
 */
export async function selectSeries(pods: Iterable<Pod>, query: UsageQuery, deadline: number, ownerRule: (namespace: string) => boolean = () => true): Promise<Series[] | undefined> {
  const pause = pacer();
  const selected: Series[] = [];
  const join = query.aggregation?.join;
  const needsOwner = query.resource === 'owner' || join !== undefined;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running') continue;
    // Without the recording rule's series a pod has no owner: a join leaves it out, as Prometheus' would.
    const owner = needsOwner && ownerRule(pod.metadata.namespace ?? '') ? cached(ownersOf, pod, workloadLabels) : undefined;
    if (join === undefined || (owner !== undefined && join.selects({ namespace: pod.metadata.namespace ?? '', pod: pod.metadata.name ?? '', ...owner }))) {
      for (const series of podSeries(pod, query, owner)) if (query.selects(series.labels)) selected.push(series);
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
export function seriesJson(labels: Readonly<Record<string, string>>, at: (seconds: number) => number, range: EvaluationRange): string | undefined {
  const points: string[] = [];
  const lastMs = Math.min(range.endMs, range.nowMs);
  for (let ms = range.startMs; ms <= lastMs; ms += range.stepMs) points.push(`[${ms / 1000},"${String(at(ms / 1000))}"]`);
  return points.length === 0 ? undefined : `{"metric":${JSON.stringify(labels)},"values":[${points.join(',')}]}`;
}

function aggregate(op: NonNullable<UsageQuery['aggregation']>['op'], members: readonly Series[]): (seconds: number) => number {
  return (seconds) => {
    let result = op === 'max' ? -Infinity : op === 'min' ? Infinity : 0;
    for (const member of members) {
      const value = member.at(seconds);
      if (op === 'max') result = Math.max(result, value);
      else if (op === 'min') result = Math.min(result, value);
      else result += op === 'count' ? 1 : value;
    }
    return op === 'avg' ? result / members.length : result;
  };
}

/** The selected series grouped by the aggregation's labels (the join's from the owner series), one per group. */
export function aggregated(selected: readonly Series[], query: UsageQuery): Series[] {
  const spec = query.aggregation;
  if (spec === undefined) return [...selected];
  const joined = new Set(spec.join?.labels ?? []);
  const groups = new Map<string, { labels: Record<string, string>; members: Series[] }>();
  for (const series of selected) {
    const labels: Record<string, string> = {};
    for (const label of spec.by) {
      const value = joined.has(label) ? series.owner?.[label] : series.labels[label];
      if (value !== undefined && value !== '') labels[label] = value;
    }
    const key = JSON.stringify(labels);
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { labels, members: [] }));
    group.members.push(series);
  }
  return [...groups.values()].map(({ labels, members }) => ({ labels, at: aggregate(spec.op, members), owner: undefined }));
}
