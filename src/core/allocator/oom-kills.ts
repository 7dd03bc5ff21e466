// The OOM kills of one workload container, kept apart from the histogram so that a memory target
// never drops below what a kill showed was needed. The VPA drops an OOM older than the previous
// memory interval (its issue 4152), and a P90 can still fall under a rare OOM; here a kill keeps
// its bump while its decayed weight still matters, i.e. for the history window.
import { DAY_MS, HISTORY_WINDOW_MS } from './history-window.ts';

// aggregations_config.go: after an OOM kill memory is bumped to max(used + 100 MiB, used × 1.2).
export const OOM_MIN_BUMP_BYTES = 100 * 2 ** 20;
export const OOM_BUMP_RATIO = 1.2;

/** What the VPA's RecordOOM turns the memory in use at a kill into. */
export function oomBumpBytes(usedBytes: number): number {
  return Math.max(usedBytes + OOM_MIN_BUMP_BYTES, usedBytes * OOM_BUMP_RATIO);
}

// A bounded list: a crash-looping container is killed every few minutes for days.
const MAX_KILLS = 64;

export interface OomKill {
  readonly timeMs: number;
  /** The bumped memory sample, bytes. */
  readonly bumpedBytes: number;
}

export interface OomSummary {
  /** Kills still in the window. */
  readonly count: number;
  /** Largest bumped sample among them (0 without kills): the memory floor. */
  readonly floorBytes: number;
  readonly lastMs: number | undefined;
  /** The floor's kill's weight against a fresh sample (2^-age/24 h), shown in the explanation. */
  readonly floorWeight: number;
}

export class OomKills {
  private kills: OomKill[] = [];

  /** Pods' kills of one workload container; each pod's MemoryPeaks makes sure it comes once. False for a malformed one. */
  record(timeMs: number, bumpedBytes: number): boolean {
    if (!(bumpedBytes > 0) || !Number.isFinite(timeMs)) return false;
    this.kills.push({ timeMs, bumpedBytes });
    this.kills.sort((a, b) => a.timeMs - b.timeMs);
    // Past the bound the smallest of the older half goes: the floor is what must survive.
    if (this.kills.length > MAX_KILLS) {
      const older = this.kills.slice(0, MAX_KILLS / 2);
      const smallest = older.reduce((low, kill) => (kill.bumpedBytes < low.bumpedBytes ? kill : low));
      this.kills.splice(this.kills.indexOf(smallest), 1);
    }
    return true;
  }

  /** The kills within the history window before `nowMs` (the latest sample). */
  summary(nowMs: number): OomSummary {
    let count = 0;
    let floorBytes = 0;
    let floorMs = nowMs;
    let lastMs: number | undefined;
    for (const kill of this.kills) {
      if (kill.timeMs < nowMs - HISTORY_WINDOW_MS) continue;
      count += 1;
      lastMs = kill.timeMs;
      if (kill.bumpedBytes > floorBytes) [floorBytes, floorMs] = [kill.bumpedBytes, kill.timeMs];
    }
    return { count, floorBytes, lastMs, floorWeight: count === 0 ? 0 : 2 ** (-Math.max(0, nowMs - floorMs) / DAY_MS) };
  }

  /** Plain JSON for the checkpoint: [time, bytes, time, bytes, ...]. */
  checkpoint(): number[] {
    return this.kills.flatMap((kill) => [kill.timeMs, kill.bumpedBytes]);
  }

  /** False (nothing kept) for a malformed list. */
  restore(flat: unknown): boolean {
    if (!Array.isArray(flat) || flat.length % 2 !== 0 || !flat.every((value) => typeof value === 'number' && Number.isFinite(value))) return false;
    this.kills = [];
    for (let index = 0; index < flat.length; index += 2) this.record(flat[index] as number, flat[index + 1] as number);
    return true;
  }
}
