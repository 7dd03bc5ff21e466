// One point per hour for the last eight days of a workload container (the history window), for the
// editor's usage chart: mean CPU over the hour's samples from all pods, and the hour's largest
// memory sample. A ring of fixed size: a sample from a new hour clears the hours it skips, one older
// than the window is dropped, so the memory per container stays the same however long it runs.
import { HISTORY_WINDOW_MS, HOUR_MS } from './container-usage.ts';

export const CHART_HOURS = HISTORY_WINDOW_MS / HOUR_MS;

/** Oldest first; NaN where nothing was observed (the shape of UsageChart). */
export interface HourlyPoints {
  readonly startMs: number;
  readonly stepMs: number;
  readonly cpu: number[];
  readonly memory: number[];
}

/**
 * Plain JSON: hours up to `endHour` (hours since the epoch), oldest first, null where empty. Values
 * keep 4 significant digits, as a chart needs; the CPU weight of the last (open) hour is kept so
 * its mean continues.
 */
export interface ChartCheckpoint {
  readonly endHour: number;
  readonly cpu: readonly (number | null)[];
  readonly memory: readonly (number | null)[];
  readonly lastCpuWeight: number;
}

const NONE = -1;

export class HourlyChart {
  private readonly cpuSum = new Float64Array(CHART_HOURS);
  private readonly cpuWeight = new Float64Array(CHART_HOURS);
  private readonly memoryMax = new Float64Array(CHART_HOURS).fill(NONE);
  /** The newest hour held; slot of hour h is h mod CHART_HOURS. */
  private endHour = Number.NEGATIVE_INFINITY;

  /** `weight`: the minutes of sampling the value stands for. */
  addCpu(timeMs: number, cores: number, weight = 1): void {
    const slot = this.slot(timeMs);
    if (slot < 0 || !(cores >= 0)) return;
    this.cpuSum[slot] = (this.cpuSum[slot] as number) + cores * weight;
    this.cpuWeight[slot] = (this.cpuWeight[slot] as number) + weight;
  }

  addMemory(timeMs: number, bytes: number): void {
    const slot = this.slot(timeMs);
    if (slot >= 0 && bytes > (this.memoryMax[slot] as number)) this.memoryMax[slot] = bytes;
  }

  /** The window ending at the hour of `nowMs` (or the newest sample's, if later). */
  points(nowMs: number): HourlyPoints {
    const end = Math.max(this.endHour, Math.floor(nowMs / HOUR_MS));
    const cpu: number[] = [];
    const memory: number[] = [];
    for (let hour = end - CHART_HOURS + 1; hour <= end; hour += 1) {
      const held = hour <= this.endHour && hour > this.endHour - CHART_HOURS;
      const slot = hour % CHART_HOURS;
      const weight = held ? (this.cpuWeight[slot] as number) : 0;
      const bytes = held ? (this.memoryMax[slot] as number) : NONE;
      cpu.push(weight > 0 ? (this.cpuSum[slot] as number) / weight : Number.NaN);
      memory.push(bytes === NONE ? Number.NaN : bytes);
    }
    return { startMs: (end - CHART_HOURS + 1) * HOUR_MS, stepMs: HOUR_MS, cpu, memory };
  }

  checkpoint(): ChartCheckpoint | undefined {
    if (this.endHour === Number.NEGATIVE_INFINITY) return undefined;
    const { cpu, memory } = this.points(this.endHour * HOUR_MS);
    const first = Math.max(0, Math.min(firstObserved(cpu), firstObserved(memory)));
    return {
      endHour: this.endHour,
      cpu: cpu.slice(first).map(rounded),
      memory: memory.slice(first).map(rounded),
      lastCpuWeight: this.cpuWeight[this.endHour % CHART_HOURS] as number,
    };
  }

  /** Replaces the content with a checkpoint's (untrusted JSON); false (nothing changed) for a malformed one. */
  restore(checkpoint: ChartCheckpoint): boolean {
    const { endHour, cpu, memory, lastCpuWeight } = checkpoint;
    const valid = (value: number | null): boolean => value === null || (Number.isFinite(value) && value >= 0);
    if (!Array.isArray(cpu) || !Array.isArray(memory)) return false;
    if (!Number.isSafeInteger(endHour) || endHour < cpu.length || cpu.length !== memory.length || cpu.length > CHART_HOURS) return false;
    if (!cpu.every(valid) || !memory.every(valid) || !(Number.isFinite(lastCpuWeight) && lastCpuWeight >= 0)) return false;
    this.cpuSum.fill(0);
    this.cpuWeight.fill(0);
    this.memoryMax.fill(NONE);
    this.endHour = endHour;
    const firstHour = endHour - cpu.length + 1;
    for (let index = 0; index < cpu.length; index += 1) {
      const slot = (firstHour + index) % CHART_HOURS;
      const mean = cpu[index] as number | null;
      // Closed hours are complete: their mean counts as one sample of weight 1.
      const weight = firstHour + index === endHour ? lastCpuWeight : 1;
      if (mean !== null && weight > 0) {
        this.cpuSum[slot] = mean * weight;
        this.cpuWeight[slot] = weight;
      }
      this.memoryMax[slot] = memory[index] ?? NONE;
    }
    return true;
  }

  /** The slot for a sample, rolling the window forward to its hour; -1 when older than the window. */
  private slot(timeMs: number): number {
    const hour = Math.floor(timeMs / HOUR_MS);
    if (hour > this.endHour) {
      const from = Math.max(this.endHour + 1, hour - CHART_HOURS + 1);
      for (let cleared = from; cleared <= hour; cleared += 1) {
        const slot = cleared % CHART_HOURS;
        this.cpuSum[slot] = 0;
        this.cpuWeight[slot] = 0;
        this.memoryMax[slot] = NONE;
      }
      this.endHour = hour;
    } else if (hour <= this.endHour - CHART_HOURS || !(hour >= 0)) {
      return -1;
    }
    return hour % CHART_HOURS;
  }
}

function firstObserved(values: readonly number[]): number {
  const index = values.findIndex((value) => !Number.isNaN(value));
  return index < 0 ? values.length : index;
}

function rounded(value: number): number | null {
  return Number.isNaN(value) ? null : Number(value.toPrecision(4));
}
