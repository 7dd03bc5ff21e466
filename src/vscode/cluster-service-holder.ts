// Creates the cluster service on first use (the Explorer shown, a command run), never at activation,
// and re-reads the kubeconfig when its files or the kubeWorkbench.kubeconfig setting change; the usage
// service follows the recommender's settings.
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { currentKubeconfigPaths } from './commands/kubeconfig-commands.ts';
import { loadClusterModule, type ClusterService } from './bundle-loader.ts';
import { onDidChangeConfig, readConfig } from './config.ts';
import { Settings } from './ids.ts';
import type { Log } from './output.ts';

/** Editors save in bursts (write, rename, touch): one reload after they settle. */
const RELOAD_DELAY_MS = 300;

export class ClusterServiceHolder implements vscode.Disposable {
  private instance: ClusterService | undefined;
  private watchers: vscode.Disposable[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly created = new vscode.EventEmitter<void>();
  /** Fires once, when something first needs the service. */
  readonly onDidCreate = this.created.event;
  private readonly reloaded = new vscode.EventEmitter<void>();
  readonly onDidReload = this.reloaded.event;
  private readonly log: Log;
  /** The extension's global storage folder, where usage history outlives the window. */
  private readonly storageDir: string;
  /** New minimums, margin or start-up window redo the recommendations: findings, hover and report follow. */
  private readonly recommenderSettings = onDidChangeConfig(
    () => this.instance?.usage?.reconfigure(),
    Settings.allocatorPodMinCpu,
    Settings.allocatorPodMinMemory,
    Settings.allocatorMargin,
    Settings.allocatorStartupWindow,
  );

  constructor(log: Log, storageDir: string) {
    this.log = log;
    this.storageDir = storageDir;
  }

  /** The service, created (and its bundle loaded) on the first call. */
  get(): ClusterService {
    if (this.instance === undefined) {
      const started = performance.now();
      const { ClusterService, prometheusHistoryLoader } = loadClusterModule();
      this.instance = new ClusterService({
        kubeconfigPaths: currentKubeconfigPaths,
        usage: {
          storageDir: this.storageDir,
          sampleIntervalMs: readConfig().allocatorSampleSeconds * 1000,
          recommender: () => readConfig().allocatorRecommender,
          // Read when a context connects, so a changed URL applies from the next connection on.
          historyLoader: () => {
            const url = readConfig().allocatorPrometheusUrl;
            return url === '' ? undefined : prometheusHistoryLoader({ url, nowMs: Date.now() });
          },
        },
      });
      this.log.info(`cluster service loaded in ${(performance.now() - started).toFixed(0)} ms`);
      this.report();
      this.watchFiles();
      this.created.fire();
    }
    return this.instance;
  }

  /** The service if something already needed it. */
  peek(): ClusterService | undefined {
    return this.instance;
  }

  reload(): void {
    if (this.instance === undefined) return;
    this.instance.reload();
    this.report();
    this.watchFiles();
    this.reloaded.fire();
  }

  /** A new usage source (the Prometheus URL changed): histories restart, connections reopen. */
  restartUsage(): void {
    this.instance?.resetUsage();
    this.reload();
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers) watcher.dispose();
    this.recommenderSettings.dispose();
    this.instance?.dispose();
    this.created.dispose();
    this.reloaded.dispose();
  }

  private report(): void {
    const config = this.instance?.config;
    if (config === undefined) return;
    if (config.ok) this.log.info(`kubeconfig: ${config.value.contexts.length} contexts from ${config.value.files.join(', ') || 'no file'}`);
    else this.log.error(config.error.message);
  }

  private watchFiles(): void {
    for (const watcher of this.watchers) watcher.dispose();
    const schedule = (): void => {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => this.reload(), RELOAD_DELAY_MS);
    };
    this.watchers = currentKubeconfigPaths().map((path) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path)));
      return vscode.Disposable.from(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
    });
  }
}
