// `npm run bench [-- [--check] name...]`: runs every test/bench/*.bench.ts (or the named ones) one after
// the other and prints each figure with its target and, where it has one, the ratio to a same-run
// baseline, then a line naming every missed target. A failed benchmark exits 1; a missed target only
// with --check (benchmarks are measurements first: shared machines have slow moments), e.g. in CI.
import { readdirSync } from 'node:fs';
import { figureLine, misses, verdict, type Bench } from './report.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((arg) => arg !== '--check');
const available = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.replace(/\.bench\.ts$/, ''))
  .sort();
const unknown = only.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`bench: no benchmark ${unknown.join(', ')} (flags: --check; benchmarks: ${available.join(', ')})`);
  process.exit(2);
}

let failed = 0;
let figures = 0;
const missed: string[] = [];
for (const name of available.filter((entry) => only.length === 0 || only.includes(entry))) {
  const { bench } = (await import(`./${name}.bench.ts`)) as { bench: Bench };
  console.log(`${bench.name}`);
  const started = performance.now();
  try {
    await bench.run((figure) => {
      figures += 1;
      missed.push(...misses(figure).map((miss) => `${bench.name} / ${figure.name}: ${miss}`));
      console.log(figureLine(figure));
    });
  } catch (error) {
    failed += 1;
    console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
const result = verdict({ figures, missed, failed }, check);
for (const line of result.lines) console.log(line);
process.exitCode = result.exitCode;
