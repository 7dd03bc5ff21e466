// PodTrimmer (the remembered request) checked against slimPod (computed every time) over many pods
// whose resources share or differ in each value the request depends on, odd values included.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PodTrimmer, slimPod } from './pod-model.ts';

const values: readonly unknown[] = [undefined, '100m', '1', 1, 0.5, '1.5', '128Mi', '1Gi', '2e3', '', 'abc', '1,5', ['1'], { value: '1' }, null];

/** A deterministic walk over the values: the n-th pod. */
function pod(n: number): unknown {
  const pick = (salt: number): unknown => values[(n * 7 + salt * 13 + Math.floor(n / (salt + 2))) % values.length];
  const container = (salt: number, restartPolicy?: string) => ({
    name: `c${salt}`,
    ...(restartPolicy === undefined ? {} : { restartPolicy }),
    resources: { requests: { cpu: pick(salt), memory: pick(salt + 1) }, limits: { cpu: pick(salt + 2), memory: pick(salt + 3), 'nvidia.com/gpu': '1' } },
  });
  return {
    metadata: { name: `p${n}`, namespace: 'shop' },
    spec: {
      nodeName: 'n1',
      containers: n % 3 === 0 ? [container(1)] : [container(1), container(5)],
      ...(n % 4 === 0 ? {} : { initContainers: [container(9, n % 2 === 0 ? 'Always' : undefined), container(11)] }),
      ...(n % 5 === 0 ? { overhead: { cpu: pick(13), memory: pick(14) } } : {}),
    },
    status: { phase: 'Running' },
  };
}

describe('PodTrimmer', () => {
  it('trims every pod as slimPod does, whether its request was remembered or not', () => {
    const trimmer = new PodTrimmer();
    // Twice over: the second round answers from what the first remembered.
    for (let round = 0; round < 2; round += 1) {
      for (let n = 0; n < 2000; n += 1) assert.deepEqual(trimmer.trim(pod(n)), slimPod(pod(n)), `pod ${n}, round ${round}`);
    }
  });

  it('tells apart values that would read alike joined naively', () => {
    const trimmer = new PodTrimmer();
    const requests = (values: Record<string, unknown>) => ({ spec: { containers: [{ resources: { requests: values } }] } });
    // Joined as they are with commas (absent as "?"), both read "1,?,?,?,?".
    assert.equal(trimmer.trim(requests({ cpu: '1,?' })).requestCpu, 0);
    assert.equal(trimmer.trim(requests({ cpu: '1', memory: '?,?' })).requestCpu, 1);
    assert.equal(trimmer.trim(requests({ cpu: ['1'] })).requestCpu, 0);
    assert.equal(trimmer.trim(requests({ cpu: '1' })).requestCpu, 1);
  });
});
