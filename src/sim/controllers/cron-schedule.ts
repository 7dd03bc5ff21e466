/** Standard five-field cron schedules (and the @hourly-style macros), evaluated in UTC. */

const macros: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const ranges: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

const names: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6,
};

function value(text: string): number {
  const named = names[text.toLowerCase()];
  return named ?? Number(text);
}

function parseField(text: string, [low, high]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, given] = range === '*' || range === '?' ? [low, high] : range.split('-').map(value);
    if (from === undefined || Number.isNaN(from)) throw new Error(`invalid cron field "${text}"`);
    const to = given ?? (stepText === undefined ? from : high);
    if (Number.isNaN(to) || !Number.isInteger(step) || step <= 0 || from < low || to > high + 1) throw new Error(`invalid cron field "${text}"`);
    for (let each = from; each <= to; each += step) values.add(each === 7 && high === 6 ? 0 : each);
  }
  return values;
}

export interface CronSchedule {
  matches(time: number): boolean;
}

export function parseCron(expression: string): CronSchedule {
  const fields = (macros[expression.trim()] ?? expression).trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`a cron schedule has 5 fields, got "${expression}"`);
  const [minutes, hours, days, months, weekdays] = fields.map((field, index) => parseField(field, ranges[index] ?? [0, 59])) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const dayRestricted = fields[2] !== '*' && fields[2] !== '?';
  const weekdayRestricted = fields[4] !== '*' && fields[4] !== '?';
  return {
    matches(time) {
      const date = new Date(time);
      if (!minutes.has(date.getUTCMinutes()) || !hours.has(date.getUTCHours()) || !months.has(date.getUTCMonth() + 1)) return false;
      const day = days.has(date.getUTCDate());
      const weekday = weekdays.has(date.getUTCDay());
      // Vixie cron: when both day fields are restricted, either may match.
      if (dayRestricted && weekdayRestricted) return day || weekday;
      return day && weekday;
    },
  };
}

/** The latest scheduled minute in (after, until], or undefined; looks back at most a day. */
export function lastScheduled(schedule: CronSchedule, after: number, until: number): number | undefined {
  const minute = 60_000;
  const earliest = Math.max(after + 1, until - 24 * 60 * minute);
  for (let time = Math.floor(until / minute) * minute; time >= earliest; time -= minute) if (schedule.matches(time)) return time;
  return undefined;
}
