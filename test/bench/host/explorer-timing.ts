// Extension-host entry for the Explorer benchmark: with KUBECONFIG pointing at a big simulated
// cluster, times opening the view until the first nodes can be shown, then every getChildren call
// over all nodes and their pods; prints one JSON line the runner reads.
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../../src/extension.ts';
import type { Element } from '../../../src/vscode/explorer/elements.ts';
import { EXTENSION_ID, VIEW_CONTAINER } from '../../../src/vscode/ids.ts';
import { EXPLORER_TIMING } from '../../harness/report-marker.ts';

function waitFor(api: KubeWorkbenchApi, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const probe = (): void => {
      if (!check()) return;
      subscription.dispose();
      resolve();
    };
    const subscription = api.explorer.onDidChangeTreeData(probe);
    probe();
  });
}

export async function run(): Promise<void> {
  const api = (await vscode.extensions.getExtension<KubeWorkbenchApi>(EXTENSION_ID)!.activate()) as KubeWorkbenchApi;
  const opened = performance.now();
  await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
  const [context] = api.explorer.getChildren();
  const nodesGroup = api.explorer.getChildren(context).find((element) => element.type === 'nodes')!;
  const nodeRows = (): Element[] => api.explorer.getChildren(nodesGroup).filter((element) => element.type === 'node');
  await waitFor(api, () => nodeRows().length > 0);
  const firstNodesMs = performance.now() - opened;
  const connection = api.clusters.get().connection(context!.context)!;
  await waitFor(api, () => connection.state('pods').phase === 'synced');
  const syncedMs = performance.now() - opened;

  // VS Code asks for a parent's children, then for each child's TreeItem: both are timed, apart.
  const timings: number[] = [];
  const itemTimings: number[] = [];
  let recording = false;
  const time = (element: Element): Element[] => {
    const started = performance.now();
    const children = api.explorer.getChildren(element);
    if (recording) timings.push(performance.now() - started);
    for (const child of children) {
      const itemStarted = performance.now();
      api.explorer.getTreeItem(child);
      if (recording) itemTimings.push(performance.now() - itemStarted);
    }
    return children;
  };
  const sweep = (): void => {
    let rows = time(nodesGroup);
    while (rows.at(-1)?.type === 'more') {
      api.explorer.showMore(rows.at(-1) as Extract<Element, { type: 'more' }>);
      rows = time(nodesGroup);
    }
    for (const node of rows.filter((element) => element.type === 'node')) time(node);
  };
  // The first sweep pages everything in and warms the JIT, as a user's first expansions do; the
  // figures are the steady state of the next two.
  sweep();
  recording = true;
  sweep();
  sweep();
  const p99 = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? Number.NaN;
  const result = { firstNodesMs, syncedMs, p99: p99(timings), calls: timings.length, itemP99: p99(itemTimings), items: itemTimings.length, pods: connection.pods.size };
  console.log(`${EXPLORER_TIMING} ${JSON.stringify(result)}`);
}
