import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  exceededResources,
  formatResourceList,
  maxResourceLists,
  parseResourceList,
  subtractResourceLists,
  sumResourceLists,
  type ResourceList,
} from './resource-list.ts';

function list(raw: Record<string, unknown>): ResourceList {
  const { list: parsed, issues } = parseResourceList(raw);
  assert.deepEqual(issues, []);
  return parsed;
}

describe('ResourceList', () => {
  it('parses manifest values, numbers included, and reports bad ones', () => {
    const { list: parsed, issues } = parseResourceList({ cpu: 0.5, memory: '512Mi', 'nvidia.com/gpu': 1, bad: '500mb', odd: true });
    assert.deepEqual(formatResourceList(parsed), { cpu: '500m', memory: '512Mi', 'nvidia.com/gpu': '1' });
    assert.deepEqual(issues.map((issue) => [issue.resource, issue.text]), [['bad', '500mb'], ['odd', 'true']]);
  });

  it('ignores what is not a map', () => {
    assert.deepEqual(parseResourceList(['cpu']).list, {});
    assert.deepEqual(parseResourceList(null).list, {});
  });

  it('sums exactly over every resource of any list', () => {
    const total = sumResourceLists([list({ cpu: '100m' }), list({ cpu: '200m', memory: '1Gi' }), list({ memory: '512Mi' })]);
    assert.deepEqual(formatResourceList(total), { cpu: '300m', memory: '1536Mi' });
  });

  it('subtracts, going negative on an overcommitted node', () => {
    const free = subtractResourceLists(list({ cpu: '2', memory: '4Gi' }), list({ cpu: '2500m', memory: '1Gi' }));
    assert.deepEqual(formatResourceList(free), { cpu: '-500m', memory: '3Gi' });
  });

  it('takes the larger per resource', () => {
    const larger = maxResourceLists(list({ cpu: '1', memory: '100Mi' }), list({ cpu: '500m', memory: '1Gi', pods: '1' }));
    assert.deepEqual(formatResourceList(larger), { cpu: '1', memory: '1Gi', pods: '1' });
  });

  it('names the resources a request exceeds, a missing one counting as zero', () => {
    const free = list({ cpu: '1', memory: '1Gi' });
    assert.deepEqual(exceededResources(list({ cpu: '1', memory: '2Gi', 'example.com/fpga': '1' }), free), ['memory', 'example.com/fpga']);
    assert.deepEqual(exceededResources(list({ cpu: '1000m' }), free), []);
  });
});
