import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { node, pod } from './fit-test-helpers.ts';
import { matchesNodeSelector, nodeFilterReason, toleratesTaint, untoleratedTaint } from './node-filter.ts';

const gpuTaint = { key: 'gpu', value: 'true', effect: 'NoSchedule' };

describe('taints and tolerations', () => {
  it('tolerates with Equal on key, value and effect', () => {
    assert.equal(toleratesTaint({ key: 'gpu', operator: 'Equal', value: 'true', effect: 'NoSchedule' }, gpuTaint), true);
    assert.equal(toleratesTaint({ key: 'gpu', value: 'true' }, gpuTaint), true);
    assert.equal(toleratesTaint({ key: 'gpu', operator: 'Equal', value: 'false' }, gpuTaint), false);
    assert.equal(toleratesTaint({ key: 'gpu', value: 'true', effect: 'NoExecute' }, gpuTaint), false);
  });

  it('tolerates with Exists on the key alone, and an empty key with Exists tolerates everything', () => {
    assert.equal(toleratesTaint({ key: 'gpu', operator: 'Exists' }, gpuTaint), true);
    assert.equal(toleratesTaint({ key: 'tpu', operator: 'Exists' }, gpuTaint), false);
    assert.equal(toleratesTaint({ operator: 'Exists' }, gpuTaint), true);
    assert.equal(toleratesTaint({ operator: 'Exists', effect: 'NoExecute' }, gpuTaint), false);
    assert.equal(toleratesTaint({ key: 'gpu', operator: 'Bogus' }, gpuTaint), false);
  });

  it('filters on NoSchedule and NoExecute taints only', () => {
    const soft = { key: 'spot', value: '', effect: 'PreferNoSchedule' };
    const evict = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
    assert.equal(untoleratedTaint([soft], []), undefined);
    assert.deepEqual(untoleratedTaint([soft, evict], []), evict);
    assert.equal(untoleratedTaint([evict], [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }]), undefined);
  });
});

describe('nodeFilterReason', () => {
  it('reports an untolerated taint the way the scheduler does', () => {
    const tainted = node('a', { cpu: '4' }, { taints: [gpuTaint] });
    assert.equal(nodeFilterReason(pod({ cpu: '1' }), tainted), 'node(s) had untolerated taint {gpu: true}');
    assert.equal(nodeFilterReason(pod({ cpu: '1' }, { tolerations: [{ operator: 'Exists' }] }), tainted), undefined);
  });

  it('keeps pods off cordoned nodes unless they tolerate the unschedulable taint', () => {
    const cordoned = node('a', { cpu: '4' }, { unschedulable: true });
    assert.equal(nodeFilterReason(pod({}), cordoned), 'node(s) were unschedulable');
    assert.equal(nodeFilterReason(pod({}, { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }] }), cordoned), undefined);
  });

  it('matches every nodeSelector label exactly', () => {
    assert.equal(matchesNodeSelector({ zone: 'a', disk: 'ssd' }, { disk: 'ssd' }), true);
    assert.equal(matchesNodeSelector({ zone: 'a' }, { disk: 'ssd' }), false);
    const labelled = node('a', { cpu: '4' }, { labels: { disk: 'hdd' } });
    assert.equal(nodeFilterReason(pod({}, { nodeSelector: { disk: 'ssd' } }), labelled), "node(s) didn't match Pod's node affinity/selector");
  });
});
