// Every id the extension contributes, declared once here and once in package.json
// (test/unit/manifest.test.ts keeps the two in step). No 'vscode' import: unit tests read this file.
export const EXTENSION_ID = 'kube-workbench.kube-workbench';

export const VIEW_CONTAINER = 'kubeWorkbench';

export const Views = {
  explorer: 'kubeWorkbench.explorer',
} as const;

export const Commands = {
  refresh: 'kubeWorkbench.refresh',
  openKubeconfig: 'kubeWorkbench.openKubeconfig',
  showOutput: 'kubeWorkbench.showOutput',
  filterExplorer: 'kubeWorkbench.explorer.filter',
  clearFilter: 'kubeWorkbench.explorer.clearFilter',
  showMore: 'kubeWorkbench.explorer.showMore',
  applyLintFix: 'kubeWorkbench.lint.applyFix',
} as const;

export const CONFIG_SECTION = 'kubeWorkbench';

export const Settings = {
  kubeconfig: 'kubeconfig',
  kubernetesVersion: 'kubernetesVersion',
  logLevel: 'logLevel',
  lintRules: 'lint.rules',
  lintRun: 'lint.run',
} as const;
