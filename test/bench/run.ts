// `npm run bench [name...]`: runs every test/bench/*.bench.ts (or the named ones) one after the other
// and prints each figure with its target and, where it has one, the ratio to a same-run baseline.
// Benchmarks are measurements, not tests: a missed target is reported, and the exit code stays 0
// unless a benchmark itself fails.
import { readdirSync } from 'node:fs';
import { meets, type Bench, type Figure } from './report.ts';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.includes(name.replace(/\.bench\.ts$/, '')))
  .sort();

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e6) return value.toExponential(2);
  return value >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function line(figure: Figure): string {
  const parts = [`${figure.name}: ${formatNumber(figure.value)} ${figure.unit}`];
  if (figure.target) {
    parts.push(`target ${figure.target.op} ${formatNumber(figure.target.value)} ${figure.unit} ${meets(figure.value, figure.target) ? 'MET' : 'MISSED'}`);
  }
  if (figure.baseline) {
    const ratio = figure.value / figure.baseline.value;
    const ratioText = `${ratio.toFixed(2)}x ${figure.baseline.name} (${formatNumber(figure.baseline.value)} ${figure.unit})`;
    const verdict = figure.ratioTarget ? ` target ${figure.ratioTarget.op} ${figure.ratioTarget.value}x ${meets(ratio, figure.ratioTarget) ? 'MET' : 'MISSED'}` : '';
    parts.push(ratioText + verdict);
  }
  return `  ${parts.join(' | ')}`;
}

let failed = 0;
let missed = 0;
let figures = 0;
for (const file of files) {
  const { bench } = (await import(`./${file}`)) as { bench: Bench };
  console.log(`${bench.name}`);
  const started = performance.now();
  try {
    await bench.run((figure) => {
      figures += 1;
      const targetMissed = figure.target !== undefined && !meets(figure.value, figure.target);
      const ratioMissed =
        figure.ratioTarget !== undefined && figure.baseline !== undefined && !meets(figure.value / figure.baseline.value, figure.ratioTarget);
      if (targetMissed || ratioMissed) missed += 1;
      console.log(line(figure));
    });
  } catch (error) {
    failed += 1;
    console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`bench: ${figures} figures, ${missed} targets missed, ${failed} benchmarks failed`);
process.exitCode = failed > 0 ? 1 : 0;
