import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { ExitCode, internalErrorLine, runCli, type Subcommand } from './main.ts';

const echo: Subcommand = {
  name: 'echo',
  summary: 'prints its arguments',
  run: async (args, io) => {
    io.stdout(`${args.join(' ')}\n`);
    return ExitCode.ok;
  },
};
const broken: Subcommand = {
  name: 'broken',
  summary: 'throws',
  run: async () => {
    throw new Error('disk on fire\nsecond line');
  },
};

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, [echo, broken]);
  return { code, stdout, stderr };
}

describe('kube-workbench CLI', () => {
  it('prints the version', async () => {
    const result = await run('--version');
    assert.equal(result.code, ExitCode.ok);
    assert.equal(result.stdout, `${packageJson.version}\n`);
    assert.equal(result.stderr, '');
  });

  it('prints usage for --help with exit 0', async () => {
    const result = await run('--help');
    assert.equal(result.code, ExitCode.ok);
    assert.match(result.stdout, /^Usage: kube-workbench <command>/m);
    assert.match(result.stdout, /^ {2}echo {4}prints its arguments$/m);
  });

  it('dispatches to a subcommand with the remaining arguments', async () => {
    const result = await run('echo', 'a', '--b');
    assert.equal(result.code, ExitCode.ok);
    assert.equal(result.stdout, 'a --b\n');
  });

  it('turns a subcommand that throws into one stderr line and exit 2', async () => {
    const result = await run('broken');
    assert.equal(result.code, ExitCode.usage);
    assert.equal(result.stderr, 'kube-workbench broken: disk on fire second line\n');
  });

  it('prints usage and exits 2 without arguments', async () => {
    const result = await run();
    assert.equal(result.code, ExitCode.usage);
    assert.match(result.stdout, /Usage:/);
  });

  it('rejects an unknown command on one stderr line with exit 2', async () => {
    const result = await run('frobnicate', '--now');
    assert.equal(result.code, ExitCode.usage);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, "kube-workbench: unknown command 'frobnicate' (see kube-workbench --help)\n");
  });

  it('makes stderr safe for the terminal and free of URL passwords, and so an internal error', async () => {
    const leaky: Subcommand = { name: 'leaky', summary: 'writes raw text', run: async (_args, io) => (io.stderr('see https://admin:hunter2@host:6443/api \x1b]0;owned\x07\n'), ExitCode.failure) };
    let stderr = '';
    await runCli(['leaky'], { stdout: () => undefined, stderr: (text) => (stderr += text) }, [leaky]);
    assert.equal(stderr, 'see https://host:6443/api \\x1B]0;owned\\x07\n');
    assert.equal(internalErrorLine(new Error('boom at https://u:p@h/x\n    at secret.ts:1')), 'kube-workbench: internal error: boom at https://h/x at secret.ts:1\n');
  });
});
