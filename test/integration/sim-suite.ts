// One simulated cluster per suite, as the command suites use it: started before the suite with the
// extension pointed at its kubeconfig, the editors closed and the sim stopped after, and the current
// context's connection with its cache changes (the Explorer may never show the rows a test reads).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SlimPod } from '../../src/core/cluster/pod-model.ts';
import type { KubeWorkbenchApi } from '../../src/extension.ts';
import { startSim, type Sim, type SimOptions } from '../../src/sim/sim.ts';
import type { ClusterConnection } from '../../src/vscode/bundle-loader.ts';
import { CONFIG_SECTION, Settings } from '../../src/vscode/ids.ts';
import { activateWorkbench, whenTrue } from './extension-api.ts';

export const CONTEXT = 'kube-workbench-sim';

export interface SimSuite {
  readonly sim: Sim;
  readonly api: KubeWorkbenchApi;
  connection(): ClusterConnection;
  /** Resolves once `check` holds, re-checked on every change of the connection's cache. */
  until(check: () => boolean, what: string): Promise<void>;
  /** Applies an object as the test's own field manager. */
  apply(object: Record<string, unknown>): Promise<void>;
  /** A running, healthy pod of the cache (matching `where`), once there is one. */
  runningPod(where?: (pod: SlimPod) => boolean): Promise<SlimPod>;
}

/** Registers the suite's before and after hooks; the fields are there once `before` has run. */
export function simSuite(options: SimOptions): SimSuite {
  const setting = vscode.workspace.getConfiguration(CONFIG_SECTION);
  let sim: Sim | undefined;
  let api: KubeWorkbenchApi | undefined;
  const connection = (): ClusterConnection => api!.clusters.get().connect(CONTEXT)!;
  const until = (check: () => boolean, what: string): Promise<void> => whenTrue((listener) => connection().onDidChange(listener), check, what);
  before(async () => {
    sim = await startSim({ log: () => undefined, ...options });
    api = await activateWorkbench();
    await setting.update(Settings.kubeconfig, sim.kubeconfigPath, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    api?.testing?.answerQuestions(undefined);
    await setting.update(Settings.kubeconfig, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await sim?.close();
  });
  return {
    get sim() {
      return sim!;
    },
    get api() {
      return api!;
    },
    connection,
    until,
    apply: async (object) => assert.ok((await connection().operations.apply(object, { fieldManager: 'test', force: true, dryRun: false })).ok),
    runningPod: async (where = () => true) => {
      const find = () => [...connection().pods.values()].find((pod) => pod.phase === 'Running' && pod.reason === '' && where(pod));
      await until(() => find() !== undefined, 'a running pod');
      return find()!;
    },
  };
}
