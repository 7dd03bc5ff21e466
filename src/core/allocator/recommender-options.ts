// The recommender's knobs as users give them (VS Code settings, `suggest` flags), in the VPA
// recommender's own units (--pod-recommendation-min-cpu-millicores, --pod-recommendation-min-memory-mb,
// --recommendation-margin-fraction), turned into what the usage models take. One table of names,
// defaults and ranges, so the editor and the CLI agree on both.
import { DEFAULT_RECOMMENDER_SETTINGS, type RecommenderSettings } from './recommender.ts';
import { DEFAULT_STARTUP_WINDOW_MS } from './startup-peaks.ts';

const MIB = 2 ** 20;
const MINUTE_MS = 60_000;

/** What the usage models (UsageHistory, UsageAggregator) are built with. */
export interface RecommenderOptions {
  readonly settings?: RecommenderSettings;
  /** How long after a container start its samples count as start-up (default 5 min). */
  readonly startupWindowMs?: number;
}

export type RecommenderKnob = 'podMinCpuMillicores' | 'podMinMemoryMiB' | 'marginFraction' | 'startupWindowMinutes';

export interface KnobRange {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
}

// Ranges wide enough for any real workload, narrow enough that a typo cannot zero or overflow a target.
export const RECOMMENDER_KNOBS: Readonly<Record<RecommenderKnob, KnobRange>> = {
  podMinCpuMillicores: { default: DEFAULT_RECOMMENDER_SETTINGS.podMinCpuCores * 1000, min: 0, max: 64_000, whole: true },
  podMinMemoryMiB: { default: DEFAULT_RECOMMENDER_SETTINGS.podMinMemoryBytes / MIB, min: 0, max: 256 * 1024, whole: true },
  marginFraction: { default: DEFAULT_RECOMMENDER_SETTINGS.marginFraction, min: 0, max: 10, whole: false },
  startupWindowMinutes: { default: DEFAULT_STARTUP_WINDOW_MS / MINUTE_MS, min: 0, max: 24 * 60, whole: false },
};

export type RecommenderKnobs = Partial<Record<RecommenderKnob, number>>;

/** A knob's value kept in its range; its default when missing or not a number. */
function knob(knobs: RecommenderKnobs, name: RecommenderKnob): number {
  const range = RECOMMENDER_KNOBS[name];
  const value = knobs[name];
  if (typeof value !== 'number' || Number.isNaN(value)) return range.default;
  const bounded = Math.min(range.max, Math.max(range.min, value));
  return range.whole ? Math.round(bounded) : bounded;
}

/** The options for the given knobs; missing ones take the VPA's defaults, out-of-range ones their bound. */
export function recommenderOptions(knobs: RecommenderKnobs = {}): Required<RecommenderOptions> {
  return {
    settings: {
      podMinCpuCores: knob(knobs, 'podMinCpuMillicores') / 1000,
      podMinMemoryBytes: knob(knobs, 'podMinMemoryMiB') * MIB,
      marginFraction: knob(knobs, 'marginFraction'),
    },
    startupWindowMs: knob(knobs, 'startupWindowMinutes') * MINUTE_MS,
  };
}
