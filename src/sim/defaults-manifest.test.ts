// The sim's defaulters and core's table of server defaults (Save as Manifest) agree: an object the
// sim has defaulted reads, through manifestOf, as the manifest it was created from.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestOf } from '../core/live-edit/manifest.ts';
import { applyDefaults } from './defaults.ts';
import type { KubeObject } from './objects.ts';
import { apiVersionOf, builtinTypes } from './resources.ts';

const pod = { containers: [{ name: 'web', image: 'web:1.2', ports: [{ containerPort: 80 }] }] };
const template = { metadata: { labels: { app: 'web' } }, spec: pod };
const selector = { matchLabels: { app: 'web' } };

const manifests: Readonly<Record<string, Record<string, unknown>>> = {
  Pod: { spec: pod },
  Service: { spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } },
  Secret: { data: {} },
  Namespace: {},
  Deployment: { spec: { selector, template } },
  ReplicaSet: { spec: { selector, template } },
  StatefulSet: { spec: { selector, template, serviceName: 'web' } },
  DaemonSet: { spec: { selector, template } },
  Job: { spec: { template: { metadata: { labels: { app: 'pi' } }, spec: { ...pod, restartPolicy: 'Never' } } } },
  CronJob: { spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { ...pod, restartPolicy: 'Never' } } } } } },
  PersistentVolumeClaim: { spec: { accessModes: ['ReadWriteOnce'] } },
  PersistentVolume: { spec: { capacity: { storage: '1Gi' } } },
  StorageClass: { provisioner: 'example.com/disk' },
  PriorityClass: { value: 10 },
  HorizontalPodAutoscaler: { spec: { maxReplicas: 3, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } } },
};

describe('server defaults: the sim and Save as Manifest agree', () => {
  for (const [kind, body] of Object.entries(manifests)) {
    it(`a defaulted ${kind} saves as the manifest it was created from`, () => {
      const type = builtinTypes.find((each) => each.kind === kind && (kind !== 'HorizontalPodAutoscaler' || each.version === 'v2'))!;
      const name = { name: 'web', ...(type.namespaced ? { namespace: 'shop' } : {}) };
      const manifest = { apiVersion: apiVersionOf(type), kind, metadata: name, ...structuredClone(body) };
      const object = structuredClone(manifest) as unknown as KubeObject;
      object.metadata.uid = 'uid-1';
      applyDefaults(type, object, { allocateIp: () => '10.96.0.9' });
      assert.notDeepEqual(object, manifest, 'the sim defaulted something');
      assert.deepEqual(manifestOf(object as unknown as Record<string, unknown>), manifest);
    });
  }
});
