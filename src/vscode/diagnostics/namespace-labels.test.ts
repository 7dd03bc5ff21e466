import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NamespaceLabels, type NamespaceSource, podSecurityLabels } from './namespace-labels.ts';

const list = (labels: Record<string, Record<string, string>>) => ({ items: Object.entries(labels).map(([name, own]) => ({ metadata: { name, labels: own } })) });

/** A connection whose namespace list answers from `answers`, one per request, recording the paths asked. */
function source(answers: { ok: boolean; value?: unknown }[]): NamespaceSource & { paths: string[] } {
  const paths: string[] = [];
  return { paths, client: { request: (path) => (paths.push(path), Promise.resolve(answers.shift() ?? { ok: false })) } };
}

describe('namespace Pod Security labels of the cluster', () => {
  it('keeps only the pod-security labels of the namespaces that have some', () => {
    const labels = podSecurityLabels(list({ shop: { 'pod-security.kubernetes.io/enforce': 'restricted', team: 'web' }, tools: { team: 'ops' } }));
    assert.deepEqual(labels, { shop: { 'pod-security.kubernetes.io/enforce': 'restricted' } });
    assert.deepEqual(podSecurityLabels({ items: [{ metadata: { labels: { 'pod-security.kubernetes.io/warn': 'baseline' } } }] }), {});
  });

  it('lists on the first ask, lints again when labels arrive or change, and lists again after a minute', async () => {
    let now = 0;
    let changes = 0;
    const cache = new NamespaceLabels(() => (changes += 1), () => now);
    const cluster = source([
      { ok: true, value: list({ shop: { 'pod-security.kubernetes.io/enforce': 'baseline' } }) },
      { ok: true, value: list({ shop: { 'pod-security.kubernetes.io/enforce': 'baseline' } }) },
      { ok: false },
    ]);
    assert.equal(cache.labels(cluster), undefined);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(cache.labels(cluster), { shop: { 'pod-security.kubernetes.io/enforce': 'baseline' } });
    assert.deepEqual([cluster.paths, changes], [['/api/v1/namespaces'], 1]);
    now = 60_000;
    cache.labels(cluster);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual([cluster.paths.length, changes], [2, 1]);
    now = 120_000;
    cache.labels(cluster);
    await new Promise((resolve) => setImmediate(resolve));
    // Forbidden or failed: no labels, as if none were set.
    assert.deepEqual([cache.labels(cluster), changes], [undefined, 2]);
  });
});
