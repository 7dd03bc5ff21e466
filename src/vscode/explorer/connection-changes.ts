// Turns one context's cache changes and state changes into the ids of the Explorer rows they touch,
// as each row type declares (rows/*.ts refreshOn). Handlers only collect ids; the coalescer decides
// when to redraw.
import type { ClusterConnection } from '../bundle-loader.ts';
import { idsToRefresh } from './rows/index.ts';
import type { RowChange } from './rows/row.ts';

export function watchConnection(connection: ClusterConnection, invalidate: (id: string) => void): { dispose(): void } {
  const redraw = (change: RowChange): void => {
    for (const id of idsToRefresh(change, connection.context)) invalidate(id);
  };
  const changes = connection.onDidChange(redraw);
  const states = connection.onDidChangeState((resource) => redraw({ type: 'state', resource }));
  return {
    dispose: () => {
      changes.dispose();
      states.dispose();
    },
  };
}
