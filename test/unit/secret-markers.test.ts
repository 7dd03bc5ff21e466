// Secret values never reach what the linter or Describe print (issue 12): unique markers are planted as
// values where secrets live (Secret data and stringData, a last-applied-configuration annotation, env
// vars named like secrets, token-like strings, URLs with a password), many shapes are generated,
// schema-invalid ones included so that every schema rule fires, and every rendering is searched for them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCaptured } from '../../src/cli/run-captured.ts';
import { createLintCommand } from '../../src/cli/lint.ts';
import { describeObject } from '../../src/core/cluster/describe.ts';
import { catalogueMarkdown } from '../../src/core/lint/catalogue.ts';
import { createLintFile, lint } from '../../src/core/lint/engine.ts';
import { allRules } from '../../src/core/lint/rules/index.ts';
import { toSarif } from '../../src/core/lint/sarif.ts';
import { loadBundledSchema } from '../../src/core/lint/schema/snapshot.ts';
import type { ClusterFacts, Finding } from '../../src/core/lint/types.ts';
import { toYaml } from '../../src/core/yaml/dump.ts';

/** mulberry32: a seeded generator, so a failure names a reproducible shape. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(12);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const letters = (count: number, alphabet = 'abcdefghijklmnopqrstuvwxyz') => Array.from({ length: count }, () => pick([...alphabet])).join('');
const planted: string[] = [];
const plant = (marker: string): string => (planted.push(marker), marker);
// Markers that Describe shows by design, so that only lint must hide them: token-like text outside
// secret-bearing fields (masking it everywhere would mask uids, image digests and node ids too).
const lintOnly = new Set<string>();
function describeShows<T>(make: () => T): T {
  const before = planted.length;
  const value = make();
  for (const marker of planted.slice(before)) lintOnly.add(marker);
  return value;
}

// Markers of each kind: short and plain or numeric (only their place protects them: a Secret, data, env,
// args, annotations), token-like.
const plain = () => plant(`kwbs${letters(9)}`);
const tokenLike = () => plant(`KWBSECRET${letters(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}7`);
const lowerToken = () => plant(`kwbs${letters(36, '0123456789abcdef')}`);
const numeric = () => Number(plant(`9${letters(11, '0123456789')}`));
const jwt = () => `eyJhbGciOiJIUzI1NiJ9.eyJ${plain()}In0.${plain()}`;
const pem = () => `-----BEGIN RSA PRIVATE KEY-----\nMIIE${plain()}\n-----END RSA PRIVATE KEY-----\n`;
const url = () => pick([() => `https://admin:${plain()}@db.example.com/app`, () => `postgres://app:${plain()}@db:5432/app?sslmode=require`, () => `https://${tokenLike()}@github.com/org/repo.git`])();
/** Any value a secret can take, right or wrong type. */
const secretValue = (): unknown => pick([plain, tokenLike, numeric, () => next() < 0.5, () => ({ nested: plain() }), () => [plain()], jwt, pem, url])();
/** A value where a string is expected but no secret is: only its look (token, URL) must keep it out. */
const lookingSecret = (): string => pick([() => describeShows(pick([tokenLike, lowerToken, jwt])), url])();

function secretMap(): Record<string, unknown> {
  return Object.fromEntries(['password', 'token', 'tls.key'].slice(0, 1 + Math.floor(next() * 3)).map((key) => [key, secretValue()]));
}

function secret(index: number): Record<string, unknown> {
  const body: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: { name: `s${index}`, namespace: 'shop' } };
  const applied = () => `${JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `s${index}` }, data: secretMap(), stringData: secretMap() })}\n`;
  // kubectl's annotation, or one cut short (unparsable).
  const annotations: Record<string, unknown> = { 'kubectl.kubernetes.io/last-applied-configuration': pick([applied, () => `{"data":{"password":"${plain()}"`])() };
  if (next() < 0.4) annotations['example.com/copy'] = JSON.stringify({ password: plain() });
  if (next() < 0.3) annotations['example.com/count'] = numeric();
  body['metadata'] = { ...(body['metadata'] as object), annotations };
  // Wrong shapes too: data as a string or a list, values of every type, unknown fields beside them.
  body['data'] = pick([secretMap, secretMap, secretValue])();
  if (next() < 0.7) body['stringData'] = pick([secretMap, secretValue])();
  if (next() < 0.4) body['type'] = numeric();
  if (next() < 0.4) body['immutable'] = pick([plain, tokenLike, numeric])();
  if (next() < 0.4) body[pick(['datta', 'stringdata', 'password'])] = secretMap();
  return body;
}

function configMap(index: number): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `c${index}`, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ kind: 'ConfigMap', data: { port: numeric() } }) } },
    data: { token: pick([jwt, tokenLike, lowerToken, pem])(), port: numeric(), url: url(), [letters(4)]: pick([() => ({ a: tokenLike() }), () => [lowerToken()], numeric])() },
    ...(next() < 0.5 ? { binaryData: { blob: pick([tokenLike, numeric])() } } : {}),
    ...(next() < 0.5 ? { immutable: lookingSecret() } : {}),
  };
}

function env(): unknown[] {
  const secretName = () => pick(['PASSWORD', 'API_TOKEN', 'DB_PASSWORD', 'CLIENT_SECRET', 'SSH_PRIVATE_KEY']);
  return [
    { name: secretName(), value: secretValue() },
    { name: secretName(), value: pick([numeric, () => true, () => ({ nested: plain() })])() },
    { name: pick(['DATABASE_URL', 'UPSTREAM']), value: url() },
    { name: 'GITHUB_PAT', value: pick([tokenLike, jwt])() },
    ...(next() < 0.5 ? [{ name: 'PASSWORD', valueFromm: plain() }] : []),
  ];
}

