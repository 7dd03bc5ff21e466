import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectionChange, EventsChange } from '../../cluster/index.ts';
import { followUntil } from './follow-until.ts';

/** A connection whose changes the test fires, counting its listeners. */
function fakeConnection() {
  const listeners = new Set<(change: ConnectionChange) => void>();
  return {
    listeners,
    onDidChange(listener: (change: ConnectionChange) => void) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fire(resource: ConnectionChange['resource']) {
      for (const listener of [...listeners]) listener({ type: 'relisted', resource } as ConnectionChange);
    },
  };
}

describe('followUntil', () => {
  it('judges at once and on each change of the watched kinds only, then stops listening', async () => {
    const connection = fakeConnection();
    let ready = 0;
    let judged = 0;
    const judge = (): string | undefined => {
      judged += 1;
      return ready >= 2 ? `ready ${ready}` : undefined;
    };
    const answer = followUntil(connection, ['Deployment'], judge, new AbortController().signal);
    assert.equal(judged, 1);
    ready = 2;
    connection.fire('pods');
    assert.equal(judged, 1, 'a kind it does not watch');
    connection.fire('Deployment');
    assert.equal(await answer, 'ready 2');
    assert.equal(connection.listeners.size, 0);
  });

  it('answers undefined and stops listening when the signal aborts', async () => {
    const connection = fakeConnection();
    const stop = new AbortController();
    const answer = followUntil(connection, ['Job'], () => undefined, stop.signal);
    stop.abort();
    assert.equal(await answer, undefined);
    assert.equal(connection.listeners.size, 0);
  });

  it('does not judge at all under a signal already aborted', async () => {
    const connection = fakeConnection();
    const judged: string[] = [];
    assert.equal(await followUntil(connection, ['Job'], () => judged.push('judged'), AbortSignal.abort()), undefined);
    assert.deepEqual(judged, []);
  });

  it("judges again on the event cache's changes when 'events' is followed, and stops listening to both", async () => {
    const connection = fakeConnection();
    const eventListeners = new Set<(change: EventsChange) => void>();
    const events = {
      onDidChange(listener: (change: EventsChange) => void) {
        eventListeners.add(listener);
        return { dispose: () => void eventListeners.delete(listener) };
      },
    };
    const held: { why?: string } = {};
    const answer = followUntil({ ...connection, events }, ['pods', 'events'], () => held.why, new AbortController().signal);
    held.why = 'FailedScheduling';
    for (const listener of [...eventListeners]) listener({ all: true });
    assert.equal(await answer, 'FailedScheduling');
    assert.equal(eventListeners.size, 0);
    assert.equal(connection.listeners.size, 0);
  });
});
