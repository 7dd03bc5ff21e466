import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toNumber } from '../allocator/quantity.ts';
import { fitSummary, nodeStatesFromCache } from './cache-fit.ts';
import { slimNode } from './node-model.ts';
import { slimPod } from './pod-model.ts';

const GI = 2 ** 30;
const node = (name: string, cpu: string, memory: string, taints: unknown[] = []) =>
  slimNode({ metadata: { name, labels: { zone: 'a' } }, spec: { taints }, status: { allocatable: { cpu, memory, pods: '110' } } });
const pod = (name: string, nodeName: string, cpu: string, memory: string, phase = 'Running') =>
  slimPod({ metadata: { name, namespace: 'shop', uid: `uid-${name}` }, spec: { nodeName, containers: [{ name: 'app', resources: { requests: { cpu, memory } } }] }, status: { phase } });
const deployment = (replicas: number, cpu: string, memory: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { replicas, template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu, memory } } }] } } },
});

describe('fit on the watch cache', () => {
  const nodes = [node('n1', '4', '8Gi'), node('n2', '2', '4Gi'), node('tainted', '8', '16Gi', [{ key: 'gpu', value: 'yes', effect: 'NoSchedule' }])];
  const pods = [pod('busy', 'n1', '3', '1Gi'), pod('done', 'n2', '2', '1Gi', 'Succeeded'), pod('mine', 'n2', '1500m', '1Gi')];

  it('subtracts the requests of bound pods that hold resources, except the ignored ones', () => {
    const states = nodeStatesFromCache(nodes, pods, new Set(['uid-mine']));
    const amounts = states.map((state) => [state.node.name, state.podCount, toNumber(state.requested['cpu']!), toNumber(state.requested['memory']!) / GI]);
    assert.deepEqual(amounts, [['n1', 1, 3, 1], ['n2', 0, 0, 0], ['tainted', 0, 0, 0]]);
  });

  it('says how many replicas fit, which resource blocks the rest, and when none ever can', () => {
    const states = nodeStatesFromCache(nodes, pods, new Set(['uid-mine']));
    assert.equal(fitSummary(deployment(3, '1', '1Gi'), states)?.text, "Deployment web: all 3 replicas fit the nodes' free capacity (on 2 nodes)");
    const partial = fitSummary(deployment(5, '1', '1Gi'), states);
    assert.equal(partial?.text, "Deployment web: only 3 of 5 replicas fit the nodes' free capacity; cpu blocks the rest");
    assert.equal(partial?.ok, false);
    assert.equal(fitSummary(deployment(1, '6', '1Gi'), states)?.text, "Deployment web: no node can hold even one replica (its cpu request is above every node's allocatable)");
    assert.equal(fitSummary({ kind: 'Service', metadata: { name: 's' } }, states), undefined);
  });
});