function workload(index: number): Record<string, unknown> {
  const container: Record<string, unknown> = {
    // Names are shown (kubectl get, events and audit logs list them); a port name that breaks the format is quoted as a value.
    name: 'app',
    image: pick([() => 'nginx', lookingSecret, () => describeShows(lowerToken), () => describeShows(() => `registry.example.com/${lowerToken()}`)])(),
    env: env(),
    args: pick([() => [numeric()], () => [`--password=${plain()}`], () => ['--api-token', plain()]])(),
    resources: { requests: { cpu: pick([() => '100m', lookingSecret])(), memory: pick([() => '64Mi', lookingSecret])() }, limits: { memory: lookingSecret() } },
    ports: [{ name: pick([lookingSecret, () => 'http'])(), containerPort: 80, hostPort: lookingSecret() }],
    readinessProbe: { httpGet: { port: lookingSecret() } },
  };
  const pod: Record<string, unknown> = { containers: [container], restartPolicy: lookingSecret(), serviceAccountName: 'builder' };
  return {
    apiVersion: 'apps/v1',
    kind: pick(['Deployment', 'StatefulSet']),
    metadata: { name: `w${index}`, namespace: 'shop', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ kind: 'Deployment', spec: { template: { spec: pod } } }) } },
    spec: { replicas: pick([lookingSecret, () => 3])(), selector: { matchLabels: { app: `w${index}` } }, template: { metadata: { labels: { app: `w${index}` } }, spec: pod } },
  };
}

const shapes = 150;
const objects = Array.from({ length: shapes }, (_, index) => pick([secret, configMap, workload])(index));
// A broken document with a secret in it: only the parser's reason may be quoted.
const text = `${objects.map((object) => toYaml(object)).join('---\n')}---\npassword: "${plain()}\n`;
const workloads = objects.filter((object) => object['kind'] !== 'Secret' && object['kind'] !== 'ConfigMap');
const cluster: ClusterFacts = {
  largestNodeAllocatable: { cpu: '1', memory: '1Gi' },
  // Suggestions for every container, so request-suggestion reports each set (and broken) request.
  suggestions: workloads.map((object) => ({ kind: '*', namespace: 'shop', name: (object['metadata'] as { name: string }).name, container: 'app', requests: { cpu: '3', memory: '3Gi' }, lowerBound: { cpu: '2', memory: '2Gi' }, upperBound: { cpu: '4', memory: '4Gi' } })),
};

// Every marker starts with `kwbs`/`KWBS` or `9`: one pass over the output, each start checked at each marker length.
const markers = new Set(planted);
const lengths = [...new Set(planted.map((marker) => marker.length))];

function leaks(output: string): string[] {
  const found = new Set<string>();
  for (const { index } of output.matchAll(/kwbs|9/gi)) {
    for (const length of lengths) if (markers.has(output.slice(index, index + length))) found.add(output.slice(index, index + length));
  }
  return [...found];
}

function fixTexts(finding: Finding): string[] {
  return [finding.fix, ...finding.alternatives].flatMap((fix) => (fix === undefined ? [] : [fix.title, fix.input?.prompt ?? '', fix.input?.placeholder ?? '', ...fix.edits.map((edit) => edit.newText)]));
}

describe('secret values in lint output and Describe', async () => {
  const schema = await loadBundledSchema();
  const file = createLintFile('secrets.yaml', text);
  const findings = lint([file], { schema, cluster });
  const stdin = createLintCommand({ cwd: new URL('.', import.meta.url).pathname, readStdin: async () => text, colour: false });

  it('plants markers the file really holds, and the schema rules fire on them', () => {
    assert.ok(planted.length > 1000, String(planted.length));
    assert.equal(leaks(text).length, planted.length);
    const fired = new Set(findings.map((finding) => finding.ruleId));
    for (const id of ['schema-type-mismatch', 'schema-unknown-field', 'invalid-quantity', 'invalid-image-reference', 'invalid-name', 'latest-tag', 'env-var-secret', 'restart-policy', 'host-port', 'invalid-target-port', 'request-suggestion', 'yaml-syntax']) {
      assert.ok(fired.has(id), id);
    }
  });

  it('quotes none in messages, related locations, fix titles, prompts and edits', () => {
    const texts = findings.flatMap((finding) => [finding.message, ...finding.related.map((related) => related.message), ...fixTexts(finding)]);
    assert.deepEqual(leaks(texts.join('\n')), []);
  });

  it('quotes none in the text, JSON and SARIF reports, nor in the rule docs', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const result = await runCaptured(stdin, ['--format', format, '--fail-on', 'hint', '-']);
      assert.equal(result.code, 1, result.stderr);
      assert.deepEqual(leaks(result.stdout + result.stderr), [], format);
    }
    const sarif = toSarif(findings, allRules, { name: 'kube-workbench', version: '0' }, () => file.lines(), (path) => path);
    assert.deepEqual(leaks(JSON.stringify(sarif)), []);
    assert.deepEqual(leaks(catalogueMarkdown(allRules)), []);
  });

  it('shows none in Describe', () => {
    for (const object of objects) assert.deepEqual(leaks(toYaml(describeObject(object))).filter((marker) => !lintOnly.has(marker)), [], toYaml(object));
  });
});
