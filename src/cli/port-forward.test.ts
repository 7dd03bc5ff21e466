import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accepts, deployEcho, ECHO_NAMESPACE, httpThrough, readyEchoPods } from '../sim/port-forward/echo-workload.ts';
import { readOnlyContextName } from '../sim/kubeconfig.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { call } from '../sim/test-helpers.ts';
import { ExitCode, runCli } from './main.ts';
import { parsePorts, parseTarget } from './port-forward-args.ts';
import { createPortForwardCommand } from './port-forward.ts';
import { runCaptured } from './run-captured.ts';

let sim: Sim;
before(async () => {
  sim = await startSim({ nodes: 2, log: () => undefined });
  await deployEcho(sim);
});
after(() => sim.close());

const getText = async (port: number): Promise<string> => (await httpThrough(port)).body.toString();

/** A running `port-forward` whose output can be awaited line by line, stopped like Ctrl+C. */
function startCli(args: readonly string[]): { line: (pattern: RegExp) => Promise<RegExpExecArray>; stop: () => Promise<number>; stderr: () => string } {
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let stdout = '';
  let stderr = '';
  const waiting = new Set<() => void>();
  const heard = (): void => {
    for (const check of waiting) check();
  };
  const code = runCli(['port-forward', ...args], { stdout: (text) => ((stdout += text), heard()), stderr: (text) => ((stderr += text), heard()) }, [createPortForwardCommand({ stopped: () => stopped })]);
  void code.then(heard);
  return {
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const match = pattern.exec(stdout);
          if (match === null) return;
          waiting.delete(check);
          resolve(match);
        };
        waiting.add(check);
        check();
        void code.then(() => {
          if (waiting.delete(check)) reject(new Error(`port-forward ended before ${String(pattern)}: ${stdout}${stderr}`));
        });
      }),
    stop: async () => {
      stop();
      return code;
    },
    stderr: () => stderr,
  };
}

describe('kube-workbench port-forward', () => {
  it('parses kubectl\'s targets and port pairs, refusing malformed ones', () => {
    assert.deepEqual(parseTarget('svc/echo', 'shop'), { kind: 'Service', namespace: 'shop', name: 'echo' });
    assert.deepEqual(parseTarget('web-0', 'shop'), { kind: 'Pod', namespace: 'shop', name: 'web-0' });
    assert.deepEqual(parseTarget('sts/db', 'shop'), { kind: 'StatefulSet', namespace: 'shop', name: 'db' });
    assert.deepEqual(parsePorts('8080:80'), { local: 8080, remote: 80 });
    assert.deepEqual(parsePorts(':http'), { local: 0, remote: 'http' });
    assert.deepEqual(parsePorts('5432'), { local: undefined, remote: 5432 });
    assert.throws(() => parseTarget('node/x', 'shop'), /cannot forward to 'node'/);
    assert.throws(() => parsePorts('1:2:3'), /not LOCAL:REMOTE/);
    assert.throws(() => parsePorts('8080:0'), /remote port 0 is out of range/);
  });

  it('exits 2 with one line for a malformed target', async () => {
    const result = await runCaptured(createPortForwardCommand({ stopped: () => Promise.resolve() }), ['cronjob/x', '80', '--kubeconfig', sim.kubeconfigPath]);
    assert.equal(result.code, ExitCode.usage);
    assert.match(result.stderr, /^kube-workbench port-forward: cannot forward to 'cronjob'/);
  });

  it('exits 1 naming the verb for the read-only user', async () => {
    const result = await runCaptured(createPortForwardCommand({ stopped: () => Promise.resolve() }), ['svc/echo', ':80', '--kubeconfig', sim.kubeconfigPath, '--context', readOnlyContextName]);
    assert.equal(result.code, ExitCode.failure);
    assert.match(result.stderr, /create pods\/portforward is forbidden/);
  });

  it('forwards a Deployment\'s named port, follows it to its next pod, and frees the port on Ctrl+C', async () => {
    const cli = startCli(['deploy/echo', ':http', '--kubeconfig', sim.kubeconfigPath, '--namespace', ECHO_NAMESPACE]);
    const [, portText = '', pod = ''] = await cli.line(/^Forwarding from 127\.0\.0\.1:(\d+) -> deployment\/echo in default \(pod (\S+) port \d+\)$/m);
    const port = Number(portText);
    assert.match(await getText(port), new RegExp(pod));
    assert.equal((await call(sim, `/api/v1/namespaces/${ECHO_NAMESPACE}/pods/${pod}`, { method: 'DELETE' })).status, 200);
    const [, next = ''] = await cli.line(/^Forwarding to pod (\S+) port \d+$/m);
    assert.notEqual(next, pod);
    assert.deepEqual(await readyEchoPods(sim), [next]);
    assert.match(await getText(port), new RegExp(next));
    assert.match(cli.stderr(), new RegExp(`pod ${pod} stopped serving`));
    assert.equal(await cli.stop(), ExitCode.ok);
    assert.equal(await accepts(port), false);
  });
});
