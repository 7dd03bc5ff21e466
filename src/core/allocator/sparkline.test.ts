import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartScale, chartSvg, downsample, seriesPeak, sparkline } from './sparkline.ts';

describe('sparkline', () => {
  it('keeps the peak of each group when shortening a series, and gaps where nothing was seen', () => {
    assert.deepEqual(downsample([1, 5, 2, 2, Number.NaN, Number.NaN, 3, 1], 4), [5, 2, Number.NaN, 3]);
    assert.deepEqual(downsample([1, 2], 8), [1, 2]);
  });

  it('scales block characters from zero to the largest value or a given ceiling', () => {
    assert.equal(sparkline([0, 1, 2, 4, 8], 5), '▁▂▃▅█');
    assert.equal(sparkline([0, Number.NaN, 4], 3, 8), '▁ ▅');
    assert.equal(sparkline([0, 0], 2), '▁▁');
    assert.equal(seriesPeak([Number.NaN, 2, 5, Number.NaN]), 5);
    assert.equal(seriesPeak([]), 0);
  });

  it('scales a chart to its own range with the reference in it, a steady series mid-height, never below zero', () => {
    assert.deepEqual(chartScale([Number.NaN, Number.NaN]), { low: 0, high: 1 });
    assert.deepEqual(chartScale([0, 0]), { low: 0, high: 1 });
    const daily = chartScale([0.3, 0.4, 0.35], 0.45);
    assert.ok(Math.abs(daily.low - 0.2925) < 1e-9 && Math.abs(daily.high - 0.4575) < 1e-9, JSON.stringify(daily));
    // Constant: a band a tenth of the value tall, centred on it.
    const steady = chartScale([2, 2, 2]);
    assert.ok(Math.abs(steady.low - 1.89) < 1e-9 && Math.abs(steady.high - 2.11) < 1e-9, JSON.stringify(steady));
    assert.equal(chartScale([0, 5]).low, 0);
  });

  it('draws a swing of a few percent across most of the height, not as a flat line at the top', () => {
    const { svg, low, high } = chartSvg([100, 120, 110], { height: 56, title: 't' });
    assert.ok(low > 90 && high < 130, `${low}..${high}`);
    const ys = [...svg.matchAll(/[\d.]+,([\d.]+)/g)].map((match) => Number(match[1]));
    assert.ok(Math.max(...ys) - Math.min(...ys) > 80, `y range ${ys.join(' ')} of 100 units`);
  });

  it('draws an SVG with one polyline per run of points and the reference as a dashed line', () => {
    const { svg } = chartSvg([1, 2, Number.NaN, 2, 1], { height: 20, reference: 4, title: 'cpu <web>' });
    assert.equal(svg.match(/<polyline/g)?.length, 2);
    assert.match(svg, /<line class="target"[^>]* stroke-dasharray/);
    assert.match(svg, /<title>cpu &#60;web&#62;<\/title>/);
    assert.match(svg, /viewBox="0 0 5 100" preserveAspectRatio="none"/);
    assert.doesNotMatch(chartSvg([1, 2], { height: 10, title: 't' }).svg, /<line/);
    assert.match(chartSvg([1, 2, 3], { height: 10, title: 't', dividers: [1, 2] }).svg, /<path class="divider" d="M1 0V100M2 0V100"/);
    assert.doesNotMatch(chartSvg([1, 2, 3], { height: 10, title: 't', dividers: [] }).svg, /divider/);
    // A point alone between gaps is drawn a unit wide, not dropped.
    assert.match(chartSvg([Number.NaN, 3, Number.NaN], { height: 10, title: 't' }).svg, /points="1,[\d.]+ 2,[\d.]+"/);
  });

  it('titles each hover band with its time span and the lowest and highest value in it', () => {
    const hour = 3_600_000;
    const bands = { count: 2, startMs: 10 * hour, stepMs: hour, spanText: (from: number, to: number) => `${from / hour}h–${to / hour}h`, valueText: (value: number) => `${value}m` };
    const { svg } = chartSvg([1, 3, Number.NaN, 4, 4, Number.NaN, Number.NaN], { height: 48, title: 't', bands });
    const titles = [...svg.matchAll(/<rect x="(\d+)" width="(\d+)"[^>]*><title>([^<]*)<\/title>/g)].map((match) => match.slice(1).join(' '));
    assert.deepEqual(titles, ['0 3 10h–13h: 1m – 3m', '3 4 13h–17h: 4m']);
    const empty = chartSvg([Number.NaN, Number.NaN], { height: 48, title: 't', bands: { ...bands, count: 5 } }).svg;
    assert.deepEqual([...empty.matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]), ['t', '10h–11h: no samples', '11h–12h: no samples']);
  });
});
