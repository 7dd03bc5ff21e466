// A usage file (JSON lines, see core/allocator/usage-line.ts) folded into the allocator's
// aggregator, for `suggest` and for `lint --usage`: bad lines are reported with their number (the
// first few; the rest counted) and skipped, samples outside the 8 days before `now` (default: the
// latest sample) left out.
import { createReadStream } from 'node:fs';
import { HISTORY_WINDOW_MS } from '../core/allocator/container-usage.ts';
import { UsageAggregator, type AggregatorOptions } from '../core/allocator/usage-aggregator.ts';
import { parseUsageLine, type UsageSample } from '../core/allocator/usage-line.ts';
import { LineSplitter } from '../core/text/line-splitter.ts';
import { CappedReport } from './capped-report.ts';
import type { CliIo } from './main.ts';
import { UsageError } from './usage-error.ts';

export const NOT_ENOUGH_DATA = 'not enough data';

/** A sample is a few hundred bytes; a longer line is not one, and is not buffered whole. */
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Every valid sample of the file, in order; bad lines go to `onBadLine` with their number. Lines
 * are handled as each chunk is split, not yielded one by one: a million lines cost a second, not ten.
 */
async function forEachSample(path: string, onSample: (sample: UsageSample) => void, onBadLine: (line: number, reason: string) => void): Promise<void> {
  let number = 0;
  const onLine = (line: string): void => {
    number += 1;
    if (line.trim() === '') return;
    const result = parseUsageLine(line);
    if (result.ok) onSample(result.sample);
    else onBadLine(number, result.reason);
  };
  const lines = new LineSplitter(MAX_LINE_CHARS, onLine, () => onBadLine((number += 1), `longer than ${MAX_LINE_CHARS / 1024} KB`));
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 })) lines.push(chunk as string);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  lines.end();
}

async function latestSample(path: string): Promise<number | undefined> {
  let latest: number | undefined;
  await forEachSample(path, (sample) => (latest = Math.max(latest ?? sample.timeMs, sample.timeMs)), () => undefined);
  return latest;
}

/** The file's samples in an aggregator; `used` 0 means there is nothing to recommend from. */
export async function readUsageFile(path: string, now: number | undefined, io: CliIo, options?: AggregatorOptions): Promise<{ aggregator: UsageAggregator; used: number; nowMs: number | undefined }> {
  const nowMs = now ?? (await latestSample(path));
  const aggregator = new UsageAggregator(options);
  let used = 0;
  let outside = 0;
  const report = new CappedReport(io.stderr);
  const badLine = (line: number, reason: string) => report.add(`${path}:${line}: skipped: ${reason}`);
  const addSample = (sample: UsageSample): void => {
    if (nowMs === undefined || sample.timeMs > nowMs || sample.timeMs < nowMs - HISTORY_WINDOW_MS) {
      outside += 1;
      return;
    }
    used += 1;
    const series = aggregator.seriesFor(sample.namespace, sample.pod, sample.container, sample.workload);
    if (sample.oom) {
      series.add(sample.timeMs, sample.cpuCores, Number.NaN);
      if (!Number.isNaN(sample.memoryBytes)) series.addOom(sample.timeMs, sample.memoryBytes);
    } else {
      series.add(sample.timeMs, sample.cpuCores, sample.memoryBytes);
    }
  };
  await forEachSample(path, addSample, badLine);
  report.finish(path, 'bad lines skipped');
  if (outside > 0) io.stderr(`${path}: ${outside} sample(s) outside the 8 days before ${new Date(nowMs ?? 0).toISOString()} left out\n`);
  if (used === 0) io.stderr(`${path}: no usage samples: ${NOT_ENOUGH_DATA}\n`);
  return { aggregator, used, nowMs };
}
