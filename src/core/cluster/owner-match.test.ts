import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { controllerKey, ownerKey, podOwnerKey, podOwnerWorkload, replicaSetDeployment } from './owner-match.ts';
import { slimPod } from './pod-model.ts';

const pod = (name: string, owner: { kind: string; name: string } | undefined, labels: Record<string, string> = {}) =>
  slimPod({ metadata: { name, namespace: 'shop', labels, ownerReferences: owner === undefined ? [] : [{ ...owner, controller: true }] }, spec: { containers: [] } });

describe('podOwnerWorkload', () => {
  it('cuts the pod-template-hash off a ReplicaSet name, so "web" and "web-api" stay apart', () => {
    const web = pod('web-7c9f8-abcde', { kind: 'ReplicaSet', name: 'web-7c9f8' }, { 'pod-template-hash': '7c9f8' });
    const webApi = pod('web-api-5d4b6-fghij', { kind: 'ReplicaSet', name: 'web-api-5d4b6' }, { 'pod-template-hash': '5d4b6' });
    assert.deepEqual(podOwnerWorkload(web), { kind: 'Deployment', name: 'web' });
    assert.deepEqual(podOwnerWorkload(webApi), { kind: 'Deployment', name: 'web-api' });
    assert.equal(podOwnerKey(web), ownerKey('Deployment', 'shop', 'web'));
    assert.notEqual(podOwnerKey(webApi), podOwnerKey(web));
  });

  it('takes StatefulSet, DaemonSet and Job owners as they are', () => {
    for (const kind of ['StatefulSet', 'DaemonSet', 'Job']) assert.deepEqual(podOwnerWorkload(pod('p', { kind, name: 'db' })), { kind, name: 'db' });
  });

  it('finds no workload for a bare pod, a ReplicaSet without the hash label, or another owner', () => {
    assert.equal(podOwnerWorkload(pod('bare', undefined)), undefined);
    assert.equal(podOwnerWorkload(pod('rs-pod', { kind: 'ReplicaSet', name: 'standalone' })), undefined);
    assert.equal(podOwnerWorkload(pod('odd', { kind: 'ReplicaSet', name: 'web-7c9f8' }, { 'pod-template-hash': 'zzzzz' })), undefined);
    assert.equal(podOwnerWorkload(pod('node-pod', { kind: 'Node', name: 'n1' })), undefined);
    assert.equal(podOwnerKey(pod('bare', undefined)), '');
  });
});

describe('replicaSetDeployment', () => {
  it('cuts the pod-template-hash off the last dash, so "web-api-5d4b6" is web-api\'s', () => {
    assert.equal(replicaSetDeployment('web-7c9f8'), 'web');
    assert.equal(replicaSetDeployment('web-api-5d4b6'), 'web-api');
    assert.equal(replicaSetDeployment('web-6f7b8c9d45'), 'web');
  });

  it('finds no Deployment when the last part cannot be a hash: vowels, too long, none at all', () => {
    assert.equal(replicaSetDeployment('web-frontend'), undefined);
    assert.equal(replicaSetDeployment('web-6f7b8c9d452'), undefined);
    assert.equal(replicaSetDeployment('standalone'), undefined);
    assert.equal(replicaSetDeployment('-7c9f8'), undefined);
    assert.equal(replicaSetDeployment('web-'), undefined);
  });
});

describe('controllerKey', () => {
  it("keys a Job by its CronJob, in the Job's namespace, and an object without a controller by ''", () => {
    assert.equal(controllerKey({ namespace: 'shop', owner: { kind: 'CronJob', name: 'nightly' } }), ownerKey('CronJob', 'shop', 'nightly'));
    assert.equal(controllerKey({ namespace: 'shop', owner: undefined }), '');
  });
});
