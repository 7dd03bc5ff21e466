// `suggest`'s recommender flags: the same knobs, defaults and ranges as the editor's
// kubeWorkbench.allocator.* settings (core's RECOMMENDER_KNOBS), so both give the same numbers.
import { recommenderOptions, RECOMMENDER_KNOBS, type RecommenderKnob, type RecommenderKnobs, type RecommenderOptions } from '../core/allocator/recommender-options.ts';
import { numberFlag } from './number-flag.ts';

const FLAGS: Readonly<Record<string, RecommenderKnob>> = {
  'pod-min-cpu-millicores': 'podMinCpuMillicores',
  'pod-min-memory-mib': 'podMinMemoryMiB',
  'margin-fraction': 'marginFraction',
  'startup-window-minutes': 'startupWindowMinutes',
};

/** For parseArgs' options. */
export const RECOMMENDER_FLAG_OPTIONS = Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' } as const]));

export const RECOMMENDER_FLAGS_HELP = `  --pod-min-cpu-millicores N   per-pod CPU minimum, split over its containers (default 25, the VPA's)
  --pod-min-memory-mib N       per-pod memory minimum (default 250)
  --margin-fraction F          added on top of every percentile (default 0.15)
  --startup-window-minutes M   a container's first minutes kept apart as its start-up (default 5)`;

/** The options the flags give; a value out of its range is a usage error naming the flag. */
export function recommenderFlags(values: Readonly<Record<string, unknown>>): RecommenderOptions {
  const knobs: RecommenderKnobs = {};
  for (const [flag, knob] of Object.entries(FLAGS)) {
    const text = values[flag];
    if (typeof text === 'string') knobs[knob] = numberFlag(flag, text, RECOMMENDER_KNOBS[knob].default, RECOMMENDER_KNOBS[knob]);
  }
  return recommenderOptions(knobs);
}
