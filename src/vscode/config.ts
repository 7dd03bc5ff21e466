import * as vscode from 'vscode';
import type { RecommenderKnobs } from '../core/allocator/recommender-options.ts';
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
  /** A rule profile name, unvalidated (the lint adapter checks it). */
  readonly lintProfile: string;
  /** Prometheus base URL for 8 days of usage history; '' for none. */
  readonly allocatorPrometheusUrl: string;
  /** How often the metrics API is sampled while connected. */
  readonly allocatorSampleSeconds: number;
  /** Relative difference from the set request below which no suggestion is shown. */
  readonly allocatorTolerance: number;
  /** Minimums, margin and start-up window, unvalidated (the usage service keeps each in its range). */
  readonly allocatorRecommender: RecommenderKnobs;
}

export function readConfig(): WorkbenchConfig {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return {
    kubeconfig: section.get<string>(Settings.kubeconfig, ''),
    kubernetesVersion: section.get<string>(Settings.kubernetesVersion, ''),
    logLevel: section.get<LogLevel>(Settings.logLevel, 'info'),
    lintRules: section.get<Record<string, unknown>>(Settings.lintRules, {}),
    lintRun: section.get<LintRun>(Settings.lintRun, 'onSave'),
    lintProfile: section.get<string>(Settings.lintProfile, 'default'),
    allocatorPrometheusUrl: section.get<string>(Settings.allocatorPrometheusUrl, '').trim(),
    allocatorSampleSeconds: Math.max(1, section.get<number>(Settings.allocatorSampleSeconds, 60)),
    allocatorTolerance: Math.max(0, section.get<number>(Settings.allocatorTolerance, 0.3)),
    allocatorRecommender: {
      podMinCpuMillicores: section.get<number>(Settings.allocatorPodMinCpu),
      podMinMemoryMiB: section.get<number>(Settings.allocatorPodMinMemory),
      marginFraction: section.get<number>(Settings.allocatorMargin),
      startupWindowMinutes: section.get<number>(Settings.allocatorStartupWindow),
    },
  };
}

/** Calls `listener` when one of `settings` (all `kubeWorkbench.*` ones when none are named) changes. */
export function onDidChangeConfig(listener: (config: WorkbenchConfig) => void, ...settings: (typeof Settings)[keyof typeof Settings][]): vscode.Disposable {
  const sections = settings.length === 0 ? [CONFIG_SECTION] : settings.map((setting) => `${CONFIG_SECTION}.${setting}`);
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (sections.some((section) => event.affectsConfiguration(section))) listener(readConfig());
  });
}
