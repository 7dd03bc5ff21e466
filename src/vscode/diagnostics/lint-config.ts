// The lint config in force for a document: the workspace's .kube-workbench.yaml (shared with the CLI,
// so CI and the editor agree: its profile and rule options too), its rules overridden by the
// kubeWorkbench.lint.rules setting, and the kubeWorkbench.lint.profile setting where the file sets none.
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
  const { readRules, isProfileName, profileNames } = loadCoreModule();
  const settings = readConfig();
  const setting = readRules(settings.lintRules, ruleIds());
  const profile = isProfileName(settings.lintProfile) ? settings.lintProfile : undefined;
  const profileErrors = profile === undefined ? [`setting kubeWorkbench.lint.profile: '${settings.lintProfile}' is not ${profileNames.join(', ')}`] : [];
  return {
    config: { ...project.config, rules: { ...project.config.rules, ...setting.config.rules }, ...(project.config.profile === undefined && profile !== undefined ? { profile } : {}) },
    errors: [...project.errors, ...setting.errors.map((error) => `setting kubeWorkbench.lint.rules: ${error}`), ...profileErrors],
  };
}
