// The requests a manifest gives each workload container today, to show beside a recommendation.
import { fitPodFromSpec, type InputIssue } from './fit-input.ts';
import { formatQuantity } from './quantity.ts';
import { workloadTemplate } from './workload-template.ts';

export interface CurrentRequests {
  readonly cpu?: string;
  readonly memory?: string;
}

/** Looks up current requests by namespace, workload and container. */
export interface CurrentRequestIndex {
  get(namespace: string, workload: string, container: string): CurrentRequests | undefined;
  readonly issues: readonly (InputIssue & { readonly workload: string })[];
}

/**
 * An object without metadata.namespace is matched in any namespace: a manifest usually leaves the
 * namespace to `kubectl apply -n`.
 */
export function currentRequestIndex(objects: readonly unknown[]): CurrentRequestIndex {
  const byKey = new Map<string, CurrentRequests>();
  const issues: (InputIssue & { workload: string })[] = [];
  for (const object of objects) {
    const template = workloadTemplate(object);
    if (template === undefined) continue;
    const explicitNamespace = (object as { metadata?: { namespace?: unknown } }).metadata?.namespace;
    const namespace = typeof explicitNamespace === 'string' ? explicitNamespace : '*';
    const { pod, issues: podIssues } = fitPodFromSpec(template.podSpec);
    for (const issue of podIssues) issues.push({ ...issue, workload: `${template.kind}/${template.name}` });
    for (const container of pod.containers) {
      const { cpu, memory } = container.requests;
      byKey.set(`${namespace}/${template.name}/${container.name ?? ''}`, {
        ...(cpu === undefined ? {} : { cpu: formatQuantity(cpu) }),
        ...(memory === undefined ? {} : { memory: formatQuantity(memory) }),
      });
    }
  }
  return {
    issues,
    get: (namespace, workload, container) => byKey.get(`${namespace}/${workload}/${container}`) ?? byKey.get(`*/${workload}/${container}`),
  };
}
