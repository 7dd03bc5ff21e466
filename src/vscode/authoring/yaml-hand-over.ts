// With Red Hat YAML also installed and its Kubernetes schema associated with files (`yaml.schemas`'s
// `kubernetes` key), every schema error shows twice. On the first Kubernetes manifest linted, offer once
// per workspace to hand those files to us: the workspace's `yaml.schemas` maps `kubernetes` to no files,
// which overrides the user's globs for that key only (VS Code merges object settings by key), so its
// other schemas (CI files, compose) keep working.
import * as vscode from 'vscode';
import { isKubernetesDocument } from '../diagnostics/kubernetes-documents.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';

const RED_HAT_YAML = 'redhat.vscode-yaml';
const ASKED = 'kubeWorkbench.yamlHandOverOffered';
const HAND_OVER = 'Use Kubernetes Workbench';

/** The globs a `yaml.schemas` value associates with Red Hat YAML's built-in Kubernetes schema. */
function kubernetesGlobs(schemas: unknown): string[] {
  if (typeof schemas !== 'object' || schemas === null) return [];
  return Object.entries(schemas).flatMap(([schema, globs]) => (schema.toLowerCase() === 'kubernetes' ? [globs].flat().filter((glob): glob is string => typeof glob === 'string') : []));
}

async function offer(state: vscode.Memento): Promise<void> {
  const yaml = vscode.workspace.getConfiguration('yaml');
  if (vscode.workspace.workspaceFolders === undefined || kubernetesGlobs(yaml.get('schemas')).length === 0) return;
  await state.update(ASKED, true);
  const answer = await vscode.window.showInformationMessage(
    'Red Hat YAML also checks Kubernetes files against its schema, so its errors repeat ours. Let Kubernetes Workbench handle Kubernetes files in this workspace?',
    HAND_OVER,
    'Keep Both',
  );
  if (answer !== HAND_OVER) return;
  const own = yaml.inspect<Record<string, unknown>>('schemas')?.workspaceValue ?? {};
  await yaml.update('schemas', { ...own, kubernetes: [] }, vscode.ConfigurationTarget.Workspace);
}

export function offerYamlHandOver(lint: LintController, state: vscode.Memento): vscode.Disposable {
  if (vscode.extensions.getExtension(RED_HAT_YAML) === undefined || state.get(ASKED) === true) return new vscode.Disposable(() => undefined);
  const subscription = lint.onDidLint((uri) => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document === undefined || !isKubernetesDocument(document) || state.get(ASKED) === true) return;
    subscription.dispose();
    void offer(state);
  });
  return subscription;
}
