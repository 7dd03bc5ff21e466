// Watch events arrive in bursts (a rollout, a relist, 5,000 leases renewing every 10 s). Handlers only
// collect the rows to redraw here; at most one onDidChangeTreeData fires per interval (4 a second),
// naming those rows, or the whole tree when too many changed for a targeted refresh to pay off.
import type * as vscode from 'vscode';

/** Past this many changed rows, one full refresh is cheaper than naming them all. */
const MAX_TARGETED = 200;

export class RefreshCoalescer<T> implements vscode.Disposable {
  private readonly fire: (elements: T[] | undefined) => void;
  private readonly intervalMs: number;
  private readonly pending = new Set<T>();
  private everything = false;
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(fire: (elements: T[] | undefined) => void, intervalMs = 250) {
    this.fire = fire;
    this.intervalMs = intervalMs;
  }

  /** Marks a row for redrawing; undefined marks the whole tree. */
  add(element: T | undefined): void {
    if (element === undefined) this.everything = true;
    else this.pending.add(element);
    if (this.timer === undefined) {
      const wait = Math.max(0, this.lastFlush + this.intervalMs - Date.now());
      this.timer = setTimeout(() => this.flush(), wait);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    const all = this.everything || this.pending.size > MAX_TARGETED;
    const elements = all ? undefined : [...this.pending];
    this.pending.clear();
    this.everything = false;
    this.fire(elements);
  }
}
