// The Pod Security labels of the connected cluster's namespaces, for the linter: a Namespace's
// pod-security.kubernetes.io/<mode> labels choose the level of its workloads as the admission
// controller does (ClusterFacts.namespaceLabels). Listed when a lint first asks and again when a minute
// old; a user who may not list namespaces gets none, as if the namespaces were unlabelled.
import { collectionPath, KINDS } from '../../cluster/kinds.ts';

const refreshMs = 60_000;
const podSecurityPrefix = 'pod-security.kubernetes.io/';

type Labels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What the cache needs of a connection: its API client's requests (ClusterConnection.client). */
export interface NamespaceSource {
  readonly client: { request(path: string, options: { readonly verb: string; readonly resource: string }): Promise<{ readonly ok: boolean; readonly value?: unknown }> };
}

export class NamespaceLabels {
  private readonly cached = new WeakMap<NamespaceSource, { labels: Labels | undefined; readAt: number; reading: boolean }>();

  private readonly onChange: () => void;
  private readonly now: () => number;

  /** `onChange` runs when a list brings labels that differ from the last (the linter lints again). */
  constructor(onChange: () => void, now: () => number = Date.now) {
    this.onChange = onChange;
    this.now = now;
  }

  /** The labels last read for this connection (undefined before the first answer); starts a read when due. */
  labels(source: NamespaceSource): Labels | undefined {
    let entry = this.cached.get(source);
    if (entry === undefined) {
      entry = { labels: undefined, readAt: -Infinity, reading: false };
      this.cached.set(source, entry);
    }
    if (!entry.reading && this.now() - entry.readAt >= refreshMs) {
      entry.reading = true;
      void this.read(source).then((labels) => {
        const changed = JSON.stringify(labels) !== JSON.stringify(entry.labels);
        Object.assign(entry, { labels, readAt: this.now(), reading: false });
        if (changed) this.onChange();
      });
    }
    return entry.labels;
  }

  private async read(source: NamespaceSource): Promise<Labels | undefined> {
    const answer = await source.client.request(collectionPath(KINDS.Namespace), { verb: 'list', resource: 'namespaces' });
    if (!answer.ok) return undefined;
    return podSecurityLabels(answer.value);
  }
}

/** Each namespace's pod-security labels (only those: the rest is no business of the linter's). */
export function podSecurityLabels(list: unknown): Labels {
  const labels: Record<string, Record<string, string>> = {};
  const items = (list as { items?: unknown } | null)?.items;
  for (const item of Array.isArray(items) ? items : []) {
    const metadata = (item as { metadata?: { name?: unknown; labels?: unknown } } | null)?.metadata;
    if (typeof metadata?.name !== 'string') continue;
    const own: Record<string, string> = {};
    for (const [key, value] of Object.entries(typeof metadata.labels === 'object' && metadata.labels !== null ? metadata.labels : {})) {
      if (key.startsWith(podSecurityPrefix) && typeof value === 'string') own[key] = value;
    }
    if (Object.keys(own).length > 0) labels[metadata.name] = own;
  }
  return labels;
}
