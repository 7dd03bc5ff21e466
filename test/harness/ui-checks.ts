// A few checks through Chromium that click what a user clicks, saving the README's screenshots. They
// run the extension as a user gets it: installed from the .vsix into a server without the smoke-test
// driver (whose mode hides notification toasts), so what they see is what a user sees.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { writeOversizedManifest } from './oversized-manifest.ts';
import type { VscodeServer } from './vscode-server.ts';

export interface UiCheckOptions {
  readonly server: VscodeServer;
  readonly browser: Browser;
  readonly workspace: string;
  readonly screenshotDir: string;
  /** Where a failed check's screenshot goes. */
  readonly failureDir: string;
  /** The kubeconfig of a simulated cluster the harness started for these checks. */
  readonly simKubeconfig: string;
  /** That cluster's Prometheus endpoint, the right-sizing report's usage history. */
  readonly simPrometheusUrl: string | undefined;
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
  /** The page's size when 1280×800 would cut off what the screenshot is for. */
  readonly viewport?: { readonly width: number; readonly height: number };
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

/** Drags an element's top edge up by `pixels`, as a user resizes a hover. */
async function dragTopEdge(page: Page, element: Locator, pixels: number): Promise<void> {
  const box = await element.boundingBox();
  if (box === null) throw new Error('nothing to resize: the element is not shown');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 1);
  await page.mouse.down();
  await page.mouse.move(x, box.y + 1 - pixels, { steps: 5 });
  await page.mouse.up();
}

/** Runs a command from the palette (F1), as a user types its title. */
async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user types its path. */
async function openFile(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(path);
  // Recently opened editors are listed before the file search answers: wait for the file's own row.
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: path.split('/').pop() }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Answers the input box or quick pick titled `title`: types `text` (or keeps its value) and presses Enter. */
async function answer(page: Page, title: string, text?: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
  if (text !== undefined) await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}

