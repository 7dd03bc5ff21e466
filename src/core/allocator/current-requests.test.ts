import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentRequestIndex } from './current-requests.ts';

const deployment = (namespace: string | undefined, memory: string) => ({
  kind: 'Deployment',
  metadata: { name: 'web', ...(namespace === undefined ? {} : { namespace }) },
  spec: { template: { spec: { containers: [{ name: 'app', resources: { requests: { cpu: '0.5', memory } } }] } } },
});

describe('currentRequestIndex', () => {
  it('finds a container by namespace, and a namespace-less manifest in any namespace', () => {
    const index = currentRequestIndex([deployment('shop', '1024Mi'), deployment(undefined, '2Gi'), { kind: 'Service', metadata: { name: 'web' } }]);
    assert.deepEqual(index.get('shop', 'web', 'app'), { cpu: '500m', memory: '1Gi' });
    assert.deepEqual(index.get('other', 'web', 'app'), { cpu: '500m', memory: '2Gi' });
    assert.equal(index.get('shop', 'web', 'sidecar'), undefined);
  });

  it('reports quantities it cannot read', () => {
    const index = currentRequestIndex([deployment('shop', '1 Gi')]);
    assert.deepEqual(index.issues.map((issue) => `${issue.workload} ${issue.path}`), ['Deployment/web containers[0].resources.requests.memory']);
    assert.deepEqual(index.get('shop', 'web', 'app'), { cpu: '500m' });
  });
});
