// UI checks of the running-pod loop and live objects, on the Deployment the Deploy Image check made
// (default/hello-web, port 8080): a terminal in its pod, a port forward in the Explorer, a live edit's
// diff; and a node's events. Each saves a README screenshot.
import type { Page } from 'playwright-core';
import { recordNodeWarning } from './node-warning.ts';
import { answer, openKubernetesContainer, pickFiltered, runFromPalette, toast, widenSidebar, type UiCheck, type UiCheckOptions } from './ui-check-steps.ts';

const simSettings = (options: UiCheckOptions): Record<string, unknown> => ({
  'kubeWorkbench.kubeconfig': options.simKubeconfig,
  // xterm's DOM renderer, so the terminal's text is in the page (WebGL draws it on a canvas).
  'terminal.integrated.gpuAcceleration': 'off',
});

/** Runs a command from the palette once the cluster is connected, answering default/hello-web. */
async function runOnHelloWeb(page: Page, title: string): Promise<void> {
  await openKubernetesContainer(page);
  await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: 'Workloads' }).first().waitFor({ timeout: 30_000 });
  await runFromPalette(page, title);
  await pickFiltered(page, 'default');
  await pickFiltered(page, 'hello-web');
}

export const podChecks: readonly UiCheck[] = [
  {
    name: "Open Terminal from the palette: a shell in hello-web's pod answers echo $HOSTNAME with the pod's name",
    settings: simSettings,
    async run(page, options) {
      await runOnHelloWeb(page, 'Kubernetes: Open Terminal');
      const screen = page.locator('.terminal-wrapper.active .xterm-rows');
      await screen.getByText(/[#$] $/).first().waitFor({ timeout: 30_000 });
      await page.keyboard.type('echo $HOSTNAME; ls /etc\n');
      await screen.getByText(/^hello-web-[a-z0-9]+-[a-z0-9]+$/).first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${options.screenshotDir}/pod-terminal.png` });
    },
  },
  {
    name: 'Port Forward… from the palette: the Port Forwards group lists the forward and the status bar counts it',
    settings: simSettings,
    async run(page, options) {
      await runOnHelloWeb(page, 'Kubernetes: Port Forward…');
      await answer(page, ': remote port');
      await answer(page, ': local port', '0');
      const rows = page.locator('.part.sidebar .monaco-list-row');
      await rows.filter({ hasText: 'Port Forwards' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: /127\.0\.0\.1:\d+ → 8080/ }).first().hover();
      await page.locator('.part.statusbar .statusbar-item:has(.codicon-plug)').filter({ hasText: /\b1\b/ }).waitFor({ timeout: 30_000 });
      await widenSidebar(page);
      await page.screenshot({ path: `${options.screenshotDir}/port-forwards.png` });
    },
  },
  {
    name: 'Edit Live Object: hello-web opens as YAML, a saved change shows live ↔ after save and asks before it is applied',
    settings: simSettings,
    async run(page, options) {
      await runOnHelloWeb(page, 'Kubernetes: Edit Live Object');
      // The Scale check left 3 replicas: the mouse double-clicks the number, as a user changes it (Monaco
      // shows spaces as no-break spaces, which \s matches).
      const replicas = page.locator('.monaco-editor .view-line').filter({ hasText: /^\s*replicas:\s3$/ });
      await replicas.getByText('3', { exact: true }).dblclick({ timeout: 30_000 });
      await page.keyboard.type('4');
      await page.keyboard.press('Control+S');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.getByText(/^Save Deployment default\/hello-web to context/).waitFor({ timeout: 30_000 });
      await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${options.screenshotDir}/live-edit-diff.png` });
      await dialog.locator('.monaco-button').filter({ hasText: /^Save$/ }).click();
      await toast(page, /^Saved Deployment default\/hello-web in context/);
      // Saved and clean: the next check's page, on the same workspace, restores no unsaved live edit.
      await page.locator('.tabs-container .tab.dirty').filter({ hasText: 'hello-web.yaml' }).waitFor({ state: 'detached', timeout: 30_000 });
      await runFromPalette(page, 'View: Close All Editors');
      // Closed before the page goes: a live diff still open could be restored by the next check's page.
      await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: 30_000 });
    },
  },
  {
    name: "a node's Warning event: the node row counts it, its Events child lists it with its count and message",
    settings: simSettings,
    async run(page, options) {
      const node = await recordNodeWarning(options.simKubeconfig);
      await openKubernetesContainer(page);
      const rows = page.locator('.part.sidebar .monaco-list-row');
      await rows.filter({ hasText: 'Nodes' }).first().waitFor({ timeout: 30_000 });
      await widenSidebar(page);
      await rows.filter({ hasText: 'Nodes' }).first().click();
      const nodeRow = rows.filter({ hasText: new RegExp(`^${node}.*1 warning`) }).first();
      await nodeRow.click({ timeout: 30_000 });
      await rows.filter({ hasText: /^Events/ }).first().click({ timeout: 30_000 });
      await rows.filter({ hasText: /FreeDiskSpaceFailed\s*Warning · .* ×3 · Failed to garbage collect/ }).first().click({ timeout: 30_000 });
      await page.screenshot({ path: `${options.screenshotDir}/node-events.png` });
    },
  },
];
