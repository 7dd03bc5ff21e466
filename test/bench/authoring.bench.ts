// Completion and hover in a 5,000-line multi-document manifest (issue 15: p99 under 20 ms each),
// against parsing the same file once with js-yaml (what any answer that parsed the file would pay at
// least); and the versioned schema data's size, raw and deflated as the .vsix zips it (under 3 MB).
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { loadAll } from 'js-yaml';
import { completions, type AuthoringInput } from '../../src/core/authoring/completion.ts';
import { hoverAt } from '../../src/core/authoring/hover.ts';
import { loadVersionedSchemas } from '../../src/core/authoring/load-schema-data.ts';
import type { Bench } from './report.ts';

const OBJECTS = 100;

/** A Deployment and a Service per app: 100 pairs are about 5,000 lines. */
function manifest(): string {
  const documents: string[] = [];
  for (let index = 0; index < OBJECTS; index += 1) {
    documents.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${index}\n  namespace: shop\n  labels:\n    app: app${index}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: app${index}\n  template:\n    metadata:\n      labels:\n        app: app${index}\n    spec:\n      serviceAccountName: app${index}\n      containers:\n        - name: app\n          image: registry.example.com/app${index}:1.0.${index}\n          imagePullPolicy: IfNotPresent\n          ports:\n            - name: http\n              containerPort: 8080\n          envFrom:\n            - configMapRef:\n                name: settings\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 128Mi\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: app${index}\n  namespace: shop\nspec:\n  type: ClusterIP\n  sessionAffinity: None\n  selector:\n    app: app${index}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`,
    );
  }
  return documents.join('---\n');
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function timings(count: number, work: (index: number) => void): number[] {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    work(index);
    samples.push(performance.now() - started);
  }
  return samples;
}

export const bench: Bench = {
  name: 'authoring',
  async run(report) {
    const loadStarted = performance.now();
    const schemas = await loadVersionedSchemas();
    const loadMs = performance.now() - loadStarted;
    const text = manifest();
    const lines = text.split('\n').length;
    // Cursor places spread over the file: a new key in a container, a value of an enum, a key to hover.
    const keyPlaces = [...text.matchAll(/ {10}imagePullPolicy: IfNotPresent\n/g)].map((match) => (match.index ?? 0) + 10);
    const valuePlaces = [...text.matchAll(/ {2}type: /g)].map((match) => (match.index ?? 0) + match[0].length);
    const hoverPlaces = [...text.matchAll(/ {2}replicas/g)].map((match) => (match.index ?? 0) + 4);
    const input = (offset: number): AuthoringInput => ({ text, offset, schemas, version: '1.34' });
    const rounds = 300;
    // The first answers build the version's models and compile the code: counted in the load figure, not here.
    for (let index = 0; index < 20; index += 1) completions(input(keyPlaces[index] as number));
    const completion = timings(rounds, (index) => {
      const places = index % 2 === 0 ? keyPlaces : valuePlaces;
      if (completions(input(places[index % places.length] as number)).length === 0) throw new Error('no completion');
    });
    const hover = timings(rounds, (index) => {
      if (hoverAt(input(hoverPlaces[index % hoverPlaces.length] as number)) === undefined) throw new Error('no hover');
    });
    const parse = timings(30, () => loadAll(text));
    const baseline = { name: `js-yaml parse of the file (median)`, value: percentile(parse, 0.5) };
    report({ name: `completion p99 in a ${lines}-line file (${OBJECTS * 2} documents; median ${percentile(completion, 0.5).toFixed(2)} ms)`, value: percentile(completion, 0.99), unit: 'ms', target: { op: '<', value: 20 }, baseline });
    report({ name: `hover p99 in the same file (median ${percentile(hover, 0.5).toFixed(2)} ms)`, value: percentile(hover, 0.99), unit: 'ms', target: { op: '<', value: 20 }, baseline });
    report({ name: 'versioned schema data: first load (import and build)', value: loadMs, unit: 'ms' });
    const data = ['schema.json', 'descriptions.json'].map((file) => readFileSync(new URL(`../../src/core/authoring/schema-data/${file}`, import.meta.url)));
    const raw = data.reduce((sum, bytes) => sum + bytes.length, 0) / 1024;
    const zipped = data.reduce((sum, bytes) => sum + deflateRawSync(bytes, { level: 9 }).length, 0) / 1024;
    report({ name: `versioned schema data, ${schemas.versions.length} versions, deflated as in the .vsix (raw ${raw.toFixed(0)} KB)`, value: zipped, unit: 'KB', target: { op: '<', value: 3072 } });
  },
};
