import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Pod } from '../objects.ts';
import { startedStatus } from './pod-status.ts';

describe('startedStatus', () => {
  const terminated = { exitCode: 1, reason: 'Error', finishedAt: '2026-11-25T10:00:00Z' };
  const pod = (state: Record<string, Record<string, unknown>>, lastState?: Record<string, Record<string, unknown>>): Pod =>
    ({
      metadata: { name: 'p', namespace: 'n', uid: 'u-1' },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
      status: { containerStatuses: [{ name: 'app', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 2, state, ...(lastState === undefined ? {} : { lastState }) }] },
    }) as unknown as Pod;

  it('keeps the last termination when a container starts again, straight from terminated or after a back-off wait', () => {
    for (const before of [pod({ terminated }), pod({ waiting: { reason: 'CrashLoopBackOff' } }, { terminated })]) {
      const status = startedStatus(before, false, '2026-11-25T10:01:00Z', '10.0.0.1', '10.1.0.1');
      assert.deepEqual(status.containerStatuses?.[0]?.lastState, { terminated });
      assert.equal(status.containerStatuses?.[0]?.restartCount, 2);
    }
    assert.equal(startedStatus(pod({ waiting: { reason: 'ContainerCreating' } }), false, 'now', 'h', 'p').containerStatuses?.[0]?.lastState, undefined);
  });
});
