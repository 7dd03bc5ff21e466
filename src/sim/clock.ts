/**
 * The one clock behind every controller: real time plus an offset that tests (and the admin endpoint)
 * advance, firing the timers that fall due in order. A frozen clock ignores real time altogether,
 * so a test decides exactly when 50 s have passed.
 */

interface Timer {
  readonly id: number;
  due: number;
  readonly every: number | undefined;
  readonly run: () => void;
}

export interface ClockOptions {
  /** Milliseconds since the epoch at start; real time when omitted. */
  readonly start?: number;
  /** Frozen: time moves only through advance(). */
  readonly frozen?: boolean;
}

export class SimClock {
  private readonly frozen: boolean;
  private offset: number;
  private frozenNow: number;
  private firingAt: number | undefined;
  private timers: Timer[] = [];
  private nextId = 1;
  private realTimer: NodeJS.Timeout | undefined;
  private afterFire: () => void = () => undefined;
  private report: (error: unknown) => void = () => undefined;
  private stopped = false;
  private lastSecond = Number.NaN;
  private lastStamp = '';

  constructor(options: ClockOptions = {}) {
    this.frozen = options.frozen ?? false;
    const start = options.start ?? Date.now();
    this.offset = start - Date.now();
    this.frozenNow = start;
  }

  now(): number {
    if (this.firingAt !== undefined) return this.firingAt;
    return this.frozen ? this.frozenNow : Date.now() + this.offset;
  }

  /** RFC 3339 at second precision, as Kubernetes writes metav1.Time. */
  timestamp(at: number = this.now()): string {
    const second = Math.floor(at / 1000);
    // Seeding stamps 150,000 objects within a second or two: format each second once.
    if (second !== this.lastSecond) {
      this.lastSecond = second;
      this.lastStamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    }
    return this.lastStamp;
  }

  /** RFC 3339 with microseconds, as Kubernetes writes metav1.MicroTime (Lease renewTime). */
  microTimestamp(at: number = this.now()): string {
    return new Date(at).toISOString().replace('Z', '000Z');
  }

  /** Where a failing timer's error goes: one broken controller step must not stop the clock or the process. */
  onError(report: (error: unknown) => void): void {
    this.report = report;
  }

  /** Called after each timer fires, so controllers settle before the next timer. */
  onFired(callback: () => void): void {
    this.afterFire = callback;
  }

  setTimeout(run: () => void, delayMs: number): number {
    return this.insert({ id: this.nextId++, due: this.now() + Math.max(0, delayMs), every: undefined, run });
  }

  setInterval(run: () => void, periodMs: number): number {
    return this.insert({ id: this.nextId++, due: this.now() + periodMs, every: Math.max(1, periodMs), run });
  }

  clear(id: number): void {
    this.timers = this.timers.filter((timer) => timer.id !== id);
  }

  /** Moves time forward, firing every timer that falls due on the way at its own due time. */
  advance(ms: number): void {
    const target = this.now() + ms;
    for (let timer = this.timers[0]; timer !== undefined && timer.due <= target; timer = this.timers[0]) {
      this.fire(timer);
    }
    if (this.frozen) this.frozenNow = target;
    else this.offset += target - (Date.now() + this.offset);
    this.armReal();
  }

  stop(): void {
    this.stopped = true;
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    this.timers = [];
  }

  private fire(timer: Timer): void {
    this.timers.shift();
    this.firingAt = timer.due;
    try {
      timer.run();
    } catch (error) {
      this.report(error);
    } finally {
      if (this.frozen) this.frozenNow = timer.due;
      this.firingAt = undefined;
    }
    if (timer.every !== undefined && !this.stopped) {
      timer.due += timer.every;
      this.place(timer);
    }
    this.afterFire();
  }

  private insert(timer: Timer): number {
    this.place(timer);
    this.armReal();
    return timer.id;
  }

  /** Sorted insert, after timers with the same due time so equal timers fire in creation order. */
  private place(timer: Timer): void {
    let low = 0;
    let high = this.timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.timers[middle]?.due ?? 0) <= timer.due) low = middle + 1;
      else high = middle;
    }
    this.timers.splice(low, 0, timer);
  }

  private armReal(): void {
    if (this.frozen || this.stopped) return;
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    const next = this.timers[0];
    if (next === undefined) return;
    // Timers longer than setTimeout's 2^31 ms limit are re-armed on the way.
    const wait = Math.min(Math.max(0, next.due - this.now()), 2 ** 31 - 1);
    this.realTimer = setTimeout(() => this.runDue(), wait);
    this.realTimer.unref();
  }

  private runDue(): void {
    this.realTimer = undefined;
    const now = this.now();
    for (let timer = this.timers[0]; timer !== undefined && timer.due <= now; timer = this.timers[0]) this.fire(timer);
    this.armReal();
  }
}
