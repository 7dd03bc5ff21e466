import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartSvg, downsample, seriesPeak, sparkline } from './sparkline.ts';

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

  it('draws an SVG with one polyline per run of points and the reference as a dashed line', () => {
    const svg = chartSvg([1, 2, Number.NaN, 2, 1], { width: 5, height: 20, reference: 4, title: 'cpu <web>' });
    assert.equal(svg.match(/<polyline/g)?.length, 2);
    assert.match(svg, /stroke-dasharray/);
    assert.match(svg, /<title>cpu &#60;web&#62;<\/title>/);
    assert.doesNotMatch(chartSvg([1, 2], { width: 10, height: 10, title: 't' }), /<line/);
  });
});
