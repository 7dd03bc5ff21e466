// A few checks through Chromium that click what a user clicks, saving the README's screenshots.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { VscodeServer } from './vscode-server.ts';

export interface UiCheckOptions {
  readonly server: VscodeServer;
  readonly browser: Browser;
  readonly extensionPath: string;
  readonly workspace: string;
  readonly screenshotDir: string;
  /** Where a failed check's screenshot goes. */
  readonly failureDir: string;
  /** The kubeconfig of a simulated cluster the harness started for these checks. */
  readonly simKubeconfig: string;
}

export interface UiCheckResult {
  readonly name: string;
  readonly passed: boolean;
  readonly detail?: string;
}

interface UiCheck {
  readonly name: string;
  /** Workspace settings the check needs, written before its page opens. */
  settings?(options: UiCheckOptions): Record<string, unknown>;
  run(page: Page, options: UiCheckOptions): Promise<void>;
}

function openKubernetesContainer(page: Page): Promise<void> {
  return page.locator('.part.activitybar [role="tab"] .action-label[aria-label^="Kubernetes"]').click({ timeout: 30_000 });
}

/** Drags the sash right of the sidebar so a screenshot shows whole row descriptions. */
async function widenSidebar(page: Page): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box === null) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 720, y, { steps: 5 });
  await page.mouse.up();
}

/** Runs a command from the palette (F1), as a user types its title. */
async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Answers the input box or quick pick titled `title`: types `text` (or keeps its value) and presses Enter. */
async function answer(page: Page, title: string, text?: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
  if (text !== undefined) await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}

/** Opens the notification center (toasts hide by themselves) and waits for a notification. */
async function showNotification(page: Page, text: RegExp): Promise<void> {
  await runFromPalette(page, 'Notifications: Show Notifications');
  await page.locator('.notifications-center').getByText(text).waitFor({ timeout: 60_000 });
}

function writeWorkspaceSettings(workspace: string, extra: Record<string, unknown>): void {
  const path = `${workspace}/.vscode/settings.json`;
  const settings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...settings, ...extra }, null, 2));
}

const checks: readonly UiCheck[] = [
  {
    name: 'the Kubernetes container opens from the activity bar and shows the welcome view',
    async run(page, options) {
      await openKubernetesContainer(page);
      const sidebar = page.locator('.part.sidebar');
      await sidebar.getByText('No cluster is connected.').waitFor({ timeout: 20_000 });
      await sidebar.locator('.welcome-view-content').getByRole('button', { name: 'Open kubeconfig' }).waitFor();
      await page.screenshot({ path: `${options.screenshotDir}/explorer-welcome.png` });
    },
  },
  {
    name: 'the Explorer shows the simulated cluster: context, nodes with health, pods on a node',
    settings: (options) => ({ 'kubeWorkbench.kubeconfig': options.simKubeconfig }),
    async run(page, options) {
      await openKubernetesContainer(page);
      const rows = page.locator('.part.sidebar .monaco-list-row');
      await rows.filter({ hasText: 'Nodes' }).first().click({ timeout: 30_000 });
      await rows.filter({ hasText: /Ready · \d+\/110 pods/ }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: /Ready · \d+\/110 pods/ }).first().click();
      await rows.filter({ hasText: /Running · \d\/\d ready/ }).first().waitFor({ timeout: 30_000 });
      await widenSidebar(page);
      await page.screenshot({ path: `${options.screenshotDir}/explorer-sim.png` });
    },
  },
  {
    name: 'a manifest shows its findings in the Problems panel and offers quick fixes',
    async run(page, options) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('manifests/web.yaml');
      await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'latest-tag' }).first().waitFor({ timeout: 30_000 });
      // The image line (19): place the cursor on nginx:latest and open the quick fixes.
      await page.locator('.monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(':19:22');
      await page.keyboard.press('Enter');
      await page.locator('.lightBulbWidget').click({ timeout: 30_000 });
      await page.locator('.action-widget').getByText('Pin the image tag').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${options.screenshotDir}/problems-quickfix.png` });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'Deploy Image from the palette: questions answered, the preview confirmed, the rollout followed until ready',
    settings: (options) => ({ 'kubeWorkbench.kubeconfig': options.simKubeconfig }),
    async run(page, options) {
      await openKubernetesContainer(page);
      await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Workloads' }).first().waitFor({ timeout: 30_000 });
      await runFromPalette(page, 'Kubernetes: Deploy Image…');
      await answer(page, 'Deploy image: image', 'nginx:1.27.3');
      await answer(page, 'Deploy image: name', 'hello-web');
      await answer(page, 'Deploy image: namespace', 'default');
      await answer(page, 'Deploy image: replicas', '2');
      await answer(page, 'Deploy image: port', '8080');
      await answer(page, 'Deploy image: CPU request');
      await answer(page, 'Deploy image: memory request');
      await page.locator('.monaco-dialog-box .monaco-button').filter({ hasText: /^Deploy$/ }).click({ timeout: 30_000 });
      await showNotification(page, /default\/hello-web is running: 2\/2 ready/);
      await page.screenshot({ path: `${options.screenshotDir}/deploy-image.png` });
    },
  },
  {
    name: 'Run Task from the palette: a Job whose pods\' logs stream into its output channel until Complete',
    settings: (options) => ({ 'kubeWorkbench.kubeconfig': options.simKubeconfig }),
    async run(page, options) {
      await openKubernetesContainer(page);
      await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Workloads' }).first().waitFor({ timeout: 30_000 });
      await runFromPalette(page, 'Kubernetes: Run Task (Job)…');
      await answer(page, 'Run task: image', 'busybox:1.36');
      await answer(page, 'Run task: name', 'greet');
      await answer(page, 'Run task: namespace', 'default');
      await answer(page, 'Run task: command', 'sh -c "echo hello from the task; sleep 3"');
      await answer(page, 'Run task: completions', '2');
      await answer(page, 'Run task: parallelism');
      await answer(page, 'Run task: retries');
      await answer(page, 'Run task: deadline');
      await page.locator('.part.panel').getByText('[kube-workbench] Complete: 2 succeeded').waitFor({ timeout: 60_000 });
      await showNotification(page, /default\/greet completed: 2 succeeded/);
      await page.screenshot({ path: `${options.screenshotDir}/run-task.png` });
    },
  },
];

export async function runUiChecks(options: UiCheckOptions): Promise<UiCheckResult[]> {
  const results: UiCheckResult[] = [];
  for (const check of checks) {
    if (check.settings) writeWorkspaceSettings(options.workspace, check.settings(options));
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
      await page.screenshot({ path: `${options.failureDir}/ui-check-${results.length + 1}.png` }).catch(() => undefined);
      results.push({ name: check.name, passed: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    } finally {
      await context.close();
    }
  }
  return results;
}
