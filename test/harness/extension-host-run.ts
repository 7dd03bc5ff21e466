// Runs a test entry (a module exporting run(): Promise<void>) inside the real extension host of
// VS Code's server build, opened in headless Chromium, and reports its exit code and console output.
import { mkdirSync } from 'node:fs';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { VscodeServer } from './vscode-server.ts';

export interface HostRunOptions {
  readonly server: VscodeServer;
  readonly browser: Browser;
  readonly extensionPath: string;
  /** Absolute path of the compiled entry, e.g. out/test/integration/index.cjs. */
  readonly testsEntry: string;
  readonly workspace: string;
  /** A hard limit: a run that has not called codeAutomationExit by then fails. */
  readonly timeoutMs: number;
  /** Where to save a screenshot of the workbench when the run fails or times out. */
  readonly failureScreenshot: string;
  /** Each line the extension host logs, as it arrives. */
  readonly onLog: (line: string) => void;
}

export interface HostRunResult {
  readonly exitCode: number;
  readonly timedOut: boolean;
  readonly lines: readonly string[];
}

export async function runInExtensionHost(options: HostRunOptions): Promise<HostRunResult> {
  const { server, browser } = options;
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const lines: string[] = [];
  let settle: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationLog', (_level: string, args: unknown[]) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    lines.push(line);
    options.onLog(line);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
  try {
    await page.goto(
      server.workbenchUrl(options.workspace, [
        ['extensionDevelopmentPath', server.remoteUri(options.extensionPath)],
        ['extensionTestsPath', server.remoteUri(options.testsEntry)],
        ['skipWelcome', 'true'],
      ]),
    );
    const outcome = await Promise.race([exited, timeout]);
    const timedOut = outcome === 'timeout';
    const exitCode = timedOut ? 1 : outcome;
    if (exitCode !== 0) await saveScreenshot(page, options.failureScreenshot);
    return { exitCode, timedOut, lines };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

async function saveScreenshot(page: Page, path: string): Promise<void> {
  mkdirSync(path.replace(/\/[^/]*$/, ''), { recursive: true });
  await page.screenshot({ path }).catch((error: unknown) => console.error(`screenshot failed: ${String(error)}`));
  console.error(`screenshot of the failed run: ${path}`);
}
