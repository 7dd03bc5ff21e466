// A usage file (JSON lines, see core/allocator/usage-line.ts) folded into the allocator's
// aggregator, for `suggest` and for `lint --usage`: bad lines are reported with their number and
// skipped, samples outside the 8 days before `now` (default: the latest sample) left out.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { HISTORY_WINDOW_MS } from '../core/allocator/container-usage.ts';
import { UsageAggregator } from '../core/allocator/usage-aggregator.ts';
import { parseUsageLine, type UsageSample } from '../core/allocator/usage-line.ts';
import type { CliIo } from './main.ts';

export const NOT_ENOUGH_DATA = 'not enough data';

/** Every valid sample of the file with its line number; bad lines go to `onBadLine`. */
async function* usageSamples(path: string, onBadLine: (line: number, reason: string) => void): AsyncGenerator<UsageSample> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    const result = parseUsageLine(line);
    if (result.ok) yield result.sample;
    else onBadLine(number, result.reason);
  }
}

async function latestSample(path: string): Promise<number | undefined> {
  let latest: number | undefined;
  for await (const sample of usageSamples(path, () => undefined)) latest = Math.max(latest ?? sample.timeMs, sample.timeMs);
  return latest;
}

/** The file's samples in an aggregator; `used` 0 means there is nothing to recommend from. */
export async function readUsageFile(path: string, now: number | undefined, io: CliIo): Promise<{ aggregator: UsageAggregator; used: number; nowMs: number | undefined }> {
  const nowMs = now ?? (await latestSample(path));
  const aggregator = new UsageAggregator();
  let used = 0;
  let outside = 0;
  const badLine = (line: number, reason: string) => io.stderr(`${path}:${line}: skipped: ${reason}\n`);
  for await (const sample of usageSamples(path, badLine)) {
    if (nowMs === undefined || sample.timeMs > nowMs || sample.timeMs < nowMs - HISTORY_WINDOW_MS) {
      outside += 1;
      continue;
    }
    used += 1;
    const series = aggregator.seriesFor(sample.namespace, sample.pod, sample.container, sample.workload);
    if (sample.oom) {
      series.add(sample.timeMs, sample.cpuCores, Number.NaN);
      if (!Number.isNaN(sample.memoryBytes)) series.addOom(sample.timeMs, sample.memoryBytes);
    } else {
      series.add(sample.timeMs, sample.cpuCores, sample.memoryBytes);
    }
  }
  if (outside > 0) io.stderr(`${path}: ${outside} sample(s) outside the 8 days before ${new Date(nowMs ?? 0).toISOString()} left out\n`);
  if (used === 0) io.stderr(`${path}: no usage samples: ${NOT_ENOUGH_DATA}\n`);
  return { aggregator, used, nowMs };
}
