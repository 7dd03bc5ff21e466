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

export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  /** A horizontal line, e.g. the recommended target; also raises the scale to include it. */
  readonly reference?: number;
  readonly title: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A self-contained SVG: the series as a polyline (gaps split it), the reference as a dashed line. */
export function chartSvg(values: readonly number[], options: ChartOptions): string {
  const { width, height, reference } = options;
  const points = downsample(values, width);
  const top = Math.max(reference ?? 0, seriesPeak(points)) * 1.05 || 1;
  const y = (value: number): string => (height - (value / top) * (height - 2) - 1).toFixed(1);
  const step = points.length > 1 ? width / (points.length - 1) : width;
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((value, index) => {
    if (Number.isNaN(value)) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
    } else current.push(`${(index * step).toFixed(1)},${y(value)}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  const lines = segments.map((segment) => `<polyline fill="none" stroke="currentColor" stroke-width="1.5" points="${segment}"/>`);
  if (reference !== undefined) lines.push(`<line x1="0" x2="${width}" y1="${y(reference)}" y2="${y(reference)}" stroke="#d18616" stroke-dasharray="4 3"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><title>${escapeXml(options.title)}</title>${lines.join('')}</svg>`;
}
