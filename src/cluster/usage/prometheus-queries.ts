// The two cAdvisor queries the VPA's Prometheus history provider reads: CPU as a 5-minute rate of
// the usage counter (cores), memory as the working set (bytes), per namespace/pod/container.
// `container!=""` drops the pod-level cgroup series and `container!="POD"` the pause container.

/** A PromQL string literal: backslash and double quote escaped. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function selector(namespace: string | undefined): string {
  const matchers = ['container!=""', 'container!="POD"', 'pod!=""', ...(namespace === undefined ? [] : [`namespace=${quoted(namespace)}`])];
  return `{${matchers.join(',')}}`;
}

export function usageQueries(namespace: string | undefined): { readonly cpu: string; readonly memory: string } {
  return {
    cpu: `rate(container_cpu_usage_seconds_total${selector(namespace)}[5m])`,
    memory: `container_memory_working_set_bytes${selector(namespace)}`,
  };
}
