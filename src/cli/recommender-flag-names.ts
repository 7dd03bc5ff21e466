// The names and help of the recommender flags that `suggest` and `lint --usage` share. No value import
// from the allocator: `lint` parses these flags at every start, and the allocator builds its histogram
// buckets when loaded (recommender-flags.ts converts the values once usage is read).
import type { RecommenderKnob } from '../core/allocator/recommender-options.ts';

export const RECOMMENDER_FLAG_KNOBS: Readonly<Record<string, RecommenderKnob>> = {
  'pod-min-cpu-millicores': 'podMinCpuMillicores',
  'pod-min-memory-mib': 'podMinMemoryMiB',
  'margin-fraction': 'marginFraction',
  'startup-window-minutes': 'startupWindowMinutes',
};

/** For parseArgs' options. */
export const RECOMMENDER_FLAG_OPTIONS = Object.fromEntries(Object.keys(RECOMMENDER_FLAG_KNOBS).map((flag) => [flag, { type: 'string' } as const]));

export const RECOMMENDER_FLAGS_HELP = `  --pod-min-cpu-millicores N   per-pod CPU minimum, split over its containers (default 25, the VPA's)
  --pod-min-memory-mib N       per-pod memory minimum (default 250)
  --margin-fraction F          added on top of every percentile (default 0.15)
  --startup-window-minutes M   a container's first minutes kept apart as its start-up (default 5)`;

/** The recommender flags among parsed values, as given (strings), for recommenderFlags() later. */
export function recommenderFlagValues(values: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.keys(RECOMMENDER_FLAG_KNOBS).flatMap((flag) => (typeof values[flag] === 'string' ? [[flag, values[flag]]] : [])));
}
