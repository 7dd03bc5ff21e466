import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionChange } from '../../cluster/cluster-connection.ts';
import { Emitter } from '../../cluster/disposable.ts';
import type { LeaseEntry } from '../../cluster/resource-types.ts';
import { SlimStore } from '../../cluster/slim-store.ts';
import { slimLease } from '../../core/cluster/lease-model.ts';
import { slimNode, type SlimNode } from '../../core/cluster/node-model.ts';
import { NodeStandings } from './node-standings.ts';

const start = Date.parse('2026-11-25T12:00:00Z');
const iso = (ms: number): string => new Date(ms).toISOString();

function node(name: string, ready: 'True' | 'False', extra: { unschedulable?: boolean; pressure?: string } = {}): SlimNode {
  const conditions = [{ type: 'Ready', status: ready, lastHeartbeatTime: iso(start) }, ...(extra.pressure ? [{ type: extra.pressure, status: 'True' }] : [])];
  return slimNode({ metadata: { name }, spec: { unschedulable: extra.unschedulable ?? false }, status: { conditions } });
}

const lease = (name: string, renewMs: number): LeaseEntry => ({
  ...slimLease({ metadata: { name }, spec: { renewTime: iso(renewMs), leaseDurationSeconds: 40 } }),
  meta: { namespace: 'kube-node-lease', name },
});

function cluster(nodes: SlimNode[]) {
  const source = { nodes: new SlimStore<SlimNode>(), leases: new SlimStore<LeaseEntry>(), changes: new Emitter<ConnectionChange>() };
  for (const each of nodes) {
    source.nodes.upsert(each);
    source.leases.upsert(lease(each.meta.name, start));
  }
  let now = start;
  const reported: string[][] = [];
  const standings = new NodeStandings({ nodes: source.nodes, leases: source.leases, onDidChange: (listener) => source.changes.on(listener), onDidChangeState: () => ({ dispose: () => undefined }), state: () => ({ phase: 'synced', items: 0 }) }, () => now, (names) => reported.push([...names]));
  return { source, standings, reported, advance: (ms: number) => (now += ms), now: () => now };
}

describe('NodeStandings', () => {
  it('orders the nodes worst first, by name within, and counts each standing', () => {
    const { standings, reported } = cluster([
      node('a-ready', 'True'),
      node('b-not-ready', 'False'),
      node('c-cordoned', 'True', { unschedulable: true }),
      node('d-pressure', 'True', { pressure: 'DiskPressure' }),
      node('e-ready', 'True'),
    ]);
    assert.deepEqual(standings.order(), ['b-not-ready', 'c-cordoned', 'd-pressure', 'a-ready', 'e-ready']);
    assert.deepEqual([...standings.counts()].sort(), [['Cordoned', 1], ['NotReady', 1], ['Pressure', 1]]);
    assert.deepEqual(reported, [['b-not-ready', 'c-cordoned', 'd-pressure']], 'the first judgement reports the nodes that are not Ready');
  });

  it('turns a silent node Unknown as time passes, first in the order, and Ready again when its Lease is renewed', () => {
    const { source, standings, reported, advance, now } = cluster([node('a', 'True'), node('z', 'True')]);
    advance(40_000);
    // Every kubelet but z's renews its Lease.
    const renewed = lease('a', now());
    source.leases.upsert(renewed);
    source.changes.fire({ type: 'modified', resource: 'leases', item: renewed, previous: lease('a', start) });
    advance(20_000);
    standings.judgeAll();
    assert.equal(standings.standing('z'), 'Unknown');
    assert.deepEqual(standings.order(), ['z', 'a']);
    assert.deepEqual(reported.at(-1), ['z']);
    const back = lease('z', now());
    source.leases.upsert(back);
    source.changes.fire({ type: 'modified', resource: 'leases', item: back, previous: lease('z', start) });
    assert.equal(standings.standing('z'), 'Ready');
    assert.deepEqual(standings.order(), ['a', 'z']);
    assert.deepEqual(reported.at(-1), ['z']);
  });

  it('forgets a deleted node that was not Ready', () => {
    const { source, standings, reported } = cluster([node('gone', 'False'), node('kept', 'True')]);
    const deleted = source.nodes.get('', 'gone')!;
    source.nodes.delete('', 'gone');
    source.changes.fire({ type: 'deleted', resource: 'nodes', item: deleted });
    assert.equal(standings.counts().size, 0);
    assert.deepEqual(standings.order(), ['kept']);
    assert.deepEqual(reported.at(-1), ['gone']);
  });
  it('keeps a node by its Ready condition while the Leases are listed, and judges its heartbeat once they are', () => {
    const nodes = new SlimStore<SlimNode>();
    nodes.upsert(node('quiet', 'True'));
    const states = new Emitter<'leases'>();
    let phase: 'connecting' | 'synced' = 'connecting';
    const reported: string[][] = [];
    const source = { nodes, leases: new SlimStore<LeaseEntry>(), onDidChange: () => ({ dispose: () => undefined }), onDidChangeState: (listener: (resource: 'leases') => void) => states.on(listener), state: () => ({ phase, items: 0 }) };
    // Four minutes after the condition's heartbeat: normal for a kubelet that renews a Lease instead.
    const standings = new NodeStandings(source, () => start + 240_000, (names) => reported.push([...names]));
    assert.equal(standings.standing('quiet'), 'Ready');
    phase = 'synced';
    states.fire('leases');
    assert.equal(standings.standing('quiet'), 'Unknown', 'listed, and it has no Lease: its heartbeat is what it is');
    assert.deepEqual(reported, [['quiet']]);
  });
});
