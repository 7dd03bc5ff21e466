// Usage series drawn small: a line of block characters for hovers (Markdown renders no canvas) and an
// SVG polyline for the right-sizing report. Missing points (NaN) stay gaps, never zeros.
const BLOCKS = '▁▂▃▄▅▆▇█';

/** Groups of consecutive points reduced to their largest value, so a short line keeps the peaks. */
export function downsample(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const result: number[] = [];
  for (let column = 0; column < width; column += 1) {
    const from = Math.floor((column * values.length) / width);
    const to = Math.floor(((column + 1) * values.length) / width);
    let peak = Number.NaN;
    for (let index = from; index < to; index += 1) {
      const value = values[index] as number;
      if (!(value <= peak)) peak = Number.isNaN(value) ? peak : value;
    }
    result.push(peak);
  }
  return result;
}

/** The largest value seen (0 for none); gaps do not count. */
export function seriesPeak(values: readonly number[]): number {
  let peak = 0;
  for (const value of values) if (value > peak) peak = value;
  return peak;
}

/** Block characters scaled from 0 to `ceiling` (default: the largest value); a gap is a space. */
export function sparkline(values: readonly number[], width: number, ceiling?: number): string {
  const points = downsample(values, width);
  const top = ceiling ?? seriesPeak(points);
  return points
    .map((value) => {
      if (Number.isNaN(value)) return ' ';
      const level = top > 0 ? Math.round((Math.min(value, top) / top) * (BLOCKS.length - 1)) : 0;
      return BLOCKS[level];
    })
    .join('');
}

/** The values a chart's height spans. */
export interface ChartScale {
  readonly low: number;
  readonly high: number;
}

/**
 * Each chart spans its own values (and the reference), not zero to peak, so a day's swing shows
 * rather than a flat line near the top. At least a tenth of the peak tall, so sampling noise on a
 * steady series stays small and a constant one sits mid-height; 5% margin so the line never rides
 * the frame. Never below zero: usage is not negative.
 */
/** The smallest and largest values, gaps left out; undefined when there are none. */
function seriesRange(values: readonly number[]): { readonly low: number; readonly high: number } | undefined {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (Number.isNaN(value)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return low > high ? undefined : { low, high };
}

export function chartScale(values: readonly number[], reference?: number): ChartScale {
  const { low, high } = seriesRange(reference === undefined ? values : [...values, reference]) ?? { low: 0, high: 0 };
  if (!(high > 0)) return { low: 0, high: 1 };
  const span = Math.max(high - low, high * 0.1);
  const middle = (low + high) / 2;
  return { low: Math.max(0, middle - span * 0.55), high: middle + span * 0.55 };
}

/** Hover areas across a chart, each titled with its time span and the values in it. */
export interface ChartBands {
  readonly count: number;
  /** Time of the first point and between points (the chart's hourly step). */
  readonly startMs: number;
  readonly stepMs: number;
  readonly spanText: (fromMs: number, toMs: number) => string;
  readonly valueText: (value: number) => string;
}

export interface ChartOptions {
  /** Pixels; the width follows the page (the drawing stretches, the strokes do not). */
  readonly height: number;
  /** A horizontal line, e.g. the recommended target; the scale includes it. */
  readonly reference?: number;
  readonly title: string;
  readonly bands?: ChartBands;
  /** Points before which a faint vertical line marks a boundary (e.g. midnight). */
  readonly dividers?: readonly number[];
}

export interface Chart extends ChartScale {
  readonly svg: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Drawing units of the view box's height: one decimal of them is finer than a pixel at chart sizes. */
const UNITS = 100;

function bandTitle(values: readonly number[], from: number, to: number, bands: ChartBands): string {
  const range = seriesRange(values.slice(from, to));
  const span = bands.spanText(bands.startMs + from * bands.stepMs, bands.startMs + to * bands.stepMs);
  if (range === undefined) return `${span}: no samples`;
  const low = bands.valueText(range.low);
  const high = bands.valueText(range.high);
  return `${span}: ${low === high ? high : `${low} – ${high}`}`;
}

/** The series as polylines, split at gaps; a lone point between gaps is drawn a unit wide (one point draws nothing). */
function usageLines(values: readonly number[], y: (value: number) => string): string[] {
  const runs: number[][] = [];
  let run: number[] = [];
  values.forEach((value, index) => {
    if (!Number.isNaN(value)) run.push(index);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  });
  if (run.length > 0) runs.push(run);
  return runs.map((indexes) => {
    const xs = indexes.length === 1 ? [indexes[0] as number, (indexes[0] as number) + 1] : indexes.map((index) => index + 0.5);
    const points = xs.map((x, at) => `${x},${y(values[indexes[Math.min(at, indexes.length - 1)] as number] as number)}`);
    return `<polyline class="usage" fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke" points="${points.join(' ')}"/>`;
  });
}

function bandStrips(values: readonly number[], bands: ChartBands): string {
  const count = Math.min(bands.count, values.length);
  const strips: string[] = [];
  for (let band = 0; band < count; band += 1) {
    const from = Math.floor((band * values.length) / count);
    const to = Math.floor(((band + 1) * values.length) / count);
    strips.push(`<rect x="${from}" width="${to - from}" height="${UNITS}"><title>${escapeXml(bandTitle(values, from, to, bands))}</title></rect>`);
  }
  return `<g class="bands" fill="transparent">${strips.join('')}</g>`;
}

/**
 * A self-contained SVG, one view-box unit per point, stretched to the page's width: dividers as
 * faint vertical lines, the series as a polyline, the reference as a dashed line, and with `bands`
 * a titled transparent strip per span, so hovering shows the values there. Classes let the page
 * restyle it; the attributes are the fallback.
 */
export function chartSvg(values: readonly number[], options: ChartOptions): Chart {
  const { reference, bands } = options;
  const scale = chartScale(values, reference);
  const width = Math.max(values.length, 1);
  const y = (value: number): string => (UNITS - ((value - scale.low) / (scale.high - scale.low)) * UNITS).toFixed(1);
  const dividers = (options.dividers ?? []).map((at) => `M${at} 0V${UNITS}`).join('');
  const parts = [...(dividers === '' ? [] : [`<path class="divider" d="${dividers}" stroke="currentColor" stroke-opacity="0.15" vector-effect="non-scaling-stroke"/>`]), ...usageLines(values, y)];
  if (reference !== undefined) parts.push(`<line class="target" x1="0" x2="${width}" y1="${y(reference)}" y2="${y(reference)}" stroke="#d18616" stroke-dasharray="4 3" vector-effect="non-scaling-stroke"/>`);
  if (bands !== undefined && values.length > 0) parts.push(bandStrips(values, bands));
  const title = escapeXml(options.title);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="usage-chart" width="100%" height="${options.height}" viewBox="0 0 ${width} ${UNITS}" preserveAspectRatio="none" role="img" aria-label="${title}"><title>${title}</title>${parts.join('')}</svg>`;
  return { svg, ...scale };
}
