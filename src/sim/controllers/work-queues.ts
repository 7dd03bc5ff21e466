/**
 * Keyed work queues for the controllers, drained together: store events only enqueue keys (cheap,
 * deduplicated), and a drain runs the reconcilers until nothing is left — on the next turn of the
 * event loop in real time, and right after each timer when a test advances the clock.
 */

interface Queue {
  readonly name: string;
  readonly pending: Set<string>;
  readonly handle: (key: string) => void;
}

/** A reconcile that keeps re-enqueueing itself is a bug; this bounds one drain instead of hanging. */
const maxRoundsPerDrain = 10_000;

export class WorkQueues {
  private readonly queues: Queue[] = [];
  private scheduled = false;
  private readonly report: (message: string) => void;

  constructor(report: (message: string) => void) {
    this.report = report;
  }

  create(name: string, handle: (key: string) => void): (key: string) => void {
    const queue: Queue = { name, pending: new Set(), handle };
    this.queues.push(queue);
    return (key) => {
      queue.pending.add(key);
      this.schedule();
    };
  }

  /** Runs every pending reconcile, and those they cause, until all queues are empty. */
  drain(): void {
    this.scheduled = false;
    for (let round = 0; round < maxRoundsPerDrain; round += 1) {
      const queue = this.queues.find((each) => each.pending.size > 0);
      if (queue === undefined) return;
      const keys = [...queue.pending];
      queue.pending.clear();
      for (const key of keys) {
        try {
          queue.handle(key);
        } catch (error) {
          this.report(`${queue.name} ${key}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    this.report(`controllers did not settle after ${maxRoundsPerDrain} rounds`);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      if (this.scheduled) this.drain();
    });
  }
}
