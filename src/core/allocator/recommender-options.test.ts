import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RECOMMENDER_SETTINGS } from './recommender.ts';
import { recommenderOptions, RECOMMENDER_KNOBS } from './recommender-options.ts';
import { DEFAULT_STARTUP_WINDOW_MS } from './startup-peaks.ts';
import { UsageAggregator } from './usage-aggregator.ts';

const MIB = 2 ** 20;
const MINUTE = 60_000;
const START = Date.parse('2026-11-01T00:00:00Z');

/** One container of 10m and 100Mi for two hours, started at START with 900Mi in its first three minutes. */
function recommendationWith(knobs: Parameters<typeof recommenderOptions>[0]) {
  const aggregator = new UsageAggregator(recommenderOptions(knobs));
  const series = aggregator.seriesFor('team', 'web-5d8f9c7b6d-x2x9z', 'app');
  for (let minute = 0; minute < 120; minute += 1) series.add(START + minute * MINUTE, 0.01, minute < 3 ? 900 * MIB : 100 * MIB, START);
  const [entry] = aggregator.recommendations();
  const explanation = aggregator.explain('team', 'web', 'app');
  assert.ok(entry?.recommendation !== undefined && explanation !== undefined);
  assert.equal(aggregator.explain('team', 'web', 'sidecar'), undefined, 'no such container');
  return { target: entry.recommendation.target, explanation };
}

describe('recommenderOptions', () => {
  it("takes the VPA's defaults for missing or non-numeric knobs: 25m / 250Mi per pod, 15%, a 5-minute start-up", () => {
    const expected = { settings: DEFAULT_RECOMMENDER_SETTINGS, startupWindowMs: DEFAULT_STARTUP_WINDOW_MS };
    assert.deepEqual(recommenderOptions(), expected);
    assert.deepEqual(recommenderOptions({ podMinCpuMillicores: Number.NaN, marginFraction: undefined }), expected);
    assert.deepEqual(
      [RECOMMENDER_KNOBS.podMinCpuMillicores.default, RECOMMENDER_KNOBS.podMinMemoryMiB.default, RECOMMENDER_KNOBS.marginFraction.default, RECOMMENDER_KNOBS.startupWindowMinutes.default],
      [25, 250, 0.15, 5],
    );
  });

  it('converts millicores, MiB and minutes, and keeps each knob in its range', () => {
    const options = recommenderOptions({ podMinCpuMillicores: 100, podMinMemoryMiB: 64, marginFraction: 0.5, startupWindowMinutes: 2 });
    assert.deepEqual(options, { settings: { podMinCpuCores: 0.1, podMinMemoryBytes: 64 * MIB, marginFraction: 0.5 }, startupWindowMs: 2 * MINUTE });
    const bounded = recommenderOptions({ podMinCpuMillicores: -5, podMinMemoryMiB: 1e12, marginFraction: 99, startupWindowMinutes: 12.5 });
    assert.deepEqual(bounded, { settings: { podMinCpuCores: 0, podMinMemoryBytes: 256 * 1024 * MIB, marginFraction: 10 }, startupWindowMs: 12.5 * MINUTE });
    assert.equal(recommenderOptions({ podMinCpuMillicores: 12.6 }).settings.podMinCpuCores, 0.013, 'whole millicores');
  });

  it('reaches the recommendation: the minimum sets a target and says so, the margin grows usage, the window moves the start-up', () => {
    const defaults = recommendationWith({});
    assert.equal(defaults.target.cpu, 0.025);
    assert.equal(defaults.explanation.setBy.cpu, 'minimum');
    assert.match(defaults.explanation.reasons[0] ?? '', /minimum of 25m per container, not usage/);
    assert.equal(defaults.explanation.setBy.memory, 'startup', 'the 900Mi start-up peak is the floor');

    const tuned = recommendationWith({ podMinCpuMillicores: 0, podMinMemoryMiB: 0, marginFraction: 1, startupWindowMinutes: 0 });
    assert.equal(tuned.explanation.setBy.cpu, 'usage');
    assert.equal(tuned.explanation.marginFraction, 1);
    assert.equal(tuned.target.cpu, tuned.explanation.cpu.p90 * 2);
    assert.equal(tuned.explanation.startup.starts, 0, 'no start-up window: every sample is steady usage');
  });
});
