// How suites reach the extension: through the API object that activate() returns, never its modules.
import * as vscode from 'vscode';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import type { ElementOf } from '../../src/vscode/explorer/elements.ts';
import { EXTENSION_ID } from '../../src/vscode/ids.ts';

export function workbenchExtension(): vscode.Extension<KubeWorkbenchApi> {
  const extension = vscode.extensions.getExtension<KubeWorkbenchApi>(EXTENSION_ID);
  if (extension === undefined) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  return extension;
}

export function activateWorkbench(): Promise<KubeWorkbenchApi> {
  return Promise.resolve(workbenchExtension().activate());
}

/** A file or folder of the workspace the suites run in (a copy of test/fixtures/workspace). */
export function workspaceFile(...path: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, ...path);
}

/** Resolves with the next value `event` fires. */
export function nextEvent<T>(event: vscode.Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Resolves once `check` holds, re-checked whenever `event` fires; rejects naming `what` after `timeoutMs`. */
export function whenTrue(event: vscode.Event<unknown>, check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const probe = (): void => {
      if (!check()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = event(probe);
    probe();
  });
}

/** The first Deployment row of a context, found by walking the tree as a user would. */
export async function firstDeploymentRow(api: KubeWorkbenchApi, context: string): Promise<ElementOf<'workload'>> {
  const rows = (element?: Parameters<KubeWorkbenchApi['explorer']['getChildren']>[0]) => api.explorer.getChildren(element);
  const find = (): ElementOf<'workload'> | undefined => {
    const contextRow = rows().find((element) => element.type === 'context' && element.context === context);
    const workloads = contextRow && rows(contextRow).find((element) => element.type === 'workloads');
    for (const namespace of workloads ? rows(workloads) : []) {
      const kind = rows(namespace).find((element) => element.type === 'kind' && element.kind === 'Deployment');
      const row = kind && rows(kind).find((element) => element.type === 'workload');
      if (row?.type === 'workload') return row;
    }
    return undefined;
  };
  await whenTrue(api.explorer.onDidChangeTreeData, () => find() !== undefined, `a Deployment row in ${context}`);
  return find()!;
}
