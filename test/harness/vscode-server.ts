// Starts VS Code's server build on a free loopback port with private data, log and temp folders,
// and stops it with its whole process group.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { serverMain, serverNode } from './tools.ts';

export interface VscodeServer {
  readonly port: number;
  readonly origin: string;
  /** A URL that opens `folder` with the given payload entries (see RUNTIME.md). */
  workbenchUrl(folder: string, payload: readonly (readonly [string, string])[]): string;
  /** `vscode-remote://` form of a path on this machine, for payload entries. */
  remoteUri(path: string): string;
  /** Everything the server printed, for failure reports. */
  output(): string;
  stop(): void;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  /** Smoke-test driver: lets the payload carry extensionTestsPath. Off for the demo. */
  readonly testDriver: boolean;
  /** Workspace trust on (folders open in Restricted Mode until trusted); off unless a run is about it. */
  readonly workspaceTrust?: boolean;
  /**
   * A packaged extension to install into the server's own extensions folder first, as a user gets it
   * (the demo and the UI checks); test runs load the sources through extensionDevelopmentPath instead.
   */
  readonly vsix?: string;
  /**
   * Unpacked extension folders (test stand-ins) to put into the server's extensions folder, where it
   * finds them on start as installed: the web workbench loads only one extensionDevelopmentPath.
   */
  readonly installedFolders?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly startTimeoutMs?: number;
}

export async function startVscodeServer(options: ServerOptions): Promise<VscodeServer> {
  const port = await freeLoopbackPort();
  const scratch = mkdtempSync(`${tmpdir()}/kwb-vscode-`);
  // Before any install: the first scan of a folder without extensions.json takes in what is there.
  for (const folder of options.installedFolders ?? []) cpSync(folder, `${scratch}/extensions/${basename(folder)}`, { recursive: true });
  const common = ['--accept-server-license-terms', '--server-data-dir', `${scratch}/data`, '--extensions-dir', `${scratch}/extensions`];
  if (options.vsix !== undefined) {
    // The server's own CLI installs it, as `code --install-extension` would, and exits.
    await promisify(execFile)(serverNode, [serverMain, ...common, '--install-extension', options.vsix], { env: { ...process.env, TMPDIR: scratch } });
  }
  const args = [
    serverMain,
    ...['--host', '127.0.0.1', '--port', String(port)],
    '--without-connection-token',
    ...common,
    '--disable-telemetry',
    ...(options.workspaceTrust === true ? [] : ['--disable-workspace-trust']),
    '--skip-getting-started',
    ...['--logsPath', `${scratch}/logs`],
    ...(options.testDriver ? ['--enable-smoke-test-driver'] : []),
  ];
  // detached: the server gets its own process group, so stop() also ends its extension hosts.
  const child = spawn(serverNode, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env, TMPDIR: scratch },
  });
  let log = '';
  const stop = (): void => {
    killGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', stop);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start:\n${log}`)), options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes('Extension host agent listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited with ${code}:\n${log}`));
    });
  }).catch((error: unknown) => {
    stop();
    throw error;
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    workbenchUrl: (folder, payload) =>
      `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    output: () => log,
    stop,
  };
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone: nothing left to stop.
  }
}
