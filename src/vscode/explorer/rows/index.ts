// Every row type of the Explorer, by element type: the provider answers VS Code through this table
// and asks each row which cache changes redraw it. A new row type: one file in this folder (its
// element fields, its element constructor, its Row) and its line here.
import type { ClusterConnection } from '../../bundle-loader.ts';
import type { Element, ElementType } from '../elements.ts';
import { accessNamespaceRow } from './access-namespace-row.ts';
import { accessRow } from './access-row.ts';
import { clusterScopedRow } from './cluster-scoped-row.ts';
import { contextRow } from './context-row.ts';
import { crdGroupRow } from './crd-group-row.ts';
import { crdKindRow } from './crd-kind-row.ts';
import { customRow } from './custom-row.ts';
import { customsRow } from './customs-row.ts';
import { eventRow } from './event-row.ts';
import { eventsRow } from './events-row.ts';
import { kindRow } from './kind-row.ts';
import { listedGroupRow } from './listed-group-row.ts';
import { listedObjectRow } from './listed-object-row.ts';
import { moreRow } from './more-row.ts';
import { namespaceRow } from './namespace-row.ts';
import { nodeRow } from './node-row.ts';
import { nodesRow } from './nodes-row.ts';
import { podRow } from './pod-row.ts';
import { portForwardRow } from './port-forward-row.ts';
import { portForwardsRow } from './port-forwards-row.ts';
import type { Row, RowChange } from './row.ts';
import { statusRow } from './status-row.ts';
import { warningsRow } from './warnings-row.ts';
import { workloadRow } from './workload-row.ts';
import { workloadsRow } from './workloads-row.ts';

const rows: { readonly [K in ElementType]: Row<K> } = {
  context: contextRow,
  nodes: nodesRow,
  node: nodeRow,
  pod: podRow,
  workloads: workloadsRow,
  namespace: namespaceRow,
  kind: kindRow,
  workload: workloadRow,
  listedGroup: listedGroupRow,
  listedObject: listedObjectRow,
  access: accessRow,
  accessNamespace: accessNamespaceRow,
  clusterScoped: clusterScopedRow,
  customs: customsRow,
  crdGroup: crdGroupRow,
  crdKind: crdKindRow,
  custom: customRow,
  status: statusRow,
  more: moreRow,
  portForwards: portForwardsRow,
  portForward: portForwardRow,
  events: eventsRow,
  event: eventRow,
  warnings: warningsRow,
};

const rowList: readonly Row<ElementType>[] = Object.values(rows);

/** The ids of the rows a change redraws, each row type asked. */
export function idsToRefresh(change: RowChange, connection: ClusterConnection): string[] {
  return rowList.flatMap((row) => row.refreshOn?.(change, connection.context, connection) ?? []);
}

/** The row that draws `element` (each row is only ever handed elements of its own type). */
export function rowOf(element: Element): Row<ElementType> {
  return rows[element.type];
}
