/** The parameters of /api/v1/query_range, checked with Prometheus' own error messages. */
import { err, ok, type Result } from '../../core/result.ts';
import { parseStep, parseTime } from './duration.ts';
import type { EvaluationRange } from './matrix.ts';
import { parseUsageQuery, type UsageQuery } from './query.ts';

/** Prometheus' limit on points per series in one range query. */
const maxPoints = 11_000;

export interface RangeQuery {
  readonly query: UsageQuery;
  readonly range: Omit<EvaluationRange, 'nowMs'>;
}

export function rangeQueryFrom(params: URLSearchParams): Result<RangeQuery, string> {
  const startText = params.get('start') ?? '';
  const endText = params.get('end') ?? '';
  const stepText = params.get('step') ?? '';
  const start = parseTime(startText);
  if (start === undefined) return err(`invalid parameter "start": cannot parse "${startText}" to a valid timestamp`);
  const end = parseTime(endText);
  if (end === undefined) return err(`invalid parameter "end": cannot parse "${endText}" to a valid timestamp`);
  if (end < start) return err('invalid parameter "end": end timestamp must not be before start time');
  const step = parseStep(stepText);
  if (step === undefined) return err(`invalid parameter "step": cannot parse "${stepText}" to a valid duration`);
  // Prometheus works in whole milliseconds.
  const startMs = Math.round(start * 1000);
  const endMs = Math.round(end * 1000);
  const stepMs = Math.round(step * 1000);
  if (stepMs <= 0) return err('invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer');
  if (Math.floor((endMs - startMs) / stepMs) > maxPoints) {
    return err('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
  }
  const query = parseUsageQuery(params.get('query') ?? '');
  if (!query.ok) return err(`invalid parameter "query": ${query.error}`);
  return ok({ query: query.value, range: { startMs, endMs, stepMs } });
}
