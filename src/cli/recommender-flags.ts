// `suggest`'s and `lint --usage`'s recommender flags: the same knobs, defaults and ranges as the
// editor's kubeWorkbench.allocator.* settings (core's RECOMMENDER_KNOBS), so all give the same numbers.
import { recommenderOptions, RECOMMENDER_KNOBS, type RecommenderKnobs, type RecommenderOptions } from '../core/allocator/recommender-options.ts';
import { numberFlag } from './number-flag.ts';
import { RECOMMENDER_FLAG_KNOBS } from './recommender-flag-names.ts';

/** The options the flags give; a value out of its range is a usage error naming the flag. */
export function recommenderFlags(values: Readonly<Record<string, unknown>>): RecommenderOptions {
  const knobs: RecommenderKnobs = {};
  for (const [flag, knob] of Object.entries(RECOMMENDER_FLAG_KNOBS)) {
    const text = values[flag];
    if (typeof text === 'string') knobs[knob] = numberFlag(flag, text, RECOMMENDER_KNOBS[knob].default, RECOMMENDER_KNOBS[knob]);
  }
  return recommenderOptions(knobs);
}
