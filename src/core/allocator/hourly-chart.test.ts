import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HOUR_MS } from './container-usage.ts';
import { CHART_HOURS, HourlyChart } from './hourly-chart.ts';

const START = Date.parse('2026-11-01T00:00:00Z');
const MINUTE = 60_000;
const MIB = 2 ** 20;

describe('HourlyChart', () => {
  it('keeps eight days of hours: mean CPU over every sample of the hour, the largest memory', () => {
    const chart = new HourlyChart();
    // Two pods in the same hour: the mean is over both.
    chart.addCpu(START, 0.2);
    chart.addCpu(START + MINUTE, 0.4);
    chart.addCpu(START + 2 * MINUTE, 0.6);
    chart.addMemory(START, 100 * MIB);
    chart.addMemory(START + MINUTE, 300 * MIB);
    chart.addMemory(START + 2 * MINUTE, 200 * MIB);
    const points = chart.points(START + 3 * HOUR_MS);
    assert.equal(CHART_HOURS, 192);
    assert.equal(points.cpu.length, CHART_HOURS);
    assert.equal(points.startMs + (CHART_HOURS - 1) * HOUR_MS, START + 3 * HOUR_MS);
    const hour = CHART_HOURS - 4;
    assert.ok(Math.abs((points.cpu[hour] as number) - 0.4) < 1e-12);
    assert.equal(points.memory[hour], 300 * MIB);
    assert.ok(Number.isNaN(points.cpu[hour + 1] as number) && Number.isNaN(points.memory[CHART_HOURS - 1] as number));
  });

  it('weighs a point by the minutes it stands for', () => {
    const chart = new HourlyChart();
    chart.addCpu(START, 1, 5);
    chart.addCpu(START + MINUTE, 0, 1);
    assert.ok(Math.abs((chart.points(START).cpu.at(-1) as number) - 5 / 6) < 1e-12);
  });

  it('rolls forward: hours older than the window leave it, and late samples for them are dropped', () => {
    const chart = new HourlyChart();
    chart.addCpu(START, 1);
    chart.addCpu(START + CHART_HOURS * HOUR_MS, 2);
    chart.addCpu(START + HOUR_MS, 3);
    chart.addCpu(START, 4);
    const points = chart.points(START);
    assert.equal(points.startMs, START + HOUR_MS);
    assert.equal(points.cpu[0], 3);
    assert.equal(points.cpu.at(-1), 2);
    assert.equal(points.cpu.filter((value) => !Number.isNaN(value)).length, 2);
  });

  it('round-trips through JSON, rounded to 4 digits, and continues the open hour', () => {
    const chart = new HourlyChart();
    for (let minute = 0; minute < 300; minute += 1) {
      chart.addCpu(START + minute * MINUTE, 0.123456 + (minute % 7) * 0.01);
      chart.addMemory(START + minute * MINUTE, (200 + minute) * MIB);
    }
    const checkpoint = chart.checkpoint();
    assert.ok(checkpoint !== undefined);
    assert.equal(checkpoint.cpu.length, 5, 'only the hours since the first sample');
    const restored = new HourlyChart();
    assert.ok(restored.restore(JSON.parse(JSON.stringify(checkpoint))));
    chart.addCpu(START + 300 * MINUTE, 1);
    restored.addCpu(START + 300 * MINUTE, 1);
    const before = chart.points(START + 5 * HOUR_MS);
    const after = restored.points(START + 5 * HOUR_MS);
    for (let hour = 0; hour < CHART_HOURS; hour += 1) {
      for (const resource of ['cpu', 'memory'] as const) {
        const expected = before[resource][hour] as number;
        const actual = after[resource][hour] as number;
        if (Number.isNaN(expected)) assert.ok(Number.isNaN(actual));
        else assert.ok(Math.abs(actual - expected) / expected < 1e-3, `${resource} hour ${hour}: ${actual} vs ${expected}`);
      }
    }
  });

  it('refuses a malformed checkpoint and keeps what it had', () => {
    const chart = new HourlyChart();
    chart.addMemory(START, MIB);
    const endHour = START / HOUR_MS;
    assert.equal(chart.restore({ endHour, cpu: [1, 2], memory: [1], lastCpuWeight: 1 }), false);
    assert.equal(chart.restore({ endHour, cpu: [-1], memory: [1], lastCpuWeight: 1 }), false);
    assert.equal(chart.restore({ endHour: 0.5, cpu: [1], memory: [1], lastCpuWeight: 1 }), false);
    assert.equal(chart.points(START).memory.at(-1), MIB);
  });
});
