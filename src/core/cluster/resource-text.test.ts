import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimNode } from './node-model.ts';
import { cpuText, largestAllocatable, memoryText } from './resource-text.ts';

describe('resource text', () => {
  it('prints cores as millicores and bytes as MiB, as users write them', () => {
    assert.equal(cpuText(3.92), '3920m');
    assert.equal(cpuText(4), '4');
    assert.equal(memoryText(15 * 2 ** 30), '15Gi');
    assert.equal(memoryText(300 * 2 ** 20 + 1), '301Mi');
  });

  it('takes the largest allocatable per resource across nodes', () => {
    const node = (cpu: string, memory: string) => slimNode({ metadata: { name: cpu }, status: { allocatable: { cpu, memory } } });
    assert.deepEqual(largestAllocatable([node('3920m', '15Gi'), node('7910m', '8Gi')]), { cpu: '7910m', memory: '15Gi' });
    assert.equal(largestAllocatable([]), undefined);
  });
});
