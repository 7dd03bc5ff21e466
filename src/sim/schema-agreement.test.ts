/**
 * One schema, two users: over a fixture set of manifests, every schema finding of the linter
 * (schema-unknown-field, schema-type-mismatch, schema-required-field) is a rejection or a warning of
 * the sim, and every rejection or warning of the sim's schema check is a linter finding.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLintFile, lint } from '../core/lint/engine.ts';
import { bundledSchema } from './schema-validation.ts';
import { startSim, type Sim } from './sim.ts';
import { call } from './test-helpers.ts';

const container = (extra: string) => `      containers:\n      - name: web\n${extra}`;
const workload = (name: string, spec: string, pod = container('        image: nginx:1.27\n')) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${spec}  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${pod}`;

const fixtures: Readonly<Record<string, { path: string; yaml: string }>> = {
  valid: { path: 'apis/apps/v1', yaml: workload('valid', '  replicas: 2\n') },
  typo: { path: 'apis/apps/v1', yaml: workload('typo', '  replica: 2\n') },
  bogus: { path: 'apis/apps/v1', yaml: workload('bogus', '  replicas: "bogus"\n') },
  'no-image': { path: 'apis/apps/v1', yaml: workload('no-image', '', container('        imagePullPolicy: Always\n')) },
  mixed: { path: 'apis/apps/v1', yaml: workload('mixed', '  paused: "yes"\n  strategyy: {}\n', container('        image: nginx\n        args: [1]\n        portz: []\n')) },
  service: { path: 'api/v1', yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: service\nspec:\n  ports:\n  - name: http\n    targetPort: 8080\n  selectr: {app: web}\n' },
  pod: { path: 'api/v1', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec:\n  containers:\n  - name: app\n    image: busybox\n    command: sleep\n    resources: {limits: {cpu: [1]}}\n' },
  config: { path: 'api/v1', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  port: 8080\n  name: web\n' },
  job: { path: 'apis/batch/v1', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: job\nspec:\n  backoffLimit: 2.5\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - image: busybox\n' },
};

const rulesKinds: Readonly<Record<string, string>> = { 'schema-unknown-field': 'unknown', 'schema-type-mismatch': 'type', 'schema-required-field': 'required' };

/** The field a linter finding names, from its message: `Unknown field "replica" in …`, `replicas must be …`, `item 0 must be …`. */
function linterField(message: string): string {
  const quoted = /^(?:Unknown|Missing required) field "([^"]+)"/.exec(message);
  if (quoted !== null) return quoted[1] as string;
  return (/^(.+?) must be /.exec(message)?.[1] ?? message).replace(/^item (\d+)$/, '[$1]');
}

/** The last step of a field path, in the same words: `spec.replicas` → replicas, `args[0]` → [0]. */
function lastStep(path: string): string {
  return /(\[\d+\])$/.exec(path)?.[1] ?? path.slice(path.lastIndexOf('.') + 1);
}

function linterView(yaml: string): string[] {
  return lint([createLintFile('fixture.yaml', yaml)], { schema: bundledSchema })
    .filter((finding) => rulesKinds[finding.ruleId] !== undefined)
    .map((finding) => `${rulesKinds[finding.ruleId] ?? ''} ${linterField(finding.message)}`)
    .sort();
}

describe('linter and sim agree on the schema', () => {
  let sim: Sim;
  before(async () => {
    sim = await startSim({ nodes: 1, pods: 0, frozenClock: true, log: () => undefined });
  });
  after(() => sim.close());

  /** The sim's view: Warn keeps going past unknown fields, so warnings and 422 causes come together. */
  async function simView(path: string, yaml: string): Promise<string[]> {
    const plural = /kind: (\w+)/.exec(yaml)?.[1]?.toLowerCase() ?? '';
    const reply = await call(sim, `/${path}/namespaces/default/${plural}s?fieldValidation=Warn`, { method: 'POST', body: yaml, contentType: 'application/yaml' });
    assert.ok(reply.status === 201 || reply.status === 422, `${reply.status} ${reply.text}`);
    const warnings = reply.headers['warning'] === undefined ? [] : String(reply.headers['warning']).split(/, (?=299)/);
    const unknown = warnings.map((warning) => `unknown ${lastStep(/unknown field \\"([^\\]+)\\"/.exec(warning)?.[1] ?? warning)}`);
    const causes = ((reply.json['details'] as { causes?: { reason: string; field: string }[] } | undefined)?.causes ?? []).map(
      (cause) => `${cause.reason === 'FieldValueRequired' ? 'required' : 'type'} ${lastStep(cause.field)}`,
    );
    return [...unknown, ...causes].sort();
  }

  for (const [name, fixture] of Object.entries(fixtures)) {
    it(`${name}: the same findings from both`, async () => {
      const linter = linterView(fixture.yaml);
      assert.deepEqual(await simView(fixture.path, fixture.yaml), linter);
      if (name !== 'valid') assert.ok(linter.length > 0, 'an invalid fixture has findings');
    });
  }
});
