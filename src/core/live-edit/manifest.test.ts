import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { manifestOf } from './manifest.ts';

const podSpec = (image: string) => ({
  containers: [{ name: 'web', image, imagePullPolicy: image.endsWith(':latest') ? 'Always' : 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', resources: {}, ports: [{ containerPort: 80, protocol: 'TCP' }] }],
  restartPolicy: 'Always',
  dnsPolicy: 'ClusterFirst',
  schedulerName: 'default-scheduler',
  terminationGracePeriodSeconds: 30,
  securityContext: {},
});

const deployment = (extra: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'u', resourceVersion: '9', generation: 2, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }, ...metadata },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: podSpec('web:1.2') },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    ...extra,
  },
  status: { replicas: 1 },
});

const handWritten = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1.2', ports: [{ containerPort: 80 }] }] } } },
};

describe('manifestOf', () => {
  it('reads like the hand-written manifest: server defaults, status, server metadata and last-applied gone', () => {
    assert.deepEqual(manifestOf(deployment()), handWritten);
  });

  it('keeps a value that differs from the default, and a default the user applied (server-side apply)', () => {
    assert.equal((manifestOf(deployment({ replicas: 3 }))['spec'] as { replicas?: number }).replicas, 3);
    const applied = [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:imagePullPolicy': {} } } } } } } }];
    const spec = manifestOf(deployment({}, { managedFields: applied }))['spec'] as { replicas?: number; template: { spec: { containers: { imagePullPolicy?: string }[] } } };
    assert.equal(spec.replicas, 1);
    assert.equal(spec.template.spec.containers[0]!.imagePullPolicy, 'IfNotPresent');
    const updated = [{ manager: 'kubectl-client-side-apply', operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }];
    assert.deepEqual(manifestOf(deployment({}, { managedFields: updated })), handWritten, 'an Update entry claims defaulted fields too: it does not count');
  });

  it('judges the pull policy by the tag, and drops a Service\'s allocated IPs but not "None"', () => {
    const latest = deployment({ template: { metadata: { labels: { app: 'web' } }, spec: { ...podSpec('web:latest'), containers: [{ name: 'web', image: 'web:latest', imagePullPolicy: 'IfNotPresent' }] } } });
    assert.equal((manifestOf(latest)['spec'] as { template: { spec: { containers: { imagePullPolicy?: string }[] } } }).template.spec.containers[0]!.imagePullPolicy, 'IfNotPresent');
    const service = (clusterIP: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], sessionAffinity: 'None', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], selector: { app: 'web' } } });
    assert.deepEqual(manifestOf(service('10.0.0.7'))['spec'], { ports: [{ port: 80 }], selector: { app: 'web' } });
    assert.deepEqual(manifestOf(service('None'))['spec'], { clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80 }], selector: { app: 'web' } });
  });

  it('drops the selector and labels a Job\'s controller generated', () => {
    const labels = { 'batch.kubernetes.io/controller-uid': 'u1', 'controller-uid': 'u1', 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' };
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', labels }, spec: { selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, backoffLimit: 6, completions: 1, parallelism: 1, template: { metadata: { labels: { ...labels, app: 'pi' } }, spec: { ...podSpec('pi:1'), restartPolicy: 'Never' } } } };
    const spec = manifestOf(job)['spec'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(spec), ['template']);
    assert.deepEqual((spec['template'] as { metadata: unknown }).metadata, { labels: { app: 'pi' } });
  });
});
