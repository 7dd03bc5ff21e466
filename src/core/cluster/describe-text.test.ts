import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventsTable } from './describe-events.ts';
import { describeText } from './describe-text.ts';
import { fieldLabel } from './describe-writer.ts';

const now = Date.parse('2026-12-04T04:00:00Z');
const noEvents = { events: [] };

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'demo', labels: { app: 'web', tier: 'fe' }, ownerReferences: [{ kind: 'ReplicaSet', name: 'web-abc', controller: true }] },
  spec: {
    nodeName: 'node-1',
    containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'UDP' }], env: [{ name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }],
  },
  status: {
    phase: 'Running',
    hostIP: '10.0.0.1',
    containerStatuses: [{ name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } }],
  },
};

describe('describeText', () => {
  it("lays a pod out as kubectl does: aligned header, labels one per line, each container's state and last state", () => {
    const lines = describeText(pod, now, noEvents).split('\n');
    assert.deepEqual(lines.slice(0, 6), ['Name:             web-1', 'Namespace:        demo', 'Kind:             Pod', 'API Version:      v1', 'Labels:           app=web', '                  tier=fe']);
    assert.ok(lines.includes('Node:             node-1/10.0.0.1'));
    assert.ok(lines.includes('Controlled By:    ReplicaSet/web-abc'));
    const container = lines.slice(lines.indexOf('  app:'));
    assert.deepEqual(container.slice(1, 9), [
      '    Image:          nginx:1.27',
      '    Port:           80/UDP',
      '    State:          Waiting',
      '      Reason:  CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:     OOMKilled',
      '      Exit Code:  137',
      '    Ready:          False',
    ]);
    assert.ok(lines.includes("      MODE:         <set to the key 'mode' of configMap 'settings'>"));
  });

  it("never shows a secret: an env var's value, a Secret's data (sizes only) or its annotations", () => {
    assert.ok(!describeText(pod, now, noEvents).includes('hunter2'));
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { note: 'token=abcdefghijklmnopqrstuvwxyz0123456789abcd' } }, type: 'Opaque', data: { password: Buffer.from('hunter2').toString('base64'), empty: '' } };
    const text = describeText(secret, now, noEvents);
    assert.ok(!text.includes('hunter2') && !text.includes('aHVudGVyMg') && !text.includes('abcdefghijklmnop'), text);
    assert.match(text, /^ {2}password: {2}7 bytes$/m);
    assert.match(text, /^ {2}empty: {5}0 bytes$/m);
  });

  it("prints a ConfigMap's multi-line values under their key, and a custom resource's fields with kubectl's labels", () => {
    const configMap = describeText({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.properties': 'a=1\nb=2\n' } }, now, noEvents);
    assert.match(configMap, /^Data:\n {2}app\.properties:\n {4}a=1\n {4}b=2$/m);
    const custom = describeText({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { podIPs: ['a', 'b'], items: [{ name: 'x', maxCount: 2 }, { size: 1 }], selector: { matchLabels: { 'app.kubernetes.io/name': 'w' } } } }, now, noEvents);
    assert.match(custom, /^ {2}Pod IPs: {2}a, b$/m);
    assert.match(custom, /^ {4}x:\n {6}Max Count: {2}2\n {4}\[1\]:\n {6}Size: {2}1$/m);
    assert.match(custom, /^ {6}app\.kubernetes\.io\/name: {2}w$/m, 'label keys stay as written');
  });

  it("summarises a Deployment's replicas and rollout strategy, with its pod template's containers", () => {
    const text = describeText({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'app', image: 'nginx' }] } } }, status: { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 } }, now, noEvents);
    assert.match(text, /^Replicas: +3 desired \| 1 updated \| 3 total \| 2 available \| 1 unavailable$/m);
    assert.match(text, /^StrategyType: +Recreate$/m);
    assert.doesNotMatch(text, /RollingUpdateStrategy/);
    assert.match(text, /^Pod Template:\n {2}Labels: +<none>\n {2}Containers:\n {4}app:\n {6}Image: +nginx$/m);
  });

  it('ends with the events, oldest first, repeated ones as "(xN over …)", or says why there are none', () => {
    const events = [
      { type: 'Warning', reason: 'BackOff', firstSeen: now - 600_000, lastSeen: now - 30_000, count: 4, source: 'kubelet', message: 'Back-off restarting failed container' },
      { type: 'Normal', reason: 'Scheduled', firstSeen: now - 720_000, lastSeen: now - 720_000, count: 1, source: 'default-scheduler', message: 'Successfully assigned demo/web-1 to node-1' },
    ];
    assert.deepEqual(eventsTable({ events }, now), [
      'Events:',
      '  Type     Reason     Age                From               Message',
      '  ----     ------     ----               ----               -------',
      '  Normal   Scheduled  12m                default-scheduler  Successfully assigned demo/web-1 to node-1',
      '  Warning  BackOff    30s (x4 over 10m)  kubelet            Back-off restarting failed container',
    ]);
    assert.match(describeText(pod, now, noEvents), /\nEvents: {2}<none>\n$/);
    assert.match(describeText(pod, now, { error: 'events is forbidden' }), /\nEvents: {2}<unknown: events is forbidden>\n$/);
  });
});

describe('fieldLabel', () => {
  it('splits camel case into words and keeps acronyms as kubectl prints them', () => {
    assert.deepEqual(['apiVersion', 'podIPs', 'terminationGracePeriodSeconds', 'hostIP', 'sizeGB', 'containerID', 'x'].map(fieldLabel), ['API Version', 'Pod IPs', 'Termination Grace Period Seconds', 'Host IP', 'Size GB', 'Container ID', 'X']);
  });
});
