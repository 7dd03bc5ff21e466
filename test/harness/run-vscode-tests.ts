// `npm run test:integration`: the extension's suites inside a real VS Code (the server build of the
// code-server package, driven by headless Chromium), then a UI smoke check that clicks what a user
// clicks. Installs the tools on first use, exits with the suites' result, always stops what it started.
// `--screenshots` writes the README's screenshots into media/ instead of out/screenshots/.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startSim } from '../../src/sim/sim.ts';
import { launchChromium } from './browser.ts';
import { runInExtensionHost } from './extension-host-run.ts';
import { REPORT_START } from './report-marker.ts';
import { ensureTools, repoRoot } from './tools.ts';
import { runUiChecks } from './ui-checks.ts';
import { startVscodeServer } from './vscode-server.ts';

const hardTimeoutMs = 10 * 60_000;
const screenshotDir = process.argv.includes('--screenshots') ? `${repoRoot}/media` : `${repoRoot}/out/screenshots`;
const testsEntry = `${repoRoot}/out/test/integration/index.cjs`;

async function main(): Promise<number> {
  if (!existsSync(testsEntry) || !existsSync(`${repoRoot}/dist/extension.js`)) {
    console.error('integration: build first (npm run build)');
    return 2;
  }
  await ensureTools();
  const workspace = mkdtempSync(`${tmpdir()}/kwb-workspace-`);
  cpSync(`${repoRoot}/test/fixtures/workspace`, workspace, { recursive: true });
  // Hermetic: the user's own ~/.kube/config must not leak into the tests.
  const server = await startVscodeServer({ testDriver: true, env: { KUBECONFIG: `${workspace}/.kube/absent` } });
  const browser = await launchChromium();
  try {
    const started = Date.now();
    const hostLog = `${repoRoot}/out/test-logs/extension-host.log`;
    mkdirSync(`${repoRoot}/out/test-logs`, { recursive: true });
    writeFileSync(hostLog, '');
    let reporting = false;
    const suites = await runInExtensionHost({
      server,
      browser,
      extensionPath: repoRoot,
      testsEntry,
      workspace,
      timeoutMs: hardTimeoutMs,
      failureScreenshot: `${repoRoot}/out/test-failures/integration.png`,
      onLog: (line) => {
        appendFileSync(hostLog, `${line}\n`);
        // Only the suites' report goes to the console; the workbench's own log stays in the file.
        if (line === REPORT_START) reporting = true;
        if (reporting && !/^\[[\w.-]+\]/.test(line)) console.log(line);
      },
    });
    console.log(`integration: extension host suites ${suites.exitCode === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (suites.exitCode !== 0) console.error(`integration: the workbench's log is in ${hostLog}`);
    if (suites.timedOut) console.error(`integration: no result within ${hardTimeoutMs / 1000} s\n${server.output()}`);
    mkdirSync(screenshotDir, { recursive: true });
    // A fresh copy: the suites above edited and saved files of theirs.
    const uiWorkspace = mkdtempSync(`${tmpdir()}/kwb-ui-workspace-`);
    cpSync(`${repoRoot}/test/fixtures/workspace`, uiWorkspace, { recursive: true });
    const sim = await startSim({ nodes: 12, pods: 150, seed: 5, log: () => undefined });
    mkdirSync(`${repoRoot}/out/test-failures`, { recursive: true });
    const ui = await runUiChecks({
      server,
      browser,
      extensionPath: repoRoot,
      workspace: uiWorkspace,
      screenshotDir,
      failureDir: `${repoRoot}/out/test-failures`,
      simKubeconfig: sim.kubeconfigPath,
      simPrometheusUrl: sim.prometheusUrl,
    }).finally(() => {
      rmSync(uiWorkspace, { recursive: true, force: true });
      return sim.close();
    });
    for (const check of ui) console.log(`ui: ${check.passed ? 'ok' : 'FAILED'} ${check.name}${check.detail ? ` (${check.detail})` : ''}`);
    const uiFailed = ui.filter((check) => !check.passed).length;
    console.log(`ui: ${ui.length - uiFailed} passed, ${uiFailed} failed`);
    return suites.exitCode === 0 && uiFailed === 0 ? 0 : 1;
  } finally {
    await browser.close();
    server.stop();
    rmSync(workspace, { recursive: true, force: true });
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
