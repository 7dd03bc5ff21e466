import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { container, resources } from './fit-test-helpers.ts';
import { podRequest } from './pod-request.ts';
import { formatResourceList } from './resource-list.ts';

describe('podRequest', () => {
  it('sums the app containers', () => {
    const request = podRequest({ containers: [container({ cpu: '100m', memory: '128Mi' }), container({ cpu: '250m' })] });
    assert.deepEqual(formatResourceList(request), { cpu: '350m', memory: '128Mi' });
  });

  it('takes the larger of the biggest init container and the app sum, per resource', () => {
    const request = podRequest({
      containers: [container({ cpu: '100m', memory: '1Gi' })],
      initContainers: [container({ cpu: '2', memory: '64Mi' }), container({ cpu: '500m', memory: '256Mi' })],
    });
    assert.deepEqual(formatResourceList(request), { cpu: '2', memory: '1Gi' });
  });

  it('adds sidecar init containers to the app sum and to every later init container', () => {
    const request = podRequest({
      containers: [container({ cpu: '100m' })],
      initContainers: [container({ cpu: '200m' }, 'Always'), container({ cpu: '1' })],
    });
    // max(100m + 200m, 1 + 200m) = 1200m
    assert.deepEqual(formatResourceList(request), { cpu: '1200m' });
  });

  it('adds the pod overhead', () => {
    const request = podRequest({ containers: [container({ cpu: '100m' })], overhead: resources({ cpu: '250m', memory: '120Mi' }) });
    assert.deepEqual(formatResourceList(request), { cpu: '350m', memory: '120Mi' });
  });
});
