import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { humanDuration } from '../core/text/age.ts';
import type { KubeObject } from './objects.ts';
import { builtinTypes, type ResourceType } from './resources.ts';
import { printerFor, tableRow } from './tables.ts';

const now = Date.parse('2026-11-25T12:00:00Z');
const type = (plural: string): ResourceType => builtinTypes.find((each) => each.plural === plural && each.virtual !== true) as ResourceType;
const cells = (plural: string, object: KubeObject): unknown[] => tableRow(printerFor(type(plural)), object, now, 'None')['cells'] as unknown[];
const created = { creationTimestamp: '2026-11-25T11:00:00Z' };

describe('Table printers', () => {
  it('ages like kubectl', () => {
    const ages = [5_000, 150_000, 600_000, 3 * 3_600_000 + 60_000, 50 * 3_600_000, 400 * 86_400_000, 800 * 86_400_000];
    assert.deepEqual(ages.map(humanDuration), ['5s', '2m30s', '10m', '3h1m', '2d2h', '400d', '2y70d']);
  });

  it('deployments: ready, up-to-date, available, and the wide columns', () => {
    const deployment = {
      metadata: { name: 'web', ...created },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    assert.deepEqual(cells('deployments', deployment), ['web', '2/3', 3, 2, '60m', 'web', 'nginx:1.27', 'app=web']);
  });

  it('jobs: status, completions and duration', () => {
    const job = {
      metadata: { name: 'once', ...created },
      spec: { completions: 3, template: { spec: { containers: [] } } },
      status: { succeeded: 3, startTime: '2026-11-25T11:00:00Z', completionTime: '2026-11-25T11:00:42Z', conditions: [{ type: 'Complete', status: 'True' }] },
    };
    assert.deepEqual(cells('jobs', job).slice(0, 5), ['once', 'Complete', '3/3', '42s', '60m']);
  });

  it('services and events', () => {
    const service = { metadata: { name: 'svc', ...created }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.11', ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } } };
    assert.deepEqual(cells('services', service), ['svc', 'ClusterIP', '10.96.0.11', '<none>', '80/TCP', '60m', 'app=web']);
    const event = { metadata: { name: 'e', ...created }, lastTimestamp: '2026-11-25T11:59:30Z', type: 'Warning', reason: 'FailedScheduling', involvedObject: { kind: 'Pod', name: 'p' }, message: 'no' };
    assert.deepEqual(cells('events', event), ['30s', 'Warning', 'FailedScheduling', 'pod/p', 'no']);
  });

  it('pods: a waiting reason wins over the phase', () => {
    const pod = {
      metadata: { name: 'p', ...created },
      spec: { nodeName: 'n1', containers: [{ name: 'c' }] },
      status: { phase: 'Pending', podIP: '10.0.0.9', containerStatuses: [{ name: 'c', ready: false, restartCount: 2, image: '', imageID: '', state: { waiting: { reason: 'ImagePullBackOff' } } }] },
    };
    assert.deepEqual(cells('pods', pod).slice(0, 7), ['p', '0/1', 'ImagePullBackOff', '2', '60m', '10.0.0.9', 'n1']);
  });
});
