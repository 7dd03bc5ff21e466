import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readTar } from '../../core/archive/tar-reader.ts';
import { writeTar } from '../../core/archive/tar-writer.ts';
import { ContainerFs } from './container-fs.ts';
import { InputQueue } from './input-queue.ts';
import type { ShellContext } from './shell-context.ts';
import { interactive, Interrupter, runScript } from './shell.ts';
import { TtyDiscipline } from './tty-discipline.ts';

interface Run {
  readonly status: number;
  readonly out: string;
  readonly err: string;
  readonly bytes: Uint8Array;
}

function contextFor(fs: ContainerFs, stdin = new InputQueue()): { context: ShellContext; read: () => Omit<Run, 'status'> } {
  const out: Uint8Array[] = [];
  let err = '';
  const encode = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
  const context: ShellContext = {
    fs,
    env: new Map([['HOME', '/root'], ['HOSTNAME', 'pod-1'], ['PATH', '/bin']]),
    cwd: '/',
    stdin,
    out: (data) => void out.push(encode(data)),
    err: (data) => void (err += new TextDecoder().decode(encode(data))),
    signal: new AbortController().signal,
    processes: () => ['nginx', 'ps'],
    run: (line) => runScript(line, context, { name: 'sh', lastStatus: 0 }),
  };
  const read = (): Omit<Run, 'status'> => {
    const bytes = new Uint8Array(out.reduce((sum, chunk) => sum + chunk.length, 0));
    out.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.length), 0);
    return { out: new TextDecoder().decode(bytes), err, bytes };
  };
  return { context, read };
}

function newFs(): ContainerFs {
  const fs = new ContainerFs(1024 * 1024, () => 0);
  fs.makeFolder('/tmp');
  fs.makeFolder('/root');
  return fs;
}

async function sh(script: string, fs = newFs(), stdin?: InputQueue): Promise<Run> {
  const { context, read } = contextFor(fs, stdin);
  const status = await runScript(script, context, { name: 'sh', lastStatus: 0 });
  return { status, ...read() };
}

describe('the simulated shell', () => {
  it('expands variables but not in single quotes, joins with ; && ||, and stops at exit', async () => {
    const run = await sh(`X=one; echo "$X" '$X' \${X}s $? ~; false && echo no || echo yes; exit 7; echo never`);
    assert.equal(run.out, 'one $X ones 0 /root\nyes\n');
    assert.equal(run.status, 7);
  });

  it('redirects to files, cds, and reports errors as busybox does', async () => {
    const run = await sh('cd /tmp && echo a > f && echo b >> f && cat f && pwd; cat /missing; cd /nowhere; nosuch');
    assert.equal(run.out, 'a\nb\n/tmp\n');
    assert.equal(run.err, "cat: can't open '/missing': No such file or directory\ncd: can't cd to /nowhere: No such file or directory\nsh: nosuch: not found\n");
    assert.equal(run.status, 127);
    assert.equal((await sh('echo "unterminated')).err, 'sh: syntax error: unterminated quoted string\n');
  });

  it('test, mkdir, rm and ls', async () => {
    const run = await sh('mkdir -p /a/b && test -d /a/b && echo dir; [ -f /a/b ] || echo notfile; echo x > /a/f; ls /a; rm -r /a; ls /a');
    assert.equal(run.out, 'dir\nnotfile\nb\nf\n');
    assert.match(run.err, /ls: \/a: No such file or directory/);
  });

  it('tar cf - writes an archive of a folder and tar xf - -C reads one, skipping .. members', async () => {
    const fs = newFs();
    await sh('mkdir -p /data/sub && echo one > /data/a && echo two > /data/sub/b', fs);
    const created = await sh('tar cf - /data', fs);
    assert.equal(created.err, "tar: Removing leading `/' from member names\n");
    const read = readTar(created.bytes);
    assert.ok(read.ok);
    assert.deepEqual(read.value.map((entry) => entry.path).sort(), ['data/', 'data/a', 'data/sub/', 'data/sub/b']);
    const stdin = new InputQueue();
    stdin.push(writeTar([...read.value, { path: '../escape', type: 'file', mode: 0o644, mtime: 0, data: new Uint8Array([1]), linkName: '' }]));
    stdin.end();
    const extracted = await sh('tar -xmf - -C /tmp', fs, stdin);
    assert.equal(extracted.status, 2);
    assert.match(extracted.err, /\.\.\/escape: Member name contains '\.\.'/);
    assert.equal((await sh('cat /tmp/data/sub/b; ls /', fs)).out, 'two\ndata\nroot\ntmp\n');
  });

  it('runs interactively with a prompt, the TTY echoing, editing and interrupting', async () => {
    const stdin = new InputQueue();
    const { context, read } = contextFor(newFs(), stdin);
    const interrupter = new Interrupter();
    let echoed = '';
    const tty = new TtyDiscipline(stdin, { echo: (text) => (echoed += text), interrupt: () => interrupter.interrupt() });
    const done = interactive(context, { name: 'sh', lastStatus: 0 }, true, interrupter);
    tty.receive('echo hix\x7f\r');
    tty.receive('sleep 100\r');
    await new Promise((resolve) => setImmediate(resolve));
    tty.receive('\x03');
    tty.receive('exit 5\r');
    assert.equal(await done, 5);
    assert.equal(read().out, '/ # hi\n/ # / # ');
    assert.equal(echoed, 'echo hix\b \b\r\nsleep 100\r\n^C\r\nexit 5\r\n');
  });
});
