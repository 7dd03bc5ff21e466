// Watch events arrive in bursts (a rollout, a relist, 5,000 leases renewing every 10 s). Handlers only
// collect the rows to redraw here; onDidChangeTreeData fires at most three times per three intervals
// (4 a second), naming those rows, or the whole tree when too many changed for a targeted refresh to
// pay off. Three may come back to back: at start-up the server's version, the Leases' sync and the
// first node page land tens of milliseconds apart, and a strict one-per-interval held the first node
// rows back by a quarter second.
import type * as vscode from 'vscode';

/** Past this many changed rows, one full refresh is cheaper than naming them all. */
const MAX_TARGETED = 200;
/** Flushes that may fire back to back; over BURST intervals no more than BURST fire. */
const BURST = 3;

export class RefreshCoalescer<T> implements vscode.Disposable {
  private readonly fire: (elements: T[] | undefined) => void;
  private readonly intervalMs: number;
  private readonly pending = new Set<T>();
  private everything = false;
  private timer: NodeJS.Timeout | undefined;
  /** When the last BURST flushes fired, oldest first. */
  private readonly flushes: number[] = [];

  constructor(fire: (elements: T[] | undefined) => void, intervalMs = 250) {
    this.fire = fire;
    this.intervalMs = intervalMs;
  }

  /** Marks a row for redrawing; undefined marks the whole tree. */
  add(element: T | undefined): void {
    if (element === undefined) this.everything = true;
    else this.pending.add(element);
    if (this.timer === undefined) {
      const wait = this.flushes.length < BURST ? 0 : Math.max(0, (this.flushes[0] ?? 0) + BURST * this.intervalMs - Date.now());
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
    this.flushes.push(Date.now());
    if (this.flushes.length > BURST) this.flushes.shift();
    const all = this.everything || this.pending.size > MAX_TARGETED;
    const elements = all ? undefined : [...this.pending];
    this.pending.clear();
    this.everything = false;
    this.fire(elements);
  }
}
