// `npm run test:integration`: the extension's suites inside a real VS Code (the server build of the
// code-server package, driven by headless Chromium), then a UI smoke check that clicks what a user
// clicks. Installs the tools on first use, exits with the suites' result, always stops what it started.
// `--screenshots` writes the README's screenshots into media/ instead of out/screenshots/.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startSim } from '../../src/sim/sim.ts';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { runInExtensionHost } from './extension-host-run.ts';
import { REPORT_START } from './report-marker.ts';
import { writeRestrictedWorkspaceSettings } from './restricted-workspace.ts';
import { companionExtensions, ensureTools, repoRoot } from './tools.ts';
import { runUiChecks } from './ui-checks.ts';
import { startVscodeServer, type VscodeServer } from './vscode-server.ts';

const hardTimeoutMs = 10 * 60_000;
const screenshotDir = process.argv.includes('--screenshots') ? `${repoRoot}/media` : `${repoRoot}/out/screenshots`;
const testsEntry = `${repoRoot}/out/test/integration/index.cjs`;
const restrictedEntry = `${repoRoot}/out/test/restricted/index.cjs`;
const vsixPath = `${repoRoot}/dist/kube-workbench.vsix`;
const hostLog = `${repoRoot}/out/test-logs/extension-host.log`;
// Mocha's list of failures (its first 80 lines), said again at the very end: CI keeps the tail of a
// long output, and the UI checks print after the suites.
const failureRecap: string[] = [];

/** Runs a test entry in a workspace copied from the fixtures; the report goes to the console. */
async function runSuites(options: { label: string; server: VscodeServer; browser: Browser; entry: string; prepare?: (workspace: string) => void }): Promise<number> {
  const workspace = mkdtempSync(`${tmpdir()}/kwb-workspace-`);
  cpSync(`${repoRoot}/test/fixtures/workspace`, workspace, { recursive: true });
  options.prepare?.(workspace);
  const started = Date.now();
  let reporting = false;
  let recapping = false;
  try {
    const suites = await runInExtensionHost({
      server: options.server,
      browser: options.browser,
      extensionPath: repoRoot,
      testsEntry: options.entry,
      workspace,
      timeoutMs: hardTimeoutMs,
      failureScreenshot: `${repoRoot}/out/test-failures/${options.label}.png`,
      onLog: (line) => {
        appendFileSync(hostLog, `${line}\n`);
        // Only the suites' report goes to the console; the workbench's own log stays in the file.
        if (line === REPORT_START) reporting = true;
        if (!reporting || /^\[[\w.-]+\]/.test(line)) return;
        console.log(line);
        if (/^\s+\d+ failing$/.test(line)) recapping = true;
        if (recapping && failureRecap.length < 80) failureRecap.push(`${options.label}: ${line}`);
        if (/^\d+ passed, \d+ failed$/.test(line)) recapping = false;
      },
    });
    console.log(`integration: ${options.label} suites ${suites.exitCode === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (suites.exitCode !== 0) console.error(`integration: the workbench's log is in ${hostLog}`);
    if (suites.timedOut) console.error(`integration: no result within ${hardTimeoutMs / 1000} s\n${options.server.output()}`);
    return suites.exitCode;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (!existsSync(testsEntry) || !existsSync(vsixPath)) {
    console.error('integration: build and package first (npm run build && npm run package)');
    return 2;
  }
  await ensureTools();
  mkdirSync(`${repoRoot}/out/test-logs`, { recursive: true });
  writeFileSync(hostLog, '');
  // Hermetic: the user's own ~/.kube/config must not leak into the tests.
  const env = { KUBECONFIG: `${tmpdir()}/kwb-absent-kubeconfig` };
  const server = await startVscodeServer({ testDriver: true, env, installedFolders: companionExtensions });
  const browser = await launchChromium();
  try {
    const suitesCode = await runSuites({ label: 'extension host', server, browser, entry: testsEntry });
    // Workspace trust on, in a server of its own: the folder opens in Restricted Mode.
    const trustingServer = await startVscodeServer({ testDriver: true, env, workspaceTrust: true });
    const restrictedCode = await runSuites({ label: 'restricted mode', server: trustingServer, browser, entry: restrictedEntry, prepare: writeRestrictedWorkspaceSettings }).finally(() => trustingServer.stop());
    mkdirSync(screenshotDir, { recursive: true });
    // A fresh copy: the suites above edited and saved files of theirs.
    const uiWorkspace = mkdtempSync(`${tmpdir()}/kwb-ui-workspace-`);
    cpSync(`${repoRoot}/test/fixtures/workspace`, uiWorkspace, { recursive: true });
    const sim = await startSim({ nodes: 12, pods: 150, seed: 5, log: () => undefined });
    mkdirSync(`${repoRoot}/out/test-failures`, { recursive: true });
    // The UI checks see VS Code as a user gets it: the .vsix installed, no smoke-test driver.
    const userServer = await startVscodeServer({ testDriver: false, env, vsix: vsixPath });
    const ui = await runUiChecks({
      server: userServer,
      browser,
      workspace: uiWorkspace,
      screenshotDir,
      failureDir: `${repoRoot}/out/test-failures`,
      simKubeconfig: sim.kubeconfigPath,
      simPrometheusUrl: sim.prometheusUrl,
    }).finally(() => {
      userServer.stop();
      rmSync(uiWorkspace, { recursive: true, force: true });
      return sim.close();
    });
    for (const check of ui) console.log(`ui: ${check.passed ? 'ok' : 'FAILED'} ${check.name}${check.detail ? ` (${check.detail})` : ''}`);
    const uiFailed = ui.filter((check) => !check.passed).length;
    console.log(`ui: ${ui.length - uiFailed} passed, ${uiFailed} failed`);
    return suitesCode === 0 && restrictedCode === 0 && uiFailed === 0 ? 0 : 1;
  } finally {
    await browser.close();
    server.stop();
    if (failureRecap.length > 0) console.log(`\nfailed in the suites above:\n${failureRecap.join('\n')}`);
  }
}

const timer = setTimeout(() => {
  console.error(`integration: hard timeout after ${hardTimeoutMs / 1000 + 60} s`);
  process.exit(1);
}, hardTimeoutMs + 60_000);
main().then(
  (code) => {
    clearTimeout(timer);
    process.exitCode = code;
  },
  (error: unknown) => {
    clearTimeout(timer);
    console.error(`integration: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
