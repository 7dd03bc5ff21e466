// Where each node of one context stands (Unknown, NotReady, pressure, cordoned, Ready), kept current
// so the Nodes group can sort the nodes that need a look first and count them without judging 5,000
// nodes per redraw: a node or Lease change re-judges that node, a relist or a tick of the health
// ticker (a dead kubelet sends nothing: only time tells) re-judges them all.
import { judgeNodeHealth, type NodeLease } from '../../core/cluster/health.ts';
import { nodeStanding, standingRank, type NodeStanding } from '../../core/cluster/node-summary.ts';
import type { ClusterConnection } from '../bundle-loader.ts';

/** Code-unit order: as good as locale order for Kubernetes names (DNS-1123), and ~10x faster. */
export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What standings read of a connection. */
export type StandingSource = Pick<ClusterConnection, 'nodes' | 'leases' | 'onDidChange' | 'onDidChangeState' | 'state'>;

/** A node's Lease from the cache, or 'pending' while the Leases are still being listed. */
export function nodeLease(connection: Pick<ClusterConnection, 'leases' | 'state'>, name: string): NodeLease {
  return connection.leases.get('kube-node-lease', name) ?? (connection.state('leases').phase === 'connecting' ? 'pending' : undefined);
}

export class NodeStandings {
  private readonly connection: StandingSource;
  private readonly now: () => number;
  private readonly changed: (names: readonly string[]) => void;
  /** Only the nodes that are not Ready: few, usually none. */
  private readonly notReady = new Map<string, NodeStanding>();
  private readonly subscriptions: readonly { dispose(): void }[];
  private version = 0;
  private sorted: { key: string; names: string[] } | undefined;

  /** `changed` hears the nodes whose standing changed. */
  constructor(connection: StandingSource, now: () => number, changed: (names: readonly string[]) => void) {
    this.connection = connection;
    this.now = now;
    this.changed = changed;
    this.subscriptions = [
      connection.onDidChange((change) => {
        if (change.resource !== 'nodes' && change.resource !== 'leases') return;
        if (change.type === 'relisted') return this.judgeAll();
        // A node's Lease has the node's name.
        const name = change.item.meta.name;
        if (this.judge(name)) this.changed([name]);
      }),
      // Once the Leases are listed (or fail), nodes judged by their Ready condition alone are judged again.
      connection.onDidChangeState((resource) => resource === 'leases' && this.judgeAll()),
    ];
    this.judgeAll();
  }

  standing(name: string): NodeStanding {
    return this.notReady.get(name) ?? 'Ready';
  }

  /** How many nodes stand where, Ready left out. */
  counts(): Map<NodeStanding, number> {
    const counts = new Map<NodeStanding, number>();
    for (const standing of this.notReady.values()) counts.set(standing, (counts.get(standing) ?? 0) + 1);
    return counts;
  }

  /** The names of the nodes that are not Ready. */
  notReadyNames(): IterableIterator<string> {
    return this.notReady.keys();
  }

  /** Every node name, worst standing first and by name within; rebuilt only when nodes come or go or a standing changes. */
  order(): readonly string[] {
    const key = `${this.connection.nodes.membershipVersion}:${this.version}`;
    if (this.sorted?.key === key) return this.sorted.names;
    const rank = (name: string): number => standingRank[this.standing(name)];
    const names = [...this.connection.nodes.values()].map((node) => node.meta.name).sort((a, b) => rank(a) - rank(b) || byName(a, b));
    this.sorted = { key, names };
    return names;
  }

  /** Judges every node again at the current time (the ticker calls it), and forgets deleted ones. */
  judgeAll(): void {
    const names = new Set(this.notReady.keys());
    for (const node of this.connection.nodes.values()) names.add(node.meta.name);
    const changed = [...names].filter((name) => this.judge(name));
    if (changed.length > 0) this.changed(changed);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** True when the node's standing changed; a node no longer in the cache is forgotten. */
  private judge(name: string): boolean {
    const node = this.connection.nodes.get('', name);
    const standing = node === undefined ? 'Ready' : nodeStanding(judgeNodeHealth(node, nodeLease(this.connection, name), this.now()));
    const before = this.notReady.get(name) ?? 'Ready';
    if (before === standing) return false;
    if (standing === 'Ready') this.notReady.delete(name);
    else this.notReady.set(name, standing);
    this.version += 1;
    return true;
  }
}
