import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundPodFromObject, fitNodeFromObject, fitPodFromSpec, nodeStates } from './fit-input.ts';
import { formatResourceList } from './resource-list.ts';

const nodeObject = {
  metadata: { name: 'n1', labels: { 'kubernetes.io/os': 'linux', weight: 3 } },
  spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }], unschedulable: true },
  status: { capacity: { cpu: '8', memory: '32Gi' }, allocatable: { cpu: '7800m', memory: '30Gi', pods: '110' } },
};

describe('fit inputs from Kubernetes JSON', () => {
  it('reads a node: labels, taints, allocatable, cordon', () => {
    const { node, issues } = fitNodeFromObject(nodeObject);
    assert.deepEqual(issues, []);
    assert.ok(node !== undefined);
    assert.deepEqual(node.labels, { 'kubernetes.io/os': 'linux' });
    assert.deepEqual(node.taints, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]);
    assert.deepEqual(formatResourceList(node.allocatable), { cpu: '7800m', memory: '30Gi', pods: '110' });
    assert.equal(node.unschedulable, true);
  });

  it('falls back to capacity, and refuses a node without a name', () => {
    const { node } = fitNodeFromObject({ metadata: { name: 'n2' }, status: { capacity: { cpu: 2 } } });
    assert.deepEqual(formatResourceList(node?.allocatable ?? {}), { cpu: '2' });
    assert.equal(fitNodeFromObject({ status: {} }).node, undefined);
  });

  it('requests a limit-only resource at its limit, as API defaulting does, and reports bad quantities', () => {
    const { pod, issues } = fitPodFromSpec({
      containers: [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '250m', memory: '2 Gi' } } }],
      tolerations: [{ operator: 'Exists' }],
      nodeSelector: { disk: 'ssd' },
    });
    assert.deepEqual(formatResourceList(pod.containers[0]?.requests ?? {}), { cpu: '250m', memory: '1Gi' });
    assert.deepEqual(issues.map((issue) => issue.path), ['containers[0].resources.requests.memory']);
    assert.deepEqual(pod.tolerations, [{ key: '', operator: 'Exists', value: '', effect: '' }]);
    assert.deepEqual(pod.nodeSelector, { disk: 'ssd' });
  });

  it('counts only bound pods that still hold resources', () => {
    const running = { spec: { nodeName: 'n1', containers: [{ resources: { requests: { cpu: '1' } } }] }, status: { phase: 'Running' } };
    const done = { ...running, status: { phase: 'Succeeded' } };
    const pending = { spec: { containers: [] }, status: { phase: 'Pending' } };
    const bound = [running, done, pending].map(boundPodFromObject).filter((entry) => entry !== undefined);
    assert.equal(bound.length, 1);
    const { node } = fitNodeFromObject(nodeObject);
    assert.ok(node !== undefined);
    const [state] = nodeStates([node], [...bound, ...bound]);
    assert.deepEqual(formatResourceList(state?.requested ?? {}), { cpu: '2' });
    assert.equal(state?.podCount, 2);
  });
});
