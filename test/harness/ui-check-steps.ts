// What the UI checks share: their options and results, and the steps a user takes (open the
// Kubernetes container, run a command from the palette, answer its questions, wait for a toast).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
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

export interface UiCheck {
  readonly name: string;
  /** Workspace settings the check needs, written before its page opens. */
  settings?(options: UiCheckOptions): Record<string, unknown>;
  /** The page's size when 1280×800 would cut off what the screenshot is for. */
  readonly viewport?: { readonly width: number; readonly height: number };
  run(page: Page, options: UiCheckOptions): Promise<void>;
}

export function openKubernetesContainer(page: Page): Promise<void> {
  return page.locator('.part.activitybar [role="tab"] .action-label[aria-label^="Kubernetes"]').click({ timeout: 30_000 });
}

/** Drags the sash right of the sidebar so a screenshot shows whole row descriptions. */
export async function widenSidebar(page: Page): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (box === null) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + 720, y, { steps: 5 });
  await page.mouse.up();
}

/** Drags an element's top edge up by `pixels`, as a user resizes a hover. */
export async function dragTopEdge(page: Page, element: Locator, pixels: number): Promise<void> {
  const box = await element.boundingBox();
  if (box === null) throw new Error('nothing to resize: the element is not shown');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 1);
  await page.mouse.down();
  await page.mouse.move(x, box.y + 1 - pixels, { steps: 5 });
  await page.mouse.up();
}

/** Runs a command from the palette (F1), as a user types its title. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a user types its path. */
export async function openFile(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(path);
  // Recently opened editors are listed before the file search answers: wait for the file's own row.
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: path.split('/').pop() }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Answers the input box or quick pick titled `title`: types `text` (or keeps its value) and presses Enter. */
export async function answer(page: Page, title: string, text?: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: title }).waitFor({ timeout: 30_000 });
  if (text !== undefined) await page.locator('.quick-input-widget input').fill(text);
  await page.keyboard.press('Enter');
}

/** Types `text` into the open quick pick and takes the first item it leaves. */
export async function pickFiltered(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-widget input').fill(text);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** Waits for a notification toast, as it pops up in the corner for a user. */
export async function toast(page: Page, text: RegExp): Promise<void> {
  await page.locator('.notifications-toasts .notification-toast').getByText(text).waitFor({ timeout: 60_000 });
}

/** The page inside the open webview: VS Code nests it in a frame within the editor's frame. */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * Clicks a column header of the right-sizing table and checks that the rows now follow `direction`
 * by that column, as the table shows it (`cells` picks the column's texts, `compare` orders two of
 * them ascending).
 */
export async function sortReportBy(frame: FrameLocator, title: string, direction: 'ascending' | 'descending', cells: string, compare: (a: string, b: string) => number): Promise<void> {
  const header = frame.locator('#report th[data-column]').filter({ hasText: new RegExp(`^${title}$`) });
  await header.click();
  await frame.locator(`#report th[aria-sort="${direction}"]`).filter({ hasText: new RegExp(`^${title}$`) }).waitFor({ timeout: 10_000 });
  const texts = await frame.locator(cells).allTextContents();
  const misplaced = texts.findIndex((text, index) => index > 0 && compare(texts[index - 1]!, text) * (direction === 'ascending' ? 1 : -1) > 0);
  if (misplaced !== -1) throw new Error(`"${title}" ${direction}: row ${misplaced + 1} (${texts[misplaced]}) follows ${texts[misplaced - 1]}`);
}

export function writeWorkspaceSettings(workspace: string, extra: Record<string, unknown>): void {
  const path = `${workspace}/.vscode/settings.json`;
  const settings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  writeFileSync(path, JSON.stringify({ ...settings, ...extra }, null, 2));
}
