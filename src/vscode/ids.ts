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
  scale: 'kubeWorkbench.scale',
  restart: 'kubeWorkbench.restart',
  deleteObject: 'kubeWorkbench.delete',
  describe: 'kubeWorkbench.describe',
  logs: 'kubeWorkbench.logs',
  followLogs: 'kubeWorkbench.followLogs',
  stopFollowingLogs: 'kubeWorkbench.stopFollowingLogs',
  previousLogs: 'kubeWorkbench.previousLogs',
  deployImage: 'kubeWorkbench.deployImage',
  runJob: 'kubeWorkbench.runJob',
  runCronJobNow: 'kubeWorkbench.runCronJobNow',
  apply: 'kubeWorkbench.apply',
  switchContext: 'kubeWorkbench.switchContext',
  switchNamespace: 'kubeWorkbench.switchNamespace',
  revealSecretKey: 'kubeWorkbench.revealSecretKey',
  showRightSizingReport: 'kubeWorkbench.showRightSizingReport',
  revealWorkload: 'kubeWorkbench.revealWorkload',
  openTerminal: 'kubeWorkbench.openTerminal',
  attach: 'kubeWorkbench.attach',
  portForward: 'kubeWorkbench.portForward',
  stopPortForward: 'kubeWorkbench.stopPortForward',
  copyPortForwardUrl: 'kubeWorkbench.copyPortForwardUrl',
  openPortForward: 'kubeWorkbench.openPortForwardInBrowser',
  restartSavedPortForwards: 'kubeWorkbench.restartSavedPortForwards',
  copyFromPod: 'kubeWorkbench.copyFromPod',
  copyToPod: 'kubeWorkbench.copyToPod',
  editObject: 'kubeWorkbench.edit',
  saveAsManifest: 'kubeWorkbench.saveAsManifest',
} as const;

/** The scheme of the read-only documents Describe opens. */
export const DESCRIBE_SCHEME = 'kube-workbench-describe';
/** Describe documents' language: kubectl describe's layout, highlighted by media/describe.tmLanguage.json. */
export const DESCRIBE_LANGUAGE = 'kube-describe';

/** The scheme of the live / after-apply documents the Apply diff compares. */
export const APPLY_SCHEME = 'kube-workbench-apply';

/** The scheme of Deploy Image's read-only preview of what it is about to apply. */
export const PREVIEW_SCHEME = 'kube-workbench-preview';

/** The scheme of the read-only log documents Show Logs opens. */
export const LOGS_SCHEME = 'kube-workbench-logs';

/** The scheme of live objects opened for editing (Edit): kubernetes:/<context>/<namespace or _>/<kind>/<name>.yaml. */
export const LIVE_SCHEME = 'kubernetes';

/** The scheme of the read-only sides of a live edit's diffs (live ↔ after save, opened ↔ theirs). */
export const LIVE_DIFF_SCHEME = 'kube-workbench-live-diff';

/** The scheme of the read-only document that shows one revealed Secret key. */
export const SECRET_SCHEME = 'kube-workbench-secret';

export const CONFIG_SECTION = 'kubeWorkbench';

export const Settings = {
  kubeconfig: 'kubeconfig',
  kubernetesVersion: 'kubernetesVersion',
  logLevel: 'logLevel',
  lintRules: 'lint.rules',
  lintProfile: 'lint.profile',
  lintRun: 'lint.run',
  allocatorPrometheusUrl: 'allocator.prometheusUrl',
  allocatorSampleSeconds: 'allocator.sampleIntervalSeconds',
  allocatorTolerance: 'allocator.suggestionTolerance',
  allocatorPodMinCpu: 'allocator.podMinCpuMillicores',
  allocatorPodMinMemory: 'allocator.podMinMemoryMiB',
  allocatorMargin: 'allocator.marginFraction',
  allocatorStartupWindow: 'allocator.startupWindowMinutes',
} as const;
