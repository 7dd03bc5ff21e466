// `health` against broken kubeconfigs and servers (issue 12): one line and exit 2 every time, no
// stack trace, no credential in any output line, and a server that never answers costs the
// --timeout, not the process's life.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startSilentServer, type SilentServer } from '../cluster/silent-server.ts';
import { makeCertificates, type Certificates } from '../sim/certificates.ts';
import { startSim, type Sim } from '../sim/sim.ts';
import { healthCommand } from './health.ts';
import { ExitCode } from './main.ts';
import { runCaptured, type Captured } from './run-captured.ts';

const folder = mkdtempSync(join(tmpdir(), 'kwb-health-'));
let sim: Sim;
let certificates: Certificates;
let silent: SilentServer;
before(async () => {
  [sim, certificates] = await Promise.all([startSim({ nodes: 1, log: () => undefined }), makeCertificates()]);
  silent = await startSilentServer(certificates);
});
after(async () => {
  await Promise.all([sim.close(), silent.close()]);
  rmSync(folder, { recursive: true, force: true });
});

const health = (...args: string[]): Promise<Captured> => runCaptured(healthCommand, args);
const base64 = (text: string): string => Buffer.from(text).toString('base64');

/** A port nothing listens on: bound once, then closed. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `https://127.0.0.1:${port}`;
}

interface KubeconfigParts {
  readonly server: string;
  readonly caPem?: string;
  /** YAML of the user's fields, indented under `user:`. */
  readonly user?: string;
  /** The user the context names. */
  readonly contextUser?: string;
}

let files = 0;
function kubeconfig(parts: KubeconfigParts): string {
  files += 1;
  const path = join(folder, `kubeconfig-${files}`);
  writeFileSync(path, `apiVersion: v1
kind: Config
current-context: ctx
clusters:
- name: c
  cluster:
    server: "${parts.server}"
    certificate-authority-data: ${base64(parts.caPem ?? sim.caPem)}
users:
- name: u
  user:
${parts.user ?? `    token: ${sim.tokens.admin}`}
contexts:
- name: ctx
  context: {cluster: c, user: ${parts.contextUser ?? 'u'}}
`);
  return path;
}

function assertOneLine(result: Captured, message: RegExp): void {
  assert.equal(result.code, ExitCode.usage, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^kube-workbench health: [^\n]+\n$/);
  assert.match(result.stderr, message);
}

describe('kube-workbench health on broken inputs', () => {
  it('names an invalid server URL, without its password and without a stack trace', async () => {
    const result = await health('--kubeconfig', kubeconfig({ server: 'https://admin:hunter2@[bad' }));
    assertOneLine(result, /the server of context "ctx" is not a valid URL: https:\/\/\[bad\n$/);
  });

  it('names a missing --kubeconfig file instead of "no current context"', async () => {
    assertOneLine(await health('--kubeconfig', join(folder, 'nonexistent')), /no kubeconfig file: .*nonexistent does not exist/);
  });

  it('names the missing user a context refers to instead of a TLS failure', async () => {
    assertOneLine(await health('--kubeconfig', kubeconfig({ server: sim.url, contextUser: 'ghost' })), /context "ctx" names user "ghost", which no kubeconfig file defines/);
  });

  it('bounds --timeout: 1e400, 0 and -5 are usage errors naming the range', async () => {
    for (const value of ['1e400', '0', '-5', 'soon']) {
      assertOneLine(await health('--kubeconfig', sim.kubeconfigPath, `--timeout=${value}`), new RegExp(`--timeout must be a number from 1 to 3600, not '${value}'`));
    }
  });

  it('exits within about the timeout against a server that completes TLS and never answers, leaving nothing running', async () => {
    const path = kubeconfig({ server: silent.url, caPem: certificates.caPem });
    const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [new URL('../cli.ts', import.meta.url).pathname, 'health', '--kubeconfig', path, '--timeout', '1'], { timeout: 60_000 }, (_error, _stdout, stderr) =>
        resolve({ code: child.exitCode, stderr }),
      );
    });
    // Timed from the child's first connection, so Node's start and the client's load do not count.
    await silent.opened(1);
    const connected = performance.now();
    const { code, stderr } = await exited;
    const seconds = (performance.now() - connected) / 1000;
    assert.equal(stderr, 'kube-workbench health: context "ctx" did not answer within 1 s\n');
    assert.equal(code, ExitCode.usage);
    // The fault was 300 s: undici's wait for headers kept the process alive after the timeout.
    assert.ok(seconds < 5, `${seconds.toFixed(1)} s`);
  });

  it('shows no token, client key or URL password in any output line, whether the server refuses, stays silent or rejects the credentials', async () => {
    const markers = { password: 'kwbMARKpass1x', token: 'kwbMARKtoken2y', key: 'kwbMARKkey3z' };
    const withPassword = (url: string): string => url.replace('https://', `https://admin:${markers.password}@`);
    const users = [
      `    token: ${markers.token}`,
      `    client-certificate-data: ${base64(`-----BEGIN CERTIFICATE-----\n${markers.key}\n-----END CERTIFICATE-----\n`)}\n    client-key-data: ${base64(`-----BEGIN PRIVATE KEY-----\n${markers.key}\n-----END PRIVATE KEY-----\n`)}`,
    ];
    const servers = [
      { url: await refusingUrl(), caPem: sim.caPem },
      { url: silent.url, caPem: certificates.caPem },
      { url: sim.url, caPem: sim.caPem },
    ];
    for (const server of servers) {
      for (const user of users) {
        const result = await health('--kubeconfig', kubeconfig({ server: withPassword(server.url), caPem: server.caPem, user }), '--timeout', '1');
        assert.equal(result.code, ExitCode.usage, result.stderr);
        for (const line of `${result.stdout}${result.stderr}`.split('\n')) {
          for (const marker of Object.values(markers)) assert.ok(!line.includes(marker), `${marker} in: ${line}`);
        }
        assert.match(result.stderr, /^kube-workbench health: [^\n]+\n$/);
      }
    }
  });
});
