// Turns one context's cache changes and state changes into the ids of the Explorer rows they touch,
// as each row type declares (rows/*.ts refreshOn), and its event cache's coalesced changes into the
// rows showing those objects' warnings (event-refresh.ts). Handlers only collect ids; the coalescer
// decides when to redraw.
import type { ClusterConnection } from '../bundle-loader.ts';
import { eventRowIds } from './event-refresh.ts';
import { idsToRefresh } from './rows/index.ts';
import type { RowChange } from './rows/row.ts';

/** `invalidate(undefined)`: the whole tree (after an events relist or a burst); `eventsChanged`: badges to redraw. */
export function watchConnection(connection: ClusterConnection, invalidate: (id: string | undefined) => void, eventsChanged: () => void): { dispose(): void } {
  const redraw = (change: RowChange): void => {
    for (const id of idsToRefresh(change, connection)) invalidate(id);
  };
  const changes = connection.onDidChange(redraw);
  const states = connection.onDidChangeState((resource) => redraw({ type: 'state', resource }));
  const events = connection.events.onDidChange((change) => {
    if (change.all) invalidate(undefined);
    else for (const id of eventRowIds(connection, connection.context, change.objectKeys)) invalidate(id);
    eventsChanged();
  });
  return {
    dispose: () => {
      changes.dispose();
      states.dispose();
      events.dispose();
    },
  };
}
