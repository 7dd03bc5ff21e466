// Lint speed (issues 4 and 18): the whole real-world corpus linted vs js-yaml's bare `loadAll` of the same
// files in the same process, a generated 5,000-line multi-document file linted as on save, the corpus
// throughput in files/s beside kubeconform's published figure, and the CLI (dist/cli.js, build first):
// a generated 20,000-file tree in files/s per core used, and one small file against `node -e` loading
// js-yaml and parsing it, process start included. Medians of repeated runs after a warm-up, so JIT
// compilation is not measured.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { poolWorkers } from '../../src/cli/lint-pool.ts';
import { createLintFile, lint } from '../../src/core/lint/engine.ts';
import { loadBundledSchema } from '../../src/core/lint/schema/snapshot.ts';
import { readCorpus } from '../unit/corpus.ts';
import type { Bench } from './report.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Medians of `rounds` runs of each piece of work after two warm-up runs, interleaved round by round so
 * that work and baseline meet the same machine load (our 2-core machines are shared).
 */
function timed(rounds: number, ...work: (() => void)[]): number[] {
  for (let warm = 0; warm < 2; warm += 1) for (const piece of work) piece();
  const times = work.map((): number[] => []);
  for (let round = 0; round < rounds; round += 1) {
    work.forEach((piece, index) => {
      const started = performance.now();
      piece();
      times[index]?.push(performance.now() - started);
    });
  }
  return times.map(median);
}

/** Deployments and Services, as in a typical app's manifests, until the file has `lines` lines. */
function generatedManifest(lines: number): string {
  const documents: string[] = [];
  let count = 0;
  for (let index = 0; count < lines; index += 1) {
    const document = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: app-${index}`,
      '  namespace: shop',
      '  labels: {app: app-' + index + '}',
      'spec:',
      '  replicas: 3',
      '  selector:',
      `    matchLabels: {app: app-${index}}`,
      '  template:',
      '    metadata:',
      `      labels: {app: app-${index}}`,
      '    spec:',
      '      containers:',
      '      - name: app',
      `        image: registry.example.com/shop/app-${index}:1.${index}.0`,
      '        ports: [{name: http, containerPort: 8080}]',
      '        env:',
      '        - {name: LOG_LEVEL, value: info}',
      '        resources:',
      '          requests: {cpu: 100m, memory: 128Mi}',
      '          limits: {memory: 256Mi}',
      '        readinessProbe: {httpGet: {path: /ready, port: http}}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: app-${index}`,
      '  namespace: shop',
      'spec:',
      `  selector: {app: app-${index}}`,
      '  ports: [{port: 80, targetPort: http}]',
      '---',
    ];
    documents.push(document.join('\n'));
    count += document.length;
  }
  return `${documents.join('\n')}\n`;
}

export const bench: Bench = {
  name: 'lint',
  async run(report) {
    const schema = await loadBundledSchema();
    const texts = readCorpus();
    const [loadAllMs = 0, lintMs = 0] = timed(
      9,
      () => {
        for (const { text } of texts) {
          try {
            loadAll(text);
          } catch {
            // The corpus holds files that js-yaml rejects; the baseline still pays for reading them.
          }
        }
      },
      () => {
        for (const { name, text } of texts) lint([createLintFile(name, text)], { schema });
      },
    );
    report({
      name: `lint: whole corpus (${texts.length} files, parse + all rules incl. schema)`,
      value: lintMs,
      unit: 'ms',
      baseline: { name: 'js-yaml loadAll', value: loadAllMs, target: { op: '<=', value: 1.5 } },
    });
    report({ name: 'lint throughput on one core (kubeconform publishes ~5,200 files/s on 4 cores)', value: (texts.length / lintMs) * 1000, unit: 'files/s' });
    const manifest = generatedManifest(5000);
    const [saveMs = 0] = timed(21, () => {
      lint([createLintFile('generated.yaml', manifest)], { schema });
    });
    report({ name: `lint on save: generated ${manifest.split('\n').length - 1}-line multi-document file`, value: saveMs, unit: 'ms', target: { op: '<', value: 30 } });
    cliFigures(report);
  },
};

const repoRoot = new URL('../../', import.meta.url).pathname;
const cli = join(repoRoot, 'dist', 'cli.js');

/** Wall-clock milliseconds of a node process (exit 0 or 1: findings are not failures here). */
function processMs(args: readonly string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')}: exit ${result.status}: ${result.stderr.toString().slice(0, 200)}`);
  return performance.now() - started;
}

/**
 * The CLI over a generated tree of 20,000 one-Deployment-and-Service files (100 folders of 200), and
 * on one small file beside `node -e` reading and parsing it with js-yaml (the floor of any Node CLI).
 */
function cliFigures(report: Parameters<Bench['run']>[0]): void {
  const folder = mkdtempSync(join(tmpdir(), 'kwb-lint-bench-'));
  try {
    const text = generatedManifest(30);
    for (let dir = 0; dir < 100; dir += 1) {
      mkdirSync(join(folder, 'tree', `app-${dir}`), { recursive: true });
      for (let file = 0; file < 200; file += 1) writeFileSync(join(folder, 'tree', `app-${dir}`, `m-${file}.yaml`), text.replaceAll('app-0', `app-${dir}-${file}`));
    }
    const treeMs = processMs([cli, 'lint', 'tree'], folder);
    // The lint pool's workers, one per core, if this machine has two or more (src/cli/lint-pool.ts); the main thread waits.
    const cores = Math.max(1, poolWorkers(20000, availableParallelism()));
    report({ name: `CLI lint: generated 20,000-file tree, files/s per core (${cores} core${cores === 1 ? '' : 's'} used)`, value: (20000 / treeMs) * 1000 / cores, unit: 'files/s', target: { op: '>=', value: 1300 } });
    writeFileSync(join(folder, 'small.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {LOG_LEVEL: info}\n');
    const jsYaml = join(repoRoot, 'node_modules', 'js-yaml');
    // A process start varies by tens of milliseconds on a shared machine: 21 interleaved pairs.
    const [cliMs = 0, nodeMs = 0] = timed(
      21,
      () => processMs([cli, 'lint', 'small.yaml'], folder),
      () => processMs(['-e', `require(${JSON.stringify(jsYaml)}).loadAll(require('fs').readFileSync('small.yaml', 'utf8'))`], folder),
    );
    report({ name: 'CLI lint: one small file, process start included', value: cliMs, unit: 'ms', baseline: { name: 'node -e js-yaml loadAll', value: nodeMs, target: { op: '<=', value: 1.2 } } });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
