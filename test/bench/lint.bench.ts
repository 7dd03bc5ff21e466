// Lint speed (issue 4): the whole real-world corpus linted vs js-yaml's bare `loadAll` of the same
// files in the same process, a generated 5,000-line multi-document file linted as on save, and the
// corpus throughput in files/s beside kubeconform's published figure. Medians of repeated runs after
// a warm-up, so JIT compilation is not measured.
import { loadAll } from 'js-yaml';
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
      baseline: { name: 'js-yaml loadAll', value: loadAllMs, target: { op: '<=', value: 2 } },
    });
    report({ name: 'lint throughput on one core (kubeconform publishes ~5,200 files/s on 4 cores)', value: (texts.length / lintMs) * 1000, unit: 'files/s' });
    const manifest = generatedManifest(5000);
    const [saveMs = 0] = timed(21, () => {
      lint([createLintFile('generated.yaml', manifest)], { schema });
    });
    report({ name: `lint on save: generated ${manifest.split('\n').length - 1}-line multi-document file`, value: saveMs, unit: 'ms', target: { op: '<', value: 30 } });
  },
};
