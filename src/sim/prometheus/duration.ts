/** Prometheus' duration and time parameters (`5m`, `1h30m`; unix seconds or RFC 3339), in seconds. */

const unitSeconds: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/** `1h30m` and the like: units largest first, each at most once, as Prometheus' model.ParseDuration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/.exec(text);
  if (match === null || text === '') return undefined;
  const units = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
  let seconds = 0;
  units.forEach((unit, index) => {
    const count = match[index + 1];
    if (count !== undefined) seconds += Number(count) * (unitSeconds[unit] ?? 0);
  });
  return seconds;
}

/** A `step`: a float number of seconds or a duration. */
export function parseStep(text: string): number | undefined {
  const seconds = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : parseDuration(text);
  return seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined;
}

/** A `start`/`end`: unix seconds with a fraction, or RFC 3339. */
export function parseTime(text: string): number | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}
