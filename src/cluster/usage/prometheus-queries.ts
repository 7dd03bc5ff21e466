// The two cAdvisor queries the VPA's Prometheus history provider reads: CPU as a 5-minute rate of
// the usage counter (cores), memory as the working set (bytes), per namespace/pod/container; and the
// two OOM series it learns kills from, when the cluster's Prometheus has them.
// `container!=""` drops the pod-level cgroup series and `container!="POD"` the pause container.

/** A PromQL string literal: backslash and double quote escaped. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function selector(namespace: string | undefined): string {
  const matchers = ['container!=""', 'container!="POD"', 'pod!=""', ...(namespace === undefined ? [] : [`namespace=${quoted(namespace)}`])];
  return `{${matchers.join(',')}}`;
}

export interface UsageQueries {
  readonly cpu: string;
  readonly memory: string;
  /** cAdvisor's OOM counter; an empty answer where it is not scraped. */
  readonly 'oom-events': string;
  /** kube-state-metrics' last termination reason, the OOM kills only. */
  readonly 'oom-reason': string;
}

export function usageQueries(namespace: string | undefined): UsageQueries {
  const matchers = selector(namespace);
  return {
    cpu: `rate(container_cpu_usage_seconds_total${matchers}[5m])`,
    memory: `container_memory_working_set_bytes${matchers}`,
    'oom-events': `container_oom_events_total${matchers}`,
    'oom-reason': `kube_pod_container_status_last_terminated_reason${matchers.replace('{', '{reason="OOMKilled",')}`,
  };
}

// kube-prometheus' recording rule naming each pod's workload (a ReplicaSet's pods under their
// Deployment): what its dashboards join on to aggregate by workload.
export const OWNER_RULE = 'namespace_workload_pod:kube_pod_owner:relabel';

/**
 * The same four, aggregated by Prometheus per namespace/workload/container (a whole cluster's
 * history without a series per pod): CPU as the mean over the pods, memory as the largest pod
 * (a daily peak that any pod reached), OOM counters summed (a kill of any pod raises the sum).
 */
export function workloadQueries(namespace: string | undefined): UsageQueries {
  const perPod = usageQueries(namespace);
  const owner = `${OWNER_RULE}${namespace === undefined ? '' : `{namespace=${quoted(namespace)}}`}`;
  const byWorkload = (op: string, query: string): string => `${op} by (namespace, workload, container) (${query} * on (namespace, pod) group_left (workload) ${owner})`;
  return {
    cpu: byWorkload('avg', perPod.cpu),
    memory: byWorkload('max', perPod.memory),
    'oom-events': byWorkload('sum', perPod['oom-events']),
    'oom-reason': byWorkload('max', perPod['oom-reason']),
  };
}
