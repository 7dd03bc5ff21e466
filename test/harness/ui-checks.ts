// A few checks through Chromium that click what a user clicks, saving the README's screenshots. They
// run the extension as a user gets it: installed from the .vsix into a server without the smoke-test
// driver (whose mode hides notification toasts), so what they see is what a user sees.
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeOversizedManifest } from './oversized-manifest.ts';
import { podChecks } from './ui-checks-pods.ts';
import { answer, dragTopEdge, openFile, openKubernetesContainer, pickFiltered, runFromPalette, sortReportBy, toast, webview, widenSidebar, writeWorkspaceSettings, type UiCheck, type UiCheckOptions, type UiCheckResult } from './ui-check-steps.ts';

export type { UiCheckOptions, UiCheckResult } from './ui-check-steps.ts';

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

/**
 * Run last: its typing, though reverted, came back as an unsaved editor in a later check's page once in CI
 * (a backup removed too late), and took the focus the Edit Live Object check's Ctrl+S needed.
 */
const writingCheck: UiCheck = {
  name: 'writing a manifest: Ctrl+Space after `ima` in a container offers image and inserts it; replicas: shows its documentation on hover',
  viewport: { width: 1280, height: 860 },
  async run(page, options) {
    // A container with a name and no image yet, the cursor's line indented as its fields are.
    const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', '      app: api', '  template:', '    metadata:', '      labels:', '        app: api', '    spec:', '      containers:', '        - name: api', '          '];
    mkdirSync(`${options.workspace}/authoring`, { recursive: true });
    writeFileSync(`${options.workspace}/authoring/new-api.yaml`, lines.join('\n'));
    await openFile(page, 'authoring/new-api.yaml');
    await page.locator('.monaco-editor .view-line').filter({ hasText: 'name: api' }).last().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('ima');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: /^image/ }).first();
    await suggestion.waitFor({ timeout: 30_000 });
    // Ctrl+Space again opens the item's details: its type and documentation.
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-details').getByText(/Container image name/).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${options.screenshotDir}/completion.png` });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^\s{10}image:\s$/ }).waitFor({ timeout: 10_000 });
    // Monaco renders each token as a span: the mouse rests on the key's text, as a user's would.
    await page.locator('.monaco-editor .view-line span span').filter({ hasText: /^replicas$/ }).hover();
    await page.locator('.monaco-hover').getByText(/Number of desired pods/).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${options.screenshotDir}/field-hover.png` });
    // Left unsaved, the file would come back dirty in the next checks' pages (same workspace).
    await page.keyboard.press('Escape');
    await runFromPalette(page, 'File: Revert File');
    await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 10_000 });
  },
};

export async function runUiChecks(options: UiCheckOptions): Promise<UiCheckResult[]> {
  const results: UiCheckResult[] = [];
  // The pod checks use the Deployment the Deploy Image check creates.
  for (const check of [...checks, ...podChecks, writingCheck]) {
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
