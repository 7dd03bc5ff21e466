import * as vscode from 'vscode';
import { CONFIG_SECTION, Settings } from './ids.ts';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LintRun = 'onSave' | 'onType' | 'off';

/** The extension's settings, typed; the one place that reads workspace configuration. */
export interface WorkbenchConfig {
  readonly kubeconfig: string;
  readonly kubernetesVersion: string;
  readonly logLevel: LogLevel;
  /** Rule id → off | error | warning | info | hint, unvalidated (the lint adapter checks it). */
  readonly lintRules: Readonly<Record<string, unknown>>;
  readonly lintRun: LintRun;
}

export function readConfig(): WorkbenchConfig {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    kubeconfig: section.get<string>(Settings.kubeconfig, ''),
    kubernetesVersion: section.get<string>(Settings.kubernetesVersion, ''),
    logLevel: section.get<LogLevel>(Settings.logLevel, 'info'),
    lintRules: section.get<Record<string, unknown>>(Settings.lintRules, {}),
    lintRun: section.get<LintRun>(Settings.lintRun, 'onSave'),
  };
}

/** Calls `listener` when any `kubeWorkbench.*` setting changes. */
export function onDidChangeConfig(listener: (config: WorkbenchConfig) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(CONFIG_SECTION)) listener(readConfig());
  });
}
