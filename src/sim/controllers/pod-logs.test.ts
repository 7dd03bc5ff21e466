import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Pod } from '../objects.ts';
import { startSim, type Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

describe('pod logs within bounds', () => {
  let sim: Sim;
  let path: string;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 2, frozenClock: true, prometheusPort: false, log: () => undefined });
    sim.advance(5_000);
    const pod = [...sim.store.scan(sim.controllers.types.pod)].map(({ object }) => object as Pod).find((each) => each.status?.phase === 'Running' && each.spec.containers.length === 1);
    assert.ok(pod !== undefined);
    path = `/api/v1/namespaces/${pod.metadata.namespace ?? ''}/pods/${pod.metadata.name ?? ''}/log`;
  });
  after(() => sim.close());

  it("refuses counts the server refuses, with the server's messages", async () => {
    const cases: [string, number, RegExp][] = [
      ['tailLines=-1', 422, /is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0$/],
      ['sinceSeconds=0', 422, /sinceSeconds: Invalid value: 0: must be greater than 0$/],
      ['limitBytes=0', 422, /limitBytes: Invalid value: 0: must be greater than 0$/],
      ['tailLines=many', 400, /parsing "many": invalid syntax/],
      ['tailLines=1e400', 400, /invalid syntax/],
    ];
    for (const [query, code, message] of cases) {
      const reply = await call(sim, `${path}?${query}`);
      assert.equal(reply.status, code, query);
      assert.match(String(reply.json['message']), message, query);
    }
  });

  it('stops at limitBytes, and gives at most 10,000 lines whatever tailLines asks', async () => {
    const limited = await call(sim, `${path}?limitBytes=10`);
    assert.equal(limited.status, 200);
    assert.equal(Buffer.byteLength(limited.text), 10);
    // A day of sim time: 43,200 lines exist.
    sim.advance(86_400_000);
    const all = await call(sim, `${path}?tailLines=1000000000`);
    assert.equal(all.text.trimEnd().split('\n').length, 10_000);
    const followed = await call(sim, `${path}?follow=true&limitBytes=100`);
    assert.equal(Buffer.byteLength(followed.text), 100, 'a follow ends at the limit too');
  });
});
