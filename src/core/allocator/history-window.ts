// The VPA's time constants (vertical-pod-autoscaler/pkg/recommender/model/aggregations_config.go),
// shared by the histograms, the memory peaks, the OOM kills and the start-up peaks.
import { DecayClock } from './decaying-histogram.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

// CPU and memory histograms decay with a 24 h half-life.
export const DECAY_CLOCK = new DecayClock(DAY_MS);

// One memory peak per 24 h interval; 8 intervals make the history window
// (MemoryAggregationWindowLength), after which an aggregate with no new samples expires.
export const MEMORY_AGGREGATION_INTERVAL_MS = DAY_MS;
const MEMORY_AGGREGATION_INTERVAL_COUNT = 8;
export const HISTORY_WINDOW_MS = MEMORY_AGGREGATION_INTERVAL_MS * MEMORY_AGGREGATION_INTERVAL_COUNT;
