import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { terminalLines } from '../core/text/terminal-text.ts';
import { minPoolFiles } from './lint-pool.ts';
import { createLintCommand } from './lint.ts';
import { runCaptured, type Captured } from './run-captured.ts';

const folder = mkdtempSync(join(tmpdir(), 'kwb-lint-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const pod = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: x}\nspec:\n  automountServiceAccountToken: false\n  containers:\n  - name: app\n    image: nginx:1.27${extra}\n`;
const privileged = '\n    securityContext:\n      privileged: true';

mkdirSync(join(folder, 'manifests', 'nested'), { recursive: true });
writeFileSync(join(folder, 'manifests', 'a.yaml'), pod('a', privileged));
writeFileSync(join(folder, 'manifests', 'nested', 'b.yml'), pod('b'));
writeFileSync(join(folder, 'manifests', 'notes.txt'), 'not yaml');
writeFileSync(join(folder, 'manifests', 'values.yaml'), 'replicaCount: 2\nimage: {tag: latest}\n');

function run(args: string[], stdin = ''): Promise<Captured> {
  return runCaptured(createLintCommand({ cwd: folder, readStdin: async () => stdin, colour: false }), args);
}

describe('kube-workbench lint', () => {
  it('lints a directory recursively in text format and exits 1 on an error', async () => {
    const result = await run(['manifests']);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^manifests\/a\.yaml:10:19 error privileged-container The container runs privileged\.$/m);
    assert.match(result.stdout, /manifests\/nested\/b\.yml:\d+:\d+ warning /);
    assert.doesNotMatch(result.stdout, /notes\.txt|values\.yaml/);
    assert.match(result.stdout, /^2 files linted: 1 error, \d+ warnings, \d+ info$/m);
  });

  it('lints a non-Kubernetes file when it is named, not when found in a folder', async () => {
    assert.match((await run(['manifests/values.yaml'])).stdout, /^1 file linted: no findings$/m);
  });

  it('exits 0 when nothing reaches --fail-on, and 1 when it does', async () => {
    assert.equal((await run(['manifests/nested/b.yml'])).code, 0);
    assert.equal((await run(['--fail-on', 'warning', 'manifests/nested/b.yml'])).code, 1);
    assert.equal((await run(['--max-severity', 'warning', 'manifests/nested/b.yml'])).code, 1);
  });

  it('reads stdin for -, and globs', async () => {
    const stdin = await run(['--format', 'json', '-'], pod('s', privileged));
    const parsed = JSON.parse(stdin.stdout) as { findings: { path: string; ruleId: string; start: { line: number } }[] };
    assert.ok(parsed.findings.some((finding) => finding.path === '<stdin>' && finding.ruleId === 'privileged-container' && finding.start.line === 10));
    const globbed = await run(['manifests/**/*.yml']);
    assert.match(globbed.stdout, /^1 file linted/m);
  });

  it('writes SARIF 2.1.0 with 1-based regions and the rules metadata', async () => {
    const result = await run(['--format', 'sarif', 'manifests/a.yaml']);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    const hit = run0.results.find((entry: { ruleId: string }) => entry.ruleId === 'privileged-container');
    assert.equal(hit.level, 'error');
    assert.deepEqual(hit.locations[0].physicalLocation, { artifactLocation: { uri: 'manifests/a.yaml' }, region: { startLine: 10, startColumn: 19, endLine: 10, endColumn: 23 } });
    assert.equal(run0.tool.driver.rules[hit.ruleIndex].id, 'privileged-container');
    assert.ok(run0.results.every((entry: { level: string }) => ['error', 'warning', 'note'].includes(entry.level)));
  });

  it('applies the nearest .kube-workbench.yaml, or --config', async () => {
    writeFileSync(join(folder, '.kube-workbench.yaml'), 'rules:\n  privileged-container: off\n');
    writeFileSync(join(folder, 'strict.yaml'), 'rules:\n  privileged-container: hint\n');
    try {
      assert.doesNotMatch((await run(['manifests/a.yaml'])).stdout, /privileged-container/);
      assert.match((await run(['--config', 'strict.yaml', 'manifests/a.yaml'])).stdout, / hint privileged-container /);
    } finally {
      rmSync(join(folder, '.kube-workbench.yaml'));
    }
  });

  it('takes the profile from --profile, over the config\'s', async () => {
    writeFileSync(join(folder, 'profile.yaml'), 'profile: pss-baseline\n');
    const baseline = await run(['--config', 'profile.yaml', 'manifests/a.yaml']);
    assert.match(baseline.stdout, /^manifests\/a\.yaml:10:19 warning pss-privileged baseline: securityContext\.privileged must be false or unset on container "app"$/m);
    assert.doesNotMatch(baseline.stdout, /pss-privilege-escalation/);
    const restricted = await run(['--config', 'profile.yaml', '--profile', 'pss-restricted', 'manifests/a.yaml']);
    assert.match(restricted.stdout, / pss-privilege-escalation restricted: /);
    assert.doesNotMatch((await run(['manifests/a.yaml'])).stdout, / pss-/);
  });

  it('gives exit 2 and one line for unreadable paths, bad options and bad config', async () => {
    const missing = await run(['nope.yaml']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'kube-workbench lint: cannot read nope.yaml: ENOENT\n');
    assert.equal(missing.stdout, '');
    for (const args of [['--format', 'xml', 'manifests'], ['--fail-on', 'loud', 'manifests'], [], ['--bogus', 'manifests'], ['no/*.match'], ['--profile', 'strict', 'manifests']]) {
      const result = await run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stderr.split('\n').length, 2, result.stderr);
    }
    writeFileSync(join(folder, 'bad.yaml'), 'rules:\n  no-such-rule: off\n');
    assert.match((await run(['--config', 'bad.yaml', 'manifests'])).stderr, /unknown rule id 'no-such-rule'\n$/);
    writeFileSync(join(folder, 'bad-profile.yaml'), 'profile: strict\nminReplicas: 0\n');
    assert.match((await run(['--config', 'bad-profile.yaml', 'manifests'])).stderr, /profile 'strict' is not default, pss-baseline, pss-restricted, all; `minReplicas` must be a whole number of at least 1\n$/);
  });

  it('prints its usage for --help with exit 0', async () => {
    const result = await run(['--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: kube-workbench lint \[options\] <path\|glob\|->\.\.\./);
  });

  it('exits 2 for a file it skipped (binary, over 5 MB), unless --allow-skipped', async () => {
    writeFileSync(join(folder, 'blob.yaml'), Buffer.from([0, 1, 2, 3]));
    const result = await run(['blob.yaml']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'blob.yaml: skipped: binary file (contains NUL bytes)\nkube-workbench lint: 1 file not linted (see above): exit 2; --allow-skipped accepts that\n');
    assert.equal((await run(['--allow-skipped', 'blob.yaml'])).code, 0);
    // A sparse 50 MB manifest beside a good one: the good one is linted, the big one not read.
    mkdirSync(join(folder, 'big'));
    writeFileSync(join(folder, 'big', 'ok.yaml'), pod('ok'));
    writeFileSync(join(folder, 'big', 'huge.yaml'), '');
    truncateSync(join(folder, 'big', 'huge.yaml'), 50 * 1024 * 1024);
    const started = performance.now();
    const big = await run(['big']);
    assert.ok(performance.now() - started < 2000);
    assert.equal(big.code, 2);
    assert.match(big.stderr, /^big\/huge\.yaml: skipped: larger than 5 MB\n/);
    assert.match(big.stdout, /^1 file linted/m);
    assert.equal((await run(['--allow-skipped', 'big'])).code, 0);
    assert.match((await run(['--help'])).stdout, /--allow-skipped/);
  });

  it('exits 2 for stdin over 5 MB, naming it, and reads no more of it', async () => {
    let asked: number | undefined;
    const command = createLintCommand({ cwd: folder, readStdin: async (maxBytes) => ((asked = maxBytes), undefined), colour: false });
    const result = await runCaptured(command, ['-']);
    assert.equal(asked, 5 * 1024 * 1024);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^<stdin>: skipped: larger than 5 MB\n/);
  });

  it('stops reading a real stdin past 5 MB: exit 2 at once, however much more is piped', async () => {
    const child = spawn(process.execPath, [new URL('../cli.ts', import.meta.url).pathname, 'lint', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on('error', () => undefined);
    // Up to 1.2 GB, written as the child takes it; it stops taking it at the bound.
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    let written = 0;
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let done = false;
    void exited.then(() => (done = true));
    while (!done && written < 1200 * chunk.length) {
      written += chunk.length;
      if (!child.stdin.write(chunk)) await Promise.race([new Promise((resolve) => child.stdin.once('drain', resolve)), exited]);
    }
    assert.equal(await exited, 2);
    assert.match(stderr, /^<stdin>: skipped: larger than 5 MB\n/);
    assert.ok(written < 64 * 1024 * 1024, `${written / 1024 / 1024} MB taken`);
  });

  it('follows a symbolic link to a folder once: no file linted twice, loops end', async () => {
    mkdirSync(join(folder, 'linked', 'app'), { recursive: true });
    writeFileSync(join(folder, 'linked', 'app', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: x}\ndata: {a: b}\n');
    symlinkSync('app', join(folder, 'linked', 'link1'));
    symlinkSync('../app', join(folder, 'linked', 'app', 'loop'));
    symlinkSync('cm.yaml', join(folder, 'linked', 'app', 'same.yaml'));
    symlinkSync('nowhere', join(folder, 'linked', 'dangling.yaml'));
    const result = await run(['linked', 'linked/link1/cm.yaml']);
    assert.equal(result.code, 0, result.stdout);
    assert.doesNotMatch(result.stdout, /duplicate-object/);
    assert.match(result.stdout, /^1 file linted/m);
  });

  it('escapes terminal control characters from file names and messages in text output', async () => {
    // The pod's name holds ESC and BEL (YAML's \e and \a escapes); invalid-name quotes it.
    writeFileSync(join(folder, 'evil\x1b[2J.yaml'), pod('"x\\e]0;owned\\a"', privileged));
    const result = await run(['evil\x1b[2J.yaml']);
    assert.equal(result.code, 1);
    const output = result.stdout + result.stderr;
    assert.equal(terminalLines(output), output, 'no control character left');
    assert.match(result.stdout, /^evil\\x1B\[2J\.yaml:10:19 error privileged-container /m);
    assert.match(result.stdout, / invalid-name .*owned/);
  });

  it('lints a large tree on two worker threads exactly as on one: output in every format, skipped files, exit code', async () => {
    const tree = join(folder, 'tree');
    mkdirSync(join(tree, 'apps'), { recursive: true });
    const app = (index: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${index}, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: app-${index}}}\n  template:\n    metadata: {labels: {app: app-${index}}}\n    spec:\n      containers:\n      - {name: app, image: "shop/app:1.${index}", envFrom: [{configMapRef: {name: ${index % 7 === 0 ? 'missing' : 'settings'}}}]}\n`;
    for (let index = 0; index < minPoolFiles + 40; index += 1) writeFileSync(join(tree, 'apps', `app-${String(index).padStart(3, '0')}.yaml`), app(index));
    writeFileSync(join(tree, 'settings.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\n');
    writeFileSync(join(tree, 'duplicate.yaml'), app(3));
    writeFileSync(join(tree, 'values.yaml'), 'replicaCount: 2\n');
    writeFileSync(join(tree, 'blob.yaml'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(tree, 'huge.yaml'), '');
    truncateSync(join(tree, 'huge.yaml'), 6 * 1024 * 1024);
    // Each worker thread leaves a mark, so the test knows the pool ran.
    const marks = join(folder, 'worker-marks');
    mkdirSync(marks);
    const script = join(folder, 'marking-worker.ts');
    writeFileSync(script, `import { writeFileSync } from 'node:fs';\nimport { threadId } from 'node:worker_threads';\nwriteFileSync(${JSON.stringify(marks)} + '/' + threadId, '');\nawait import(${JSON.stringify(fileURLToPath(new URL('./lint-worker.ts', import.meta.url)))});\n`);
    const pooled = createLintCommand({ cwd: folder, readStdin: async () => '', colour: false, pool: { script, cores: 2 } });
    for (const format of ['text', 'json', 'sarif']) {
      const alone = await run(['--format', format, '--profile', 'all', 'tree']);
      const together = await runCaptured(pooled, ['--format', format, '--profile', 'all', 'tree']);
      assert.deepEqual(together, alone, format);
    }
    const text = await run(['tree']);
    assert.equal(text.code, 2);
    assert.equal(text.stderr.split('\n')[0], 'tree/blob.yaml: skipped: binary file (contains NUL bytes)');
    assert.match(text.stderr, /^tree\/huge\.yaml: skipped: larger than 5 MB$/m);
    assert.match(text.stdout, /^tree\/apps\/app-007\.yaml:\d+:\d+ error missing-config-map The ConfigMap missing is not defined in the file set\.$/m);
    assert.match(text.stdout, /^tree\/duplicate\.yaml:\d+:\d+ error duplicate-object /m);
    assert.match(text.stdout, new RegExp(`^${minPoolFiles + 43} files linted: `, 'm'));
    assert.equal(readdirSync(marks).length, 6);
  });

  it('percent-encodes SARIF artifact URIs segment by segment', async () => {
    mkdirSync(join(folder, 'odd dir'), { recursive: true });
    writeFileSync(join(folder, 'odd dir', 'a#1%:.yaml'), pod('a', privileged));
    const sarif = JSON.parse((await run(['--format', 'sarif', 'odd dir/a#1%:.yaml'])).stdout);
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'odd%20dir/a%231%25%3A.yaml');
  });

  it('--usage: request-suggestion from a usage file, for manifests with or without a namespace; bad lines named and skipped', async () => {
    const start = Date.parse('2026-11-12T00:00:00Z');
    const lines = ['{not json'];
    for (let time = start; time <= start + 8 * 86_400_000; time += 600_000) {
      lines.push(JSON.stringify({ ts: new Date(time).toISOString(), namespace: 'shop', pod: 'web-7d9f8c6b5d-x2k4p', container: 'app', cpu: '200m', memory: '300Mi' }));
    }
    writeFileSync(join(folder, 'usage.jsonl'), `${lines.join('\n')}\n`);
    const deployment = (namespace: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web${namespace}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n        resources: {requests: {cpu: "2", memory: 2Gi}}\n`;
    writeFileSync(join(folder, 'web.yaml'), deployment(', namespace: shop'));
    writeFileSync(join(folder, 'web-no-namespace.yaml'), deployment(''));
    for (const manifest of ['web.yaml', 'web-no-namespace.yaml']) {
      const result = await run([manifest, '--usage', 'usage.jsonl', '--format', 'json']);
      const findings = (JSON.parse(result.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((finding) => finding.ruleId === 'request-suggestion');
      assert.equal(findings.length, 1, manifest);
      assert.match(findings[0]!.message, /^Observed usage suggests requests of cpu 2\d\dm \(set: 2\), memory 3\d\dMi \(set: 2Gi\)\.$/);
      assert.match(result.stderr, /usage\.jsonl:1: skipped: /);
    }
    assert.equal((await run(['web.yaml', '--format', 'json'])).stdout.includes('request-suggestion'), false);
    // The editor's and suggest's knobs: a 1000m pod minimum sets the CPU target.
    const tuned = await run(['web.yaml', '--usage', 'usage.jsonl', '--pod-min-cpu-millicores', '1000', '--format', 'json']);
    const [suggestion] = (JSON.parse(tuned.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((finding) => finding.ruleId === 'request-suggestion');
    assert.match(suggestion?.message ?? '', /^Observed usage suggests requests of cpu 1 \(set: 2\), memory 3\d\dMi/);
    const alone = await run(['web.yaml', '--margin-fraction', '0']);
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--margin-fraction goes with --usage/);
  });
});
