import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameTemplate } from './pod-template.ts';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.26' }], restartPolicy: 'Always' } };

describe('sameTemplate', () => {
  it('ignores the pod-template-hash label, key order and what Go cannot tell from absent', () => {
    const fromReplicaSet = {
      spec: { restartPolicy: 'Always', containers: [{ resources: {}, image: 'nginx:1.26', name: 'web', args: [] }] },
      metadata: { creationTimestamp: null, labels: { 'pod-template-hash': 'abc12', app: 'web' } },
    };
    assert.ok(sameTemplate(fromReplicaSet, template));
  });

  it('tells different images, labels and list orders apart', () => {
    assert.ok(!sameTemplate({ ...template, spec: { ...template.spec, containers: [{ name: 'web', image: 'nginx:1.27' }] } }, template));
    assert.ok(!sameTemplate({ ...template, metadata: { labels: { app: 'api' } } }, template));
    const two = (first: string, second: string): unknown => ({ ...template, spec: { containers: [{ name: first, image: 'a' }, { name: second, image: 'a' }] } });
    assert.ok(!sameTemplate(two('a', 'b'), two('b', 'a')));
  });
});
