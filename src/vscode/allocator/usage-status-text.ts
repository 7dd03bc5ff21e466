// Where a context's usage comes from, in words: the report's status line and the hover's "why no
// numbers yet". Each source (metrics API, Prometheus, stored history) is off, loading, ready or
// failing, and each calls for a different next step, so the words must tell them apart. No 'vscode'
// here: plain text, tested beside.
import type { UsageStatus } from '../../cluster/usage/usage-types.ts';

/** host:port of the Prometheus URL for messages: never its user, password, path or query. */
export function prometheusHost(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

type Source = UsageStatus[keyof UsageStatus];

function sourceText(name: string, source: Source, detail: string | undefined): string {
  const known = source.message ?? detail;
  return `${name}: ${source.phase}${known === undefined ? '' : ` (${known})`}`;
}

/** "metrics API: ready · Prometheus at host:port: ready (24 series) · stored history: ready (12 containers)". */
export function usageSourcesLine(status: UsageStatus | undefined, prometheusUrl: string): string {
  if (status === undefined) return 'No usage sources for this context yet.';
  const host = prometheusHost(prometheusUrl);
  const { series } = status.prometheus;
  const { containers } = status.store;
  return [
    sourceText('metrics API', status.metrics, undefined),
    status.prometheus.phase === 'off' ? 'Prometheus: off (no kubeWorkbench.allocator.prometheusUrl set)' : sourceText(`Prometheus at ${host ?? 'an invalid URL'}`, status.prometheus, series === undefined ? undefined : `${series} series`),
    sourceText('stored history', status.store, containers === undefined ? undefined : `${containers} containers`),
  ].join(' · ');
}

function metricsText(metrics: UsageStatus['metrics']): string {
  switch (metrics.phase) {
    case 'loading':
      return 'The metrics API is sampled every minute while the context is connected; its first sample is still to come.';
    case 'ready':
      return 'The metrics API, sampled every minute, has not seen its pods either.';
    case 'error':
      return `The metrics API cannot be sampled: ${metrics.message ?? 'unknown error'}.`;
    case 'off':
      return '';
  }
}

/**
 * Why there is no recommendation for `subject` ("container `web` of Deployment `default/web`") in
 * `context`, and what would give one. Prometheus is named by host:port only; its error messages are
 * made without credentials where they arise (src/cluster/usage).
 */
export function missingUsageText(status: UsageStatus, subject: string, context: string, prometheusUrl: string): string {
  const host = prometheusHost(prometheusUrl) ?? 'an invalid URL';
  const { prometheus } = status;
  const sentences = ((): string[] => {
    switch (prometheus.phase) {
      case 'off':
        return [`No usage observed yet for ${subject}.`, metricsText(status.metrics), 'Set `kubeWorkbench.allocator.prometheusUrl` to load eight days of history at once.'];
      case 'loading':
        return [`No usage for ${subject} yet: the history from Prometheus at ${host} is still loading.`];
      case 'error':
        return [`No usage for ${subject} yet, and the Prometheus history could not be loaded: ${prometheus.message ?? `Prometheus at ${host} failed`}.`, metricsText(status.metrics)];
      case 'ready':
        return [
          `No samples for ${subject} yet: Prometheus at ${host} returned ${prometheus.series ?? 0} series, none of this container.`,
          metricsText(status.metrics),
          `Does it run in context \`${context}\` under this name and namespace?`,
        ];
    }
  })();
  return sentences.filter((sentence) => sentence !== '').join(' ');
}
