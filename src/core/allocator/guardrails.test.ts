// The recommender's guardrails end to end through recommend() and its explanation: OOM floors,
// start-up peaks, minimums and margins as settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MEMORY_BUCKETS } from './bucket-scheme.ts';
import { ContainerUsage } from './container-usage.ts';
import { DAY_MS, HOUR_MS } from './history-window.ts';
import { MemoryPeaks } from './memory-peaks.ts';
import { explainRecommendation } from './recommendation-explain.ts';
import { podEstimators, recommend, type RecommenderSettings } from './recommender.ts';
import { StartupWindow } from './startup-peaks.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const MIB = 2 ** 20;
const memoryEnd = (bytes: number) => MEMORY_BUCKETS.bucketStart(MEMORY_BUCKETS.findBucket(bytes) + 1);

/** Eight days of 0.2 cores and 400 MiB, one sample a minute. */
function steady(days = 8): { usage: ContainerUsage; peaks: MemoryPeaks } {
  const usage = new ContainerUsage();
  const peaks = new MemoryPeaks(usage);
  for (let time = START; time <= START + days * DAY_MS; time += MINUTE) {
    usage.addCpuSample(0.2, time);
    peaks.addSample(400 * MIB, time);
  }
  return { usage, peaks };
}

function targetAndWhy(usage: ContainerUsage, settings?: RecommenderSettings) {
  const estimators = podEstimators(1, settings);
  const recommendation = recommend(usage, estimators);
  assert.ok(recommendation !== undefined);
  return { recommendation, explanation: explainRecommendation(usage, estimators) };
}

describe('OOM floor', () => {
  it('never targets memory below the largest OOM-bumped sample in the window, and says so', () => {
    const { usage, peaks } = steady();
    const plain = targetAndWhy(usage).recommendation.target.memory;
    assert.ok(plain < 500 * MIB, String(plain));
    // One kill at 900 MiB six days ago: one peak in eight, under the P90, yet the floor holds.
    peaks.recordOom(900 * MIB, START + 2 * DAY_MS);
    const { recommendation, explanation } = targetAndWhy(usage);
    assert.equal(recommendation.target.memory, 1080 * MIB);
    assert.ok(recommendation.upperBound.memory >= recommendation.target.memory);
    assert.equal(explanation.setBy.memory, 'oom');
    assert.equal(explanation.oomKills.count, 1);
    assert.match(explanation.reasons[1] ?? '', /1 OOM kill in the last 8 days.*1080Mi/);
  });

  it('drops the floor once the kill is older than the window', () => {
    const { usage, peaks } = steady(10);
    peaks.recordOom(900 * MIB, START + DAY_MS);
    const { recommendation, explanation } = targetAndWhy(usage);
    assert.equal(explanation.oomKills.count, 0);
    assert.equal(explanation.setBy.memory, 'usage');
    assert.ok(recommendation.target.memory < 500 * MIB);
  });
});

describe('start-up peaks', () => {
  it('keeps the first minutes after a start out of the steady histograms', () => {
    const usage = new ContainerUsage();
    const window = new StartupWindow(usage.startup);
    const startedAtMs = START;
    for (let time = startedAtMs; time < startedAtMs + DAY_MS; time += MINUTE) {
      const warm = time - startedAtMs < 5 * MINUTE;
      if (window.take(startedAtMs, time, warm ? 2 : 0.2, warm ? 1500 * MIB : 400 * MIB)) continue;
      usage.addCpuSample(0.2, time);
      new MemoryPeaks(usage).addSample(400 * MIB, time);
    }
    assert.equal(usage.startup.starts, 1);
    assert.equal(usage.cpuSampleCount, 24 * 60 - 5);
    assert.equal(usage.memoryPeaks.percentile(1) < 500 * MIB, true, 'no start-up sample among the steady peaks');
    const { recommendation, explanation } = targetAndWhy(usage);
    assert.equal(recommendation.target.memory, memoryEnd(1500 * MIB));
    assert.equal(explanation.setBy.memory, 'startup');
    assert.equal(explanation.startup.memoryP95, memoryEnd(1500 * MIB));
    // Limits from the peaks: the start-up P95 with the margin, for CPU and memory.
    assert.ok(Math.abs(recommendation.limits.memory - memoryEnd(1500 * MIB) * 1.15) < 1);
    assert.ok(recommendation.limits.cpu >= 2 * 1.15, String(recommendation.limits.cpu));
    assert.ok(recommendation.target.cpu < 0.3, 'CPU target from the steady state');
  });

  it('has a configurable window, one peak per start that grows in place', () => {
    const usage = new ContainerUsage();
    const window = new StartupWindow(usage.startup, 10 * MINUTE);
    assert.equal(window.take(START, START + 9 * MINUTE, 1, 100 * MIB), true);
    assert.equal(window.take(START, START + 10 * MINUTE, 1, 100 * MIB), false);
    assert.equal(window.take(undefined, START, 1, 100 * MIB), false, 'start unknown: steady');
    window.take(START, START + MINUTE, 1, 300 * MIB);
    window.take(START + HOUR_MS, START + HOUR_MS, 1, 200 * MIB);
    assert.equal(usage.startup.starts, 2);
    // Two peaks (300 and 200 MiB), each of weight one: the P95 is the larger.
    assert.equal(usage.startup.memory.percentile(0.95), memoryEnd(300 * MIB));
    assert.equal(usage.startup.memory.percentile(0.4), memoryEnd(200 * MIB));
  });

  it('takes the leading points of a time-ordered batch and returns where the steady part begins', () => {
    const usage = new ContainerUsage();
    const window = new StartupWindow(usage.startup);
    const times = Float64Array.from([0, 1, 2, 5, 6, 7], (minute) => START + minute * MINUTE);
    const memory = Float64Array.from([900, 800, 700, 100, 100, 100], (mi) => mi * MIB);
    assert.equal(window.takeLeading(START, times, undefined, memory, times.length), 3);
    assert.equal(window.takeLeading(undefined, times, undefined, memory, times.length), 0);
    assert.equal(usage.startup.memory.percentile(1), memoryEnd(900 * MIB));
  });
});

describe('minimums and margins as settings', () => {
  it('uses the given margin and minimums, and says when the target is the minimum', () => {
    const { usage } = steady(2);
    const settings = { podMinCpuCores: 0.5, podMinMemoryBytes: 100 * MIB, marginFraction: 0.3 };
    const { recommendation, explanation } = targetAndWhy(usage, settings);
    assert.equal(recommendation.target.cpu, 0.5);
    assert.equal(explanation.setBy.cpu, 'minimum');
    assert.match(explanation.reasons[0] ?? '', /minimum of 500m per container, not usage/);
    assert.equal(recommendation.target.memory, memoryEnd(400 * MIB) * 1.3);
    assert.equal(explanation.setBy.memory, 'usage');
    assert.equal(explanation.marginFraction, 0.3);
  });

  it('explains the history: samples, days and the percentiles', () => {
    const { usage } = steady(2);
    const { explanation } = targetAndWhy(usage);
    assert.equal(explanation.samples, 2 * 24 * 60 + 1);
    assert.ok(Math.abs(explanation.days - 2) < 1e-9);
    assert.ok(explanation.cpu.p50 <= explanation.cpu.p90 && explanation.cpu.p90 <= explanation.cpu.p95);
    assert.equal(explanation.memory.p90, memoryEnd(400 * MIB));
    assert.match(explanation.reasons[0] ?? '', /^cpu: P90 of 2881 samples over 2\.0 days \(\d+m\) \+ 15%$/);
  });
});
