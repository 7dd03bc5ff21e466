import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workloadFromPodName } from './workload-name.ts';

describe('workloadFromPodName', () => {
  it('strips the ReplicaSet hash and pod suffix of a Deployment pod', () => {
    assert.deepEqual(workloadFromPodName('web-7d9f8c6b5d-x2k4p'), { name: 'web', kind: 'Deployment' });
    assert.deepEqual(workloadFromPodName('checkout-api-5f6b7c8d9-zq2ww'), { name: 'checkout-api', kind: 'Deployment' });
  });

  it('strips the ordinal of a StatefulSet pod', () => {
    assert.deepEqual(workloadFromPodName('postgres-0'), { name: 'postgres', kind: 'StatefulSet' });
    assert.deepEqual(workloadFromPodName('kafka-broker-12'), { name: 'kafka-broker', kind: 'StatefulSet' });
  });

  it('strips the suffix of a DaemonSet or Job pod', () => {
    assert.deepEqual(workloadFromPodName('fluentd-x7k2p'), { name: 'fluentd', kind: 'DaemonSet or Job' });
  });

  it('maps a CronJob pod to its CronJob', () => {
    assert.deepEqual(workloadFromPodName('backup-29405280-4vx7m'), { name: 'backup', kind: 'CronJob' });
  });

  it('keeps a bare pod as its own workload', () => {
    assert.deepEqual(workloadFromPodName('debug'), { name: 'debug', kind: 'Pod' });
    // Vowels are never in a generated suffix.
    assert.deepEqual(workloadFromPodName('my-house'), { name: 'my-house', kind: 'Pod' });
    assert.deepEqual(workloadFromPodName('web-01'), { name: 'web-01', kind: 'Pod' });
  });
});
