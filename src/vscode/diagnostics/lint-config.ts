// The rules map in force for a document: the workspace's .kube-workbench.yaml (shared with the CLI,
// so CI and the editor agree), overridden by the kubeWorkbench.lint.rules setting.
import * as vscode from 'vscode';
import type { LintConfig } from '../../core/editor-core.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import { readConfig } from '../config.ts';

const ruleIds = (): string[] => loadCoreModule().allRules.map((rule) => rule.id);

export interface ResolvedConfig {
  readonly config: LintConfig;
  /** Problems with the file or the setting, each naming where it is. */
  readonly errors: readonly string[];
}

async function projectFile(document: vscode.TextDocument): Promise<{ config: LintConfig; errors: string[] }> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (folder === undefined) return { config: { rules: {} }, errors: [] };
  const { parseProjectConfig, projectConfigFileName } = loadCoreModule();
  const uri = vscode.Uri.joinPath(folder.uri, projectConfigFileName);
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return { config: { rules: {} }, errors: [] };
  }
  const parsed = parseProjectConfig(new TextDecoder().decode(bytes), ruleIds());
  return { config: parsed.config, errors: parsed.errors.map((error) => `${uri.fsPath}: ${error}`) };
}

export async function resolveLintConfig(document: vscode.TextDocument): Promise<ResolvedConfig> {
  const project = await projectFile(document);
  const setting = loadCoreModule().readRules(readConfig().lintRules, ruleIds());
  return {
    config: { rules: { ...project.config.rules, ...setting.config.rules } },
    errors: [...project.errors, ...setting.errors.map((error) => `setting kubeWorkbench.lint.rules: ${error}`)],
  };
}
