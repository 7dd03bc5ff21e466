import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import { readOnlyContextName } from '../../sim/kubeconfig.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { createPods } from '../../sim/streams/exec-pods.ts';
import { okValue, errorOf } from '../../sim/test-helpers.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import { startShell } from './exec-shell.ts';
import { startAttach, startExec, type ExecTarget, type StreamOptions, type StreamSession } from './exec.ts';

const context = 'kube-workbench-sim';
let sim: Sim;
const config = (name = context): KubeConfig => okValue(loadKubeconfig([sim.kubeconfigPath])).forContext(name);
const target = (pod: string, container = 'main'): ExecTarget => ({ context, namespace: 'default', pod, container });

before(async () => {
  sim = await startSim({ nodes: 1, log: () => undefined });
  await createPods(sim, 'default', [
    { name: 'shell', image: 'nginx:1.27' },
    { name: 'small', image: 'alpine:3.20' },
    { name: 'stopped', image: 'does-not-exist:1' },
    { name: 'interactive', image: 'busybox:1.36', stdin: true },
    { name: 'bare', image: 'gcr.io/distroless/static:nonroot' },
  ]);
});
after(() => sim.close());

interface Collected {
  stdout: string;
  stderr: string;
}

function collecting(extra: Partial<StreamOptions> = {}): { options: StreamOptions; collected: Collected; until: (pattern: RegExp) => Promise<void> } {
  const collected: Collected = { stdout: '', stderr: '' };
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = (): void => {
    for (const waiter of waiters.splice(0)) {
      if (waiter.pattern.test(collected.stdout)) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  const options: StreamOptions = {
    tty: false,
    stdin: false,
    onStdout: (data) => {
      collected.stdout += data.toString('utf8');
      check();
    },
    onStderr: (data) => (collected.stderr += data.toString('utf8')),
    ...extra,
  };
  const until = (pattern: RegExp): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} in ${JSON.stringify(collected.stdout)}`)), 10_000);
      waiters.push({ pattern, resolve: () => (clearTimeout(timer), resolve()) });
      check();
    });
  return { options, collected, until };
}

describe('exec and attach streams against the sim', () => {
  it('carries stdin, stdout and stderr and ends with the exit code', async () => {
    const { options, collected } = collecting({ stdin: true });
    const session = okValue(await startExec(config(), target('shell'), ['sh', '-c', 'cat; ls /nope; exit 3'], options));
    session.write('hello from stdin\n');
    session.endInput();
    assert.deepEqual(await session.ended, { exitCode: 3 });
    assert.equal(collected.stdout, 'hello from stdin\n');
    assert.match(collected.stderr, /ls: \/nope: No such file or directory/);
  });

  it('exit code 0 and a command that needs no stdin', async () => {
    const { options, collected } = collecting();
    const session = okValue(await startExec(config(), target('shell'), ['hostname'], options));
    assert.deepEqual(await session.ended, { exitCode: 0 });
    assert.equal(collected.stdout, 'shell\n');
  });

  it('a TTY session echoes, sends its size and its resizes', async () => {
    const { options, collected, until } = collecting({ stdin: true, tty: true, size: { width: 120, height: 30 } });
    const session = okValue(await startExec(config(), target('shell'), ['sh'], options));
    // client-node sends the first size as the stream opens: type once the prompt shows, as a user does.
    await until(/# $/);
    session.write('echo size $COLUMNS x $LINES\r');
    await until(/size 120 x 30\r\n/);
    session.resize(100, 40);
    session.write('echo size $COLUMNS x $LINES\r');
    await until(/size 100 x 40\r\n/);
    session.write('exit 0\r');
    assert.deepEqual(await session.ended, { exitCode: 0 });
    assert.match(collected.stdout, /root@shell:~# |\/ # |root@shell:\/# /);
  });

  it('attaches to a container that keeps stdin open', async () => {
    const { options, until } = collecting({ stdin: true, tty: true });
    const session = okValue(await startAttach(config(), target('interactive'), options));
    session.write('echo attached to $HOSTNAME\r');
    await until(/attached to interactive/);
    session.dispose();
    assert.deepEqual(await session.ended, { closed: true });
    // A container without stdin: the attach stays open, silent, until closed.
    const quiet = okValue(await startAttach(config(), target('shell'), collecting().options));
    const first = await Promise.race([quiet.ended, new Promise((resolve) => setImmediate(() => resolve('open')))]);
    assert.equal(first, 'open');
    quiet.dispose();
    assert.deepEqual(await quiet.ended, { closed: true });
  });

  it('says when the image has no such shell, and sh works there', async () => {
    const { options } = collecting();
    const session = okValue(await startExec(config(), target('small'), ['bash'], options));
    const ended = await session.ended;
    assert.ok('error' in ended);
    assert.equal(ended.error.kind, 'notFound');
    assert.match(ended.error.message, /image of container "main" \(pod default\/small\) has no "bash"/);
    assert.deepEqual(await okValue(await startExec(config(), target('small'), ['sh', '-c', 'true'], collecting().options)).ended, { exitCode: 0 });
  });

  it('refusals say why: forbidden naming create pods/exec, an unknown container, a container not running', async () => {
    const forbidden = errorOf(await startExec(config(readOnlyContextName), target('shell'), ['sh'], collecting().options), 'a read-only exec');
    assert.equal(forbidden.kind, 'forbidden');
    assert.match(forbidden.message, /cannot create resource "pods\/exec"/);
    const unknown = errorOf(await startExec(config(), target('shell', 'nope'), ['sh'], collecting().options), 'an unknown container');
    assert.equal(unknown.kind, 'invalid');
    assert.match(unknown.message, /container nope is not valid for pod shell/);
    const stopped = errorOf(await startExec(config(), target('stopped'), ['sh'], collecting().options), 'a stopped container');
    assert.equal(stopped.kind, 'notFound');
    assert.match(stopped.message, /container "main" of pod default\/stopped is not running/);
  });

  it('says so when the cluster refuses WebSocket upgrades', async () => {
    const proxy = createServer((_request, response) => response.end());
    proxy.on('upgrade', (_request, socket) => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 17\r\n\r\nno upgrades here\n'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const plain = new KubeConfig();
      const port = (proxy.address() as AddressInfo).port;
      plain.loadFromOptions({ clusters: [{ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }], users: [{ name: 'u' }], contexts: [{ name: context, cluster: 'c', user: 'u' }], currentContext: context });
      const refused = errorOf(await startExec(plain, target('shell'), ['sh'], collecting().options), 'an exec through a proxy without WebSocket');
      assert.match(refused.message, /refused the WebSocket upgrade for exec \(HTTP 400\).*no upgrades here/);
    } finally {
      proxy.close();
    }
  });

  it('dispose and abort close the stream', async () => {
    const aborter = new AbortController();
    const sessions: StreamSession[] = [];
    for (const signal of [undefined, aborter.signal]) {
      const session = okValue(await startExec(config(), target('shell'), ['sleep', '600'], collecting({ ...(signal === undefined ? {} : { signal }) }).options));
      sessions.push(session);
    }
    sessions[0]?.dispose();
    aborter.abort();
    for (const session of sessions) assert.deepEqual(await session.ended, { closed: true });
  });

  it('opens a shell: bash when the image has it, else sh, else says there is none', async () => {
    for (const [pod, shell, prompt] of [['shell', 'bash', /root@shell:\/# $/], ['small', 'sh', /\/ # $/]] as const) {
      const { options, until } = collecting({ stdin: true, tty: true });
      const opened = okValue(await startShell(config(), target(pod), options));
      assert.equal(opened.shell, shell);
      await until(prompt);
      opened.session.write('exit 6\r');
      assert.deepEqual(await opened.session.ended, { exitCode: 6 });
    }
    const none = errorOf(await startShell(config(), target('bare'), collecting({ stdin: true, tty: true }).options), 'a shell in a distroless image');
    assert.match(none.message, /has no shell: tried bash, sh/);
  });
});
