// With Red Hat YAML also installed and its Kubernetes schema associated with files (`yaml.schemas`'s
// `kubernetes` key), every schema error shows twice. Once a Kubernetes manifest is linted while that key
// names files, offer once per workspace to hand those files to us: the workspace's `yaml.schemas` maps
// `kubernetes` to no files, which overrides the user's globs for that key only (VS Code merges object
// settings by key), so its other schemas (CI files, compose) keep working. Until the offer has been made
// it keeps watching: a manifest linted before the key exists, or the key added later, still leads to it.
import * as vscode from 'vscode';
import type { Question } from '../commands/command-ui.ts';
import { isKubernetesDocument } from '../diagnostics/kubernetes-documents.ts';
import type { LintController } from '../diagnostics/lint-controller.ts';

const RED_HAT_YAML = 'redhat.vscode-yaml';
const ASKED = 'kubeWorkbench.yamlHandOverOffered';
const HAND_OVER = 'Use Kubernetes Workbench';
const HAND_OVER_MESSAGE = 'Red Hat YAML also checks Kubernetes files against its schema, so its errors repeat ours. Let Kubernetes Workbench handle Kubernetes files in this workspace?';

/** Asks the user, or a test in their place. */
export type Ask = (question: Question) => Promise<string | undefined>;

/** The globs a `yaml.schemas` value associates with Red Hat YAML's built-in Kubernetes schema. */
function kubernetesGlobs(schemas: unknown): string[] {
  if (typeof schemas !== 'object' || schemas === null) return [];
  return Object.entries(schemas).flatMap(([schema, globs]) => (schema.toLowerCase() === 'kubernetes' ? [globs].flat().filter((glob): glob is string => typeof glob === 'string') : []));
}

class YamlHandOver implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  /** A Kubernetes manifest has been linted in this window: a `yaml.schemas` change alone may now ask. */
  private sawManifest = false;
  private asking = false;
  private readonly state: vscode.Memento;
  private readonly ask: Ask;

  constructor(lint: LintController, state: vscode.Memento, ask: Ask) {
    this.state = state;
    this.ask = ask;
    this.subscriptions = [
      lint.onDidLint((uri) => {
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document === undefined || !isKubernetesDocument(document)) return;
        this.sawManifest = true;
        this.consider();
      }),
      vscode.workspace.onDidChangeConfiguration((change) => {
        if (this.sawManifest && change.affectsConfiguration('yaml.schemas')) this.consider();
      }),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }

  /** Offers the hand-over when Red Hat YAML would check Kubernetes files, unless it was offered already. */
  private consider(): void {
    if (this.asking || this.state.get(ASKED) === true) return;
    const yaml = vscode.workspace.getConfiguration('yaml');
    if (vscode.workspace.workspaceFolders === undefined || kubernetesGlobs(yaml.get('schemas')).length === 0) return;
    // Set before the first await: a second lint or settings change meanwhile must not ask again.
    this.asking = true;
    this.dispose();
    this.offer().catch((error: unknown) => {
      void vscode.window.showWarningMessage(`Kubernetes Workbench could not change yaml.schemas: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async offer(): Promise<void> {
    await this.state.update(ASKED, true);
    const answer = await this.ask({ message: HAND_OVER_MESSAGE, choices: [HAND_OVER, 'Keep Both'], warning: false, notification: true });
    if (answer !== HAND_OVER) return;
    const yaml = vscode.workspace.getConfiguration('yaml');
    const own = yaml.inspect<Record<string, unknown>>('schemas')?.workspaceValue ?? {};
    await yaml.update('schemas', { ...own, kubernetes: [] }, vscode.ConfigurationTarget.Workspace);
  }
}

export function offerYamlHandOver(lint: LintController, state: vscode.Memento, ask: Ask): vscode.Disposable {
  if (vscode.extensions.getExtension(RED_HAT_YAML) === undefined || state.get(ASKED) === true) return new vscode.Disposable(() => undefined);
  return new YamlHandOver(lint, state, ask);
}
