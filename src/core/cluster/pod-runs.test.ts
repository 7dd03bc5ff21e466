import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slimPod } from './pod-model.ts';

const pod = (statuses: unknown[]) => ({
  metadata: { namespace: 'shop', name: 'web-1' },
  spec: { containers: [{ name: 'app', resources: { requests: { memory: '256Mi' }, limits: { memory: '512Mi' } } }, { name: 'log', resources: { requests: { memory: '64Mi' } } }, { name: 'bare' }] },
  status: { phase: 'Running', containerStatuses: statuses },
});

describe('podRuns on the slim pod', () => {
  it('keeps the newest container start and the OOM-killed containers with the memory they hit', () => {
    const slim = slimPod(
      pod([
        { name: 'app', restartCount: 2, state: { running: { startedAt: '2026-11-02T10:00:00Z' } }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: '2026-11-02T09:59:58Z' } } },
        { name: 'log', restartCount: 1, state: { running: { startedAt: '2026-11-01T08:00:00Z' } }, lastState: { terminated: { reason: 'OOMKilled', finishedAt: '2026-11-01T07:59:00Z' } } },
        { name: 'bare', restartCount: 1, state: { running: { startedAt: '2026-11-01T08:00:00Z' } }, lastState: { terminated: { reason: 'OOMKilled', finishedAt: '2026-11-01T07:00:00Z' } } },
      ]),
    );
    assert.equal(slim.startedAt, '2026-11-02T10:00:00Z');
    assert.deepEqual(slim.oomKills, [
      { container: 'app', finishedAt: '2026-11-02T09:59:58Z', memoryBytes: 512 * 2 ** 20 },
      { container: 'log', finishedAt: '2026-11-01T07:59:00Z', memoryBytes: 64 * 2 ** 20 },
      { container: 'bare', finishedAt: '2026-11-01T07:00:00Z', memoryBytes: undefined },
    ]);
  });

  it('leaves both out when nothing ran or was killed (an Error exit is no OOM)', () => {
    const slim = slimPod(pod([{ name: 'app', restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'Error' } } }]));
    assert.equal('startedAt' in slim, false);
    assert.equal('oomKills' in slim, false);
  });
});