/** Types `text` into the open quick pick and takes the first item it leaves. */
async function pickFiltered(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-widget input').fill(text);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Waits for a notification toast, as it pops up in the corner for a user. */
async function toast(page: Page, text: RegExp): Promise<void> {
  await page.locator('.notifications-toasts .notification-toast').getByText(text).waitFor({ timeout: 60_000 });
}

/** The page inside the open webview: VS Code nests it in a frame within the editor's frame. */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * Clicks a column header of the right-sizing table and checks that the rows now follow `direction`
 * by that column, as the table shows it (`cells` picks the column's texts, `compare` orders two of
 * them ascending).
 */
async function sortReportBy(frame: FrameLocator, title: string, direction: 'ascending' | 'descending', cells: string, compare: (a: string, b: string) => number): Promise<void> {
  const header = frame.locator('#report th[data-column]').filter({ hasText: new RegExp(`^${title}$`) });
  await header.click();
  await frame.locator(`#report th[aria-sort="${direction}"]`).filter({ hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: 10_000 });
  const texts = await frame.locator(cells).allTextContents();
  const misplaced = texts.findIndex((text, index) => index > 0 && compare(texts[index - 1]!, text) * (direction === 'ascending' ? 1 : -1) > 0);
  if (misplaced !== -1) throw new Error(`"${title}" ${direction}: row ${misplaced + 1} (${texts[misplaced]}) follows ${texts[misplaced - 1]}`);
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
      await rows.filter({ hasText: /Ready · \d+ pods · cpu/ }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: /Ready · \d+ pods · cpu/ }).first().click();
      await rows.filter({ hasText: /Running · \d\/\d ready/ }).first().waitFor({ timeout: 30_000 });
      await widenSidebar(page);
      await page.screenshot({ path: `${options.screenshotDir}/explorer-sim.png` });
    },
  },
  {
    name: 'a manifest shows its findings in the Problems panel and offers quick fixes',
    async run(page, options) {
      await openFile(page, 'manifests/web.yaml');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'latest-tag' }).first().waitFor({ timeout: 30_000 });
      // Clicking the finding puts the cursor on nginx:latest (line 19), and the quick fixes open there.
      // (Going to the line with Ctrl+G raced the panel revealing its own selection.)
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'latest-tag' }).first().click();
      await page.locator('.monaco-editor .view-line').filter({ hasText: 'nginx:latest' }).getByText('nginx:latest').click();
      // Ctrl+. pressed while the editor still takes focus from the panel opens nothing: ask again, at most thrice.
      const fix = page.locator('.action-widget').getByText('Pin the image tag');
      for (let attempt = 1; ; attempt += 1) {
        await page.keyboard.press('Control+.');
        const shown = await fix.waitFor({ timeout: 10_000 }).then(() => true, () => false);
        if (shown) break;
        if (attempt === 3) throw new Error('the quick fixes of latest-tag did not open after three Ctrl+.');
        await page.keyboard.press('Escape');
      }
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
      await toast(page, /default\/hello-web is running: 2\/2 ready/);
      await page.screenshot({ path: `${options.screenshotDir}/deploy-image.png` });
    },
  },
  {
    name: 'Scale from the palette: the result pops up as a notification toast',
    settings: (options) => ({ 'kubeWorkbench.kubeconfig': options.simKubeconfig }),
    async run(page, options) {
      await openKubernetesContainer(page);
      await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Workloads' }).first().waitFor({ timeout: 30_000 });
      // The Deployment the Deploy Image check created: its namespace, then its name, then the count.
      await runFromPalette(page, 'Kubernetes: Scale');
      await pickFiltered(page, 'default');
      await pickFiltered(page, 'hello-web');
      await page.locator('.quick-input-widget input').fill('3');
      await page.keyboard.press('Enter');
      await toast(page, /Scaled Deployment default\/hello-web to 3 replicas/);
      await page.screenshot({ path: `${options.screenshotDir}/scale-toast.png` });
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
      await toast(page, /default\/greet completed: 2 succeeded/);
      await page.screenshot({ path: `${options.screenshotDir}/run-task.png` });
    },
  },
  {
    name: 'the right-sizing report beside the open sidebar: rows from the sim\'s Prometheus history, sorted by a header click, a row click reveals its workload',
    settings: (options) => ({ 'kubeWorkbench.kubeconfig': options.simKubeconfig, 'kubeWorkbench.allocator.prometheusUrl': options.simPrometheusUrl }),
    // About 760 px of editor beside the sidebar: the width the report is laid out for.
    viewport: { width: 1120, height: 820 },
    async run(page, options) {
      if (options.simPrometheusUrl === undefined) throw new Error('the simulated cluster serves no Prometheus endpoint');
      await openKubernetesContainer(page);
      await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Workloads' }).first().waitFor({ timeout: 30_000 });
      await runFromPalette(page, 'Kubernetes: Show Right-Sizing Report');
      const frame = webview(page);
      await frame.locator('#report tbody.entry svg.usage-chart').first().waitFor({ timeout: 60_000 });
      // Until a header is clicked the table puts the most capacity to free first.
      await frame.locator('#report th[aria-sort="descending"]').filter({ hasText: /^cores$/ }).waitFor();
      const names = '#report tbody.entry td.name :is(button.reveal, strong)';
      const workloads = await frame.locator(names).allTextContents();
      if (new Set(workloads).size < 2) throw new Error(`too few workloads to sort: ${workloads.join(', ')}`);
      await sortReportBy(frame, 'Workload', 'ascending', names, (a, b) => a.localeCompare(b));
      // The cells show a sign, with a typographic minus for capacity claimed.
      const cores = (a: string, b: string): number => Number(a.replace('−', '-')) - Number(b.replace('−', '-'));
      const freed = '#report tbody.entry tr.numbers td:nth-child(7)';
      await sortReportBy(frame, 'cores', 'ascending', freed, cores);
      await sortReportBy(frame, 'cores', 'descending', freed, cores);
      // A click on a row's name shows its workload in the Explorer, selected.
      const first = frame.locator('#report tbody.entry button.reveal').first();
      const name = await first.textContent();
      await first.click();
      await page.locator('.part.sidebar .monaco-list-row.selected .label-name').filter({ hasText: new RegExp(`^${name}$`) }).waitFor({ timeout: 20_000 });
      // Rest the mouse on the first chart so the screenshot shows a hovered strip.
      await frame.locator('#report tbody.entry svg.usage-chart').first().hover();
      await page.screenshot({ path: `${options.screenshotDir}/right-sizing-report.png` });
    },
  },
  {
    name: 'a manifest of a sim workload requesting far above its use: request-suggestion in Problems, the Right-sizing hover on resources:',
    settings: (options) => ({ 'kubeWorkbench.kubeconfig': options.simKubeconfig, 'kubeWorkbench.allocator.prometheusUrl': options.simPrometheusUrl }),
    viewport: { width: 1280, height: 1000 },
    async run(page, options) {
      if (options.simPrometheusUrl === undefined) throw new Error('the simulated cluster serves no Prometheus endpoint');
      const manifest = await writeOversizedManifest(options.simKubeconfig, options.workspace);
      // Suggestions come from a connected cluster only: the Explorer connects it.
      await openKubernetesContainer(page);
      await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Workloads' }).first().waitFor({ timeout: 30_000 });
      await runFromPalette(page, 'View: Close Primary Side Bar');
      await openFile(page, manifest);
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: /Observed usage suggests requests of cpu \d+m \(set: 4\), memory \d+Mi \(set: 8Gi\)/ }).first().waitFor({ timeout: 60_000 });
      // Monaco renders each token as a span: the mouse rests on the key's text, as a user's would.
      await page.locator('.monaco-editor .view-line span span').filter({ hasText: /^resources$/ }).hover();
      const hover = page.locator('.monaco-hover').filter({ hasText: 'Right-sizing' });
      await hover.locator('td').filter({ hasText: /^Target$/ }).waitFor({ timeout: 30_000 });
      // Two sparklines, CPU then memory: eight days of hourly values squeezed into block characters.
      const charts = await hover.locator('code').filter({ hasText: /^[▁▂▃▄▅▆▇█ ]+$/ }).allTextContents();
      if (charts.length !== 2 || !charts.every((chart) => /[▁▂▃▄▅▆▇█]{8}/.test(chart))) throw new Error(`expected CPU and memory sparklines, got ${JSON.stringify(charts)}`);
      // Monaco caps a hover at a quarter of the editor's height (at least 250 px) until the user resizes it;
      // this one is taller by its last two lines.
      await dragTopEdge(page, page.locator('.monaco-resizable-hover'), 160);
      await page.screenshot({ path: `${options.screenshotDir}/right-sizing-hover.png` });
    },
  },
];

export async function runUiChecks(options: UiCheckOptions): Promise<UiCheckResult[]> {
  const results: UiCheckResult[] = [];
  for (const check of checks) {
    if (check.settings) writeWorkspaceSettings(options.workspace, check.settings(options));
    const context = await options.browser.newContext({ viewport: check.viewport ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const started = Date.now();
    try {
      await page.goto(options.server.workbenchUrl(options.workspace, []));
      await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
      await check.run(page, options);
      results.push({ name: check.name, passed: true, detail: `${((Date.now() - started) / 1000).toFixed(1)} s` });
    } catch (error) {
      await page.screenshot({ path: `${options.failureDir}/ui-check-${results.length + 1}.png` }).catch(() => undefined);
      results.push({ name: check.name, passed: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    } finally {
      await context.close();
    }
  }
  return results;
}
