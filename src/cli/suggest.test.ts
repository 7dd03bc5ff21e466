import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ExitCode } from './main.ts';
import { suggestCommand } from './suggest.ts';
import { runCaptured, type Captured } from './run-captured.ts';

const folder = mkdtempSync(join(tmpdir(), 'kwb-suggest-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const START = Date.parse('2026-11-12T00:00:00Z');
const TEN_MINUTES = 600_000;

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** 8 days of a steady 200m / 300Mi container, one line every 10 minutes. */
function steadyLines(pod = 'web-7d9f8c6b5d-x2k4p'): string[] {
  const lines: string[] = [];
  for (let time = START; time <= START + 8 * 86_400_000; time += TEN_MINUTES) {
    lines.push(JSON.stringify({ ts: new Date(time).toISOString(), namespace: 'shop', pod, container: 'web', cpu: '200m', memory: '300Mi' }));
  }
  return lines;
}

const run = (...args: string[]): Promise<Captured> => runCaptured(suggestCommand, args);

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          resources: {requests: {cpu: "1", memory: 1Gi}}
`;

describe('kube-workbench suggest', () => {
  it('golden: 8 days of steady 200m / 300Mi give a target within 10% of 230m / 345Mi, as JSON', async () => {
    const usage = file('steady.jsonl', `${steadyLines().join('\n')}\n`);
    const result = await run('--usage', usage, '--manifest', file('web.yaml', manifest), '--format', 'json');
    assert.equal(result.code, ExitCode.ok, result.stderr);
    assert.equal(result.stderr, '');
    const output = JSON.parse(result.stdout) as { recommendations: { workload: string; target: { cpu: string; memory: string }; current: unknown }[] };
    const [entry] = output.recommendations;
    assert.equal(output.recommendations.length, 1);
    assert.equal(entry?.workload, 'web');
    const cpuMilli = Number(entry?.target.cpu.replace(/m$/, ''));
    const memoryMi = Number(entry?.target.memory.replace(/Mi$/, ''));
    assert.ok(Math.abs(cpuMilli / 230 - 1) <= 0.1, entry?.target.cpu);
    assert.ok(Math.abs(memoryMi / 345 - 1) <= 0.1, entry?.target.memory);
    assert.deepEqual(entry?.current, { cpu: '1', memory: '1Gi' });
  });

  it('reports bad lines with their line numbers on stderr and still uses the rest', async () => {
    const lines = steadyLines();
    lines.splice(2, 0, 'not json at all', JSON.stringify({ ts: '2026-11-12T00:25:00Z', namespace: 'shop', pod: 'web-7d9f8c6b5d-x2k4p', container: 'web', cpu: '500mb' }));
    const result = await run('--usage', file('bad.jsonl', lines.join('\n')));
    assert.equal(result.code, ExitCode.ok);
    assert.match(result.stderr, /bad\.jsonl:3: skipped: not JSON\n/);
    assert.match(result.stderr, /bad\.jsonl:4: skipped: "cpu" is not a quantity: "500mb"\n/);
    assert.match(result.stdout, /^NAMESPACE\s+WORKLOAD\s+CONTAINER\s+TARGET \(CPU \/ MEMORY\)/);
    assert.match(result.stdout, /\nshop\s+web\s+web\s+2\d\dm \/ 3\d\dMi/);
  });

  it('says "not enough data" for an empty history, never a zero request', async () => {
    const empty = await run('--usage', file('empty.jsonl', '\n\n'));
    assert.equal(empty.code, ExitCode.failure);
    assert.match(empty.stderr, /no usage samples: not enough data/);
    assert.equal(empty.stdout, '');
    // CPU only, no memory yet: the container is listed, without a request.
    const cpuOnly = file('cpu-only.jsonl', JSON.stringify({ ts: '2026-11-20T10:00:00Z', pod: 'job-x7k2p', container: 'run', cpu: '1' }));
    const result = await run('--usage', cpuOnly, '--format', 'json');
    const [entry] = (JSON.parse(result.stdout) as { recommendations: Record<string, unknown>[] }).recommendations;
    assert.deepEqual(entry, { namespace: 'default', workload: 'job', container: 'run', status: 'not enough data', target: null, lowerBound: null, upperBound: null, current: null, explanation: null });
    const table = await run('--usage', cpuOnly);
    assert.match(table.stdout, /default\s+job\s+run\s+not enough data/);
  });

  it('leaves out samples outside the 8 days before --now', async () => {
    const result = await run('--usage', file('window.jsonl', steadyLines().join('\n')), '--now', '2026-11-15T00:00:00Z', '--format', 'json');
    assert.equal(result.code, ExitCode.ok);
    assert.match(result.stderr, /\d+ sample\(s\) outside the 8 days before 2026-11-15T00:00:00.000Z left out/);
  });

  it('bumps memory after OOM kills', async () => {
    const lines = steadyLines();
    lines.push(JSON.stringify({ ts: '2026-11-20T00:05:00Z', namespace: 'shop', pod: 'web-7d9f8c6b5d-x2k4p', container: 'web', memory: '300Mi', oom: true }));
    const result = await run('--usage', file('oom.jsonl', lines.join('\n')), '--format', 'json');
    const [entry] = (JSON.parse(result.stdout) as { recommendations: { upperBound: { memory: string }; explanation: { oomKills: { count: number }; reasons: string[] } }[] }).recommendations;
    // 300Mi + 100Mi bump, plus the margin, lands above 400Mi at the upper bound.
    assert.ok(Number(entry?.upperBound.memory.replace(/Mi$/, '')) > 400, entry?.upperBound.memory);
    assert.equal(entry?.explanation.oomKills.count, 1, 'the explanation names the kill');
    assert.equal(entry?.explanation.reasons.length, 2);
  });

  it("takes the editor's minimums and margin as flags: a 1000m pod minimum sets the target, a 0 margin leaves usage bare", async () => {
    const usage = file('flags.jsonl', `${steadyLines().join('\n')}\n`);
    const target = async (...flags: string[]) => {
      const result = await run('--usage', usage, '--format', 'json', ...flags);
      assert.equal(result.code, ExitCode.ok, result.stderr);
      return (JSON.parse(result.stdout) as { recommendations: { target: { cpu: string; memory: string } }[] }).recommendations[0]?.target;
    };
    const defaults = await target();
    assert.equal((await target('--pod-min-cpu-millicores', '1000', '--pod-min-memory-mib', '2048'))?.cpu, '1');
    assert.equal((await target('--pod-min-memory-mib', '2048'))?.memory, '2Gi');
    const bare = await target('--margin-fraction', '0');
    assert.ok(Number(bare?.cpu.replace(/m$/, '')) < Number(defaults?.cpu.replace(/m$/, '')), `${bare?.cpu} < ${defaults?.cpu}`);
  });

  it('fails in one line with exit 2 for bad arguments and unreadable files', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--usage FILE or --prometheus URL is required/],
      [['--usage', 'x', '--format', 'xml'], /--format must be table or json, not 'xml'/],
      [['--usage', 'x', '--now', 'later'], /--now is not an ISO timestamp/],
      [['--usage', 'x', '--frobnicate'], /Unknown option '--frobnicate'/],
      [['--usage', 'x', '--margin-fraction', '11'], /--margin-fraction must be a number from 0 to 10, not '11'/],
      [['--usage', 'x', '--pod-min-cpu-millicores', '2.5'], /--pod-min-cpu-millicores must be a whole number from 0 to 64000/],
      [['--usage', join(folder, 'missing.jsonl')], /cannot read .*missing\.jsonl: ENOENT/],
      [['--usage', file('ok.jsonl', steadyLines().join('\n')), '--manifest', file('broken.yaml', 'a: [\n')], /broken\.yaml:2: not valid YAML: /],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      assert.equal(result.code, ExitCode.usage, args.join(' '));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^[^\n]+\n$/, 'one line');
    }
    assert.match((await run('--help')).stdout, /^Usage: kube-workbench suggest/);
  });

  it('reports the first bad lines of a usage file of a million and sums up the rest in one line', async () => {
    const path = file('bad.jsonl', `{not json\n${'[]\n'.repeat(999_999)}${steadyLines().join('\n')}`);
    const started = performance.now();
    const result = await run('--usage', path, '--format', 'json');
    assert.ok(performance.now() - started < 10_000, 'seconds');
    assert.equal(result.code, ExitCode.ok);
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 21);
    assert.equal(lines[0], `${path}:1: skipped: not JSON`);
    assert.equal(lines[1], `${path}:2: skipped: not a JSON object`);
    assert.equal(lines[20], `${path}: and 999,980 more bad lines skipped`);
  });

  it('skips a line too long to be a sample without buffering it, and a manifest over 5 MB is refused', async () => {
    const path = file('long.jsonl', `${'x'.repeat(3 * 1024 * 1024)}\n${steadyLines().join('\n')}`);
    const result = await run('--usage', path, '--format', 'json');
    assert.equal(result.code, ExitCode.ok);
    assert.equal(result.stderr, `${path}:1: skipped: longer than 64 KB\n`);
    const manifest = file('big.yaml', '#'.repeat(5 * 1024 * 1024 + 1));
    const big = await run('--usage', path, '--manifest', manifest);
    assert.equal(big.code, ExitCode.usage);
    assert.equal(big.stderr, `kube-workbench suggest: ${manifest}: larger than 5 MB\n`);
  });
});
