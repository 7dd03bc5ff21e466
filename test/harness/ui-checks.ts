// A few checks through Chromium that click what a user clicks, saving the README's screenshots.
import type { Browser, Page } from 'playwright-core';
import type { VscodeServer } from './vscode-server.ts';

export interface UiCheckOptions {
  readonly server: VscodeServer;
  readonly browser: Browser;
  readonly extensionPath: string;
  readonly workspace: string;
  readonly screenshotDir: string;
}

export interface UiCheckResult {
  readonly name: string;
  readonly passed: boolean;
  readonly detail?: string;
}

interface UiCheck {
  readonly name: string;
  run(page: Page, options: UiCheckOptions): Promise<void>;
}

const checks: readonly UiCheck[] = [
  {
    name: 'the Kubernetes container opens from the activity bar and shows the welcome view',
    async run(page, options) {
      await page.locator('.part.activitybar [role="tab"] .action-label[aria-label^="Kubernetes"]').click({ timeout: 30_000 });
      const sidebar = page.locator('.part.sidebar');
      await sidebar.getByText('No cluster is connected.').waitFor({ timeout: 20_000 });
      await sidebar.locator('.welcome-view-content').getByRole('button', { name: 'Open kubeconfig' }).waitFor();
      await page.screenshot({ path: `${options.screenshotDir}/explorer-welcome.png` });
    },
  },
];

export async function runUiChecks(options: UiCheckOptions): Promise<UiCheckResult[]> {
  const results: UiCheckResult[] = [];
  for (const check of checks) {
    const context = await options.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(
        options.server.workbenchUrl(options.workspace, [
          ['extensionDevelopmentPath', options.server.remoteUri(options.extensionPath)],
          ['skipWelcome', 'true'],
        ]),
      );
      await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await check.run(page, options);
      results.push({ name: check.name, passed: true });
    } catch (error) {
      await page.screenshot({ path: `${options.screenshotDir}/failed-${results.length}.png` }).catch(() => undefined);
      results.push({ name: check.name, passed: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    } finally {
      await context.close();
    }
  }
  return results;
}
