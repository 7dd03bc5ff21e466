import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

describe('the CronJob controller\'s events', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 2, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  it('a job made each minute (SuccessfulCreate), the oldest finished ones past the history limit deleted (SuccessfulDelete)', async () => {
    const template = { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '1'] }] } } } };
    const body = JSON.stringify({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { schedule: '* * * * *', successfulJobsHistoryLimit: 1, jobTemplate: template } });
    assert.equal((await call(sim, '/apis/batch/v1/namespaces/default/cronjobs', { method: 'POST', body })).status, 201);
    sim.settle();
    for (let step = 0; step < 24; step += 1) sim.advance(10_000);
    const events = [...sim.store.scan(sim.controllers.types.event)]
      .map(({ object }) => object as unknown as { involvedObject: { kind: string }; reason: string; message: string })
      .filter((event) => event.involvedObject.kind === 'CronJob');
    const created = events.filter((event) => event.reason === 'SuccessfulCreate');
    const deleted = events.filter((event) => event.reason === 'SuccessfulDelete');
    assert.ok(created.length >= 3, events.map((event) => event.message).join('\n'));
    assert.ok(deleted.length >= 1, events.map((event) => event.message).join('\n'));
    assert.match(deleted[0]?.message ?? '', /^Deleted job tick-\d+$/);
    assert.ok(created.some((event) => event.message === deleted[0]?.message.replace('Deleted', 'Created')));
  });
});
