// Extension-host entry for the activation benchmark: times activate() of this extension and, as the
// baseline in the same host, of VS Code's own References view extension; prints one JSON line the runner reads.
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/vscode/ids.ts';
import { ACTIVATION_TIMING } from '../../harness/report-marker.ts';
// VS Code's References view: a built-in tree-view extension that only activates on its own commands,
// so nothing else wakes it before it is timed.
const BASELINE_ID = 'vscode.references-view';

async function timeActivation(id: string): Promise<number> {
  const extension = vscode.extensions.getExtension(id);
  if (extension === undefined) throw new Error(`${id} is not installed`);
  if (extension.isActive) {
    const active = vscode.extensions.all.filter((candidate) => candidate.isActive).map((candidate) => candidate.id);
    throw new Error(`${id} was already active: its activation cannot be timed (active: ${active.join(', ')})`);
  }
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The host activates the start-up extensions (git, github, ...) just when tests begin; timing ours
 * then would measure their work on the same thread. Wait until they are all active, then settle.
 */
async function waitForStartupActivations(): Promise<void> {
  const startup = vscode.extensions.all.filter((extension) => {
    const events = (extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    return events.includes('*') || events.includes('onStartupFinished');
  });
  const deadline = Date.now() + 30_000;
  while (startup.some((extension) => !extension.isActive) && Date.now() < deadline) await delay(100);
  await delay(3000);
}

export async function run(): Promise<void> {
  await waitForStartupActivations();
  const ours = await timeActivation(EXTENSION_ID);
  const baseline = await timeActivation(BASELINE_ID);
  console.log(`${ACTIVATION_TIMING} ${JSON.stringify({ ours, baseline, baselineId: BASELINE_ID })}`);
}
