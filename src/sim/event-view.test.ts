import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { toEventsV1 } from './event-view.ts';
import { call, kubectlSuite, watchEvents } from './test-helpers.ts';

const coreEvent = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'x.1', namespace: 'default', resourceVersion: '7' },
  involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace: 'default', name: 'x', fieldPath: 'spec.containers{main}' },
  reason: 'BackOff',
  message: 'Back-off restarting failed container main',
  source: { component: 'kubelet', host: 'node-1' },
  firstTimestamp: '2026-12-04T03:00:00Z',
  lastTimestamp: '2026-12-04T03:05:00Z',
  count: 4,
  type: 'Warning',
  eventTime: null,
  reportingComponent: '',
  reportingInstance: '',
};

describe('toEventsV1', () => {
  it('shows a core/v1 Event as events.k8s.io/v1 does: regarding, note, reportingController, deprecated* fields', () => {
    assert.deepEqual(toEventsV1(coreEvent), {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: coreEvent.metadata,
      eventTime: null,
      reportingController: 'kubelet',
      reportingInstance: 'node-1',
      reason: 'BackOff',
      regarding: coreEvent.involvedObject,
      note: coreEvent.message,
      type: 'Warning',
      deprecatedSource: { component: 'kubelet', host: 'node-1' },
      deprecatedFirstTimestamp: '2026-12-04T03:00:00Z',
      deprecatedLastTimestamp: '2026-12-04T03:05:00Z',
      deprecatedCount: 4,
    });
  });
});

describe('events.k8s.io/v1 over the sim\'s Events, with the real kubectl', () => {
  const suite = kubectlSuite('/usr/bin/kubectl', { nodes: 2, log: () => undefined });
  const { ok } = suite;
  const post = async (path: string, body: unknown): Promise<void> => {
    assert.equal((await call(suite.sim, path, { method: 'POST', body: JSON.stringify(body) })).status, 201);
    suite.sim.settle();
  };

  before(async () => {
    await post('/api/v1/namespaces/default/events', { ...coreEvent, metadata: { name: 'x.1' } });
    // Fits no node: the scheduler's FailedScheduling is the pod's only event.
    await post('/api/v1/namespaces/default/pods', { metadata: { name: 'stuck' }, spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'main', image: 'nginx:1.27' }] } });
  });

  it('discovery lists the group; get, list and field selectors answer in the new shape', async () => {
    assert.match(await ok('api-resources'), /^events\s+ev\s+events\.k8s\.io\/v1\s+true\s+Event$/m);
    const list = await call(suite.sim, '/apis/events.k8s.io/v1/namespaces/default/events?fieldSelector=regarding.name%3Dx');
    const items = list.json['items'] as Record<string, unknown>[];
    assert.deepEqual(items.map((item) => [item['apiVersion'], item['note'], item['deprecatedCount']]), [['events.k8s.io/v1', coreEvent.message, 4]]);
    const one = await call(suite.sim, '/apis/events.k8s.io/v1/namespaces/default/events/x.1');
    assert.equal(one.json['reportingController'], 'kubelet');
    assert.equal((await call(suite.sim, '/apis/events.k8s.io/v1/namespaces/default/events', { method: 'POST', body: '{}' })).status, 405);
  });

  it('kubectl reads both APIs: events --for, get events --field-selector type=Warning, get events.events.k8s.io', async () => {
    assert.match(await ok('events', '--for', 'pod/stuck'), /Warning\s+FailedScheduling\s+Pod\/stuck\s+0\/2 nodes are available/);
    assert.deepEqual((await ok('get', 'events', '--field-selector', 'type=Warning', '-o', 'jsonpath={.items[*].reason}')).split(' ').sort(), ['BackOff', 'FailedScheduling']);
    const names = await ok('get', 'events.v1.events.k8s.io', '--field-selector', 'type=Warning,reportingController=default-scheduler', '-o', 'name');
    assert.match(names.trim(), /^event\.events\.k8s\.io\/stuck\.[0-9a-f]+$/);
    assert.match(await ok('get', 'events.events.k8s.io'), /Warning\s+BackOff\s+pod\/x\s+Back-off restarting failed container main/);
  });

  it('a watch through the view sends converted objects, filtered by the new field names', async () => {
    const path = '/apis/events.k8s.io/v1/namespaces/default/events?watch=true&fieldSelector=regarding.name%3Dlater';
    const seen = await watchEvents(suite.sim, path, 1, () => post('/api/v1/namespaces/default/events', { ...coreEvent, metadata: { name: 'later.1' }, involvedObject: { kind: 'Pod', name: 'later' } }));
    const object = seen[0]?.['object'] as Record<string, unknown>;
    assert.equal(seen[0]?.['type'], 'ADDED');
    assert.deepEqual([object['apiVersion'], object['note'], (object['regarding'] as { name: string }).name], ['events.k8s.io/v1', coreEvent.message, 'later']);
  });
});
