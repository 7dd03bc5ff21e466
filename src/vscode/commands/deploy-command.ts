// Deploy image: questions (deploy-inputs.ts) → the Deployment (+ Service) built in core → a preview
// the user confirms → server-side apply (field manager kube-workbench) → the rollout followed from the
// cluster cache until ready, or until a pod says why not (image pull, scheduling, crash loop).
import * as vscode from 'vscode';
import { deploymentManifest, serviceManifest, type DeploymentInput } from '../../core/manifests/deployment.ts';
import { namespaceManifest } from '../../core/manifests/namespace.ts';
import { confirmWithFit, manifestFit } from '../allocator/manifest-fit.ts';
import { suggestedRequests } from '../allocator/suggested-requests.ts';
import type { ClusterConnection } from '../bundle-loader.ts';
import { loadLintModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { podElement } from '../explorer/rows/pod-row.ts';
import { Commands } from '../ids.ts';
import { askDeployment, type DeployAnswers } from './deploy-inputs.ts';
import { namespaceChoices } from './object-picks.ts';
import { currentContext, podsOfWorkload } from './object-targets.ts';

const FIELD_MANAGER = 'kube-workbench';
const ROLLOUT_TIMEOUT_MS = 120_000;
/** Pod states that will not fix themselves: report them instead of waiting out the timeout. */
const STUCK = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'CrashLoopBackOff', 'Unschedulable', 'CreateContainerConfigError']);

export interface DeployResult {
  readonly ok: boolean;
  /** Ready replicas at the end. */
  readonly ready: number;
  /** Why it failed: an API error, or the stuck pods' reason and message. */
  readonly reason?: string;
  /** The pod that showed the reason, when one did. */
  readonly pod?: string;
}

function followRollout(connection: ClusterConnection, input: DeploymentInput, progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken): Promise<DeployResult> {
  return new Promise((resolve) => {
    const finish = (result: DeployResult): void => {
      clearTimeout(timer);
      changes.dispose();
      cancel.dispose();
      resolve(result);
    };
    const check = (): void => {
      const deployment = connection.workloads.Deployment.get(input.namespace, input.name);
      const pods = podsOfWorkload(connection, 'Deployment', input.namespace, input.name);
      const ready = deployment?.ready ?? 0;
      progress.report({ message: deployment === undefined ? 'created, waiting for the controller…' : `${pods.length} pods, ready ${ready}/${input.replicas}` });
      if (deployment !== undefined && ready >= input.replicas) return finish({ ok: true, ready });
      const stuck = pods.find((pod) => STUCK.has(pod.reason));
      if (stuck !== undefined) finish({ ok: false, ready, reason: `${stuck.reason}${stuck.message ? `: ${stuck.message}` : ''}`, pod: stuck.meta.name });
    };
    const timer = setTimeout(() => finish({ ok: false, ready: connection.workloads.Deployment.get(input.namespace, input.name)?.ready ?? 0, reason: `not ready after ${ROLLOUT_TIMEOUT_MS / 1000} s` }), ROLLOUT_TIMEOUT_MS);
    const changes = connection.onDidChange(({ resource }) => (resource === 'pods' || resource === 'Deployment') && check());
    const cancel = token.onCancellationRequested(() => finish({ ok: false, ready: 0, reason: 'stopped following (the rollout goes on in the cluster)' }));
    check();
  });
}

async function deploy(clusters: ClusterServiceHolder, preset: DeployAnswers & { readonly confirmed?: boolean }): Promise<DeployResult | undefined> {
  const current = currentContext(clusters, ' to deploy to');
  if (current === undefined) return undefined;
  const context = current.name;
  const connection = clusters.get().connect(context);
  if (connection === undefined) return undefined;
  const input = await askDeployment(preset, namespaceChoices(connection, current.namespace), (namespace, name) => suggestedRequests(clusters, context, namespace, name));
  if (input === undefined) return undefined;
  // A new namespace goes first: the API refuses objects in a namespace that does not exist.
  const manifests = [input.newNamespace ? namespaceManifest(input.namespace) : undefined, serviceManifest(input), deploymentManifest(input)].filter((manifest) => manifest !== undefined);
  const yaml = manifests.map((manifest) => loadLintModule().toYaml(manifest)).join('---\n');
  if (preset.confirmed !== true) {
    // The preview stays open whatever happens next, so nothing typed is lost.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content: yaml }), { preview: false });
    const question = `Deploy ${input.namespace}/${input.name} (${input.image}) to context "${context}"${input.newNamespace ? `, creating namespace "${input.namespace}"` : ''}?`;
    const choice = await confirmWithFit(question, manifestFit(connection, manifests, input.namespace), 'Deploy', 'Save as Manifest…');
    if (choice === 'Save as Manifest…') await saveManifest(yaml, input.name);
    if (choice !== 'Deploy') return undefined;
  }
  for (const manifest of manifests) {
    const applied = await connection.operations.apply(manifest, { fieldManager: FIELD_MANAGER, force: false, dryRun: false });
    if (!applied.ok) {
      void vscode.window.showErrorMessage(applied.error.message);
      return { ok: false, ready: 0, reason: applied.error.message };
    }
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deploying ${input.namespace}/${input.name}`, cancellable: true },
    (progress, token) => followRollout(connection, input, progress, token),
  );
  if (result.ok) void vscode.window.showInformationMessage(`${input.namespace}/${input.name} is running: ${result.ready}/${input.replicas} ready.`);
  else void offerFailureActions(context, input, result, yaml);
  return result;
}

async function saveManifest(yaml: string, name: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ filters: { YAML: ['yaml', 'yml'] }, ...(folder === undefined ? {} : { defaultUri: vscode.Uri.joinPath(folder, `${name}.yaml`) }) });
  if (target === undefined) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(yaml));
  await vscode.window.showTextDocument(target);
}

/** A failed rollout names its cause and offers the next step: the stuck pod's logs, or the manifest to edit. */
async function offerFailureActions(context: string, input: DeploymentInput, result: DeployResult, yaml: string): Promise<void> {
  const actions = [...(result.pod === undefined ? [] : ['Show Logs']), 'Open Manifest'];
  const pod = result.pod === undefined ? '' : ` (pod ${result.pod})`;
  const choice = await vscode.window.showErrorMessage(`${input.namespace}/${input.name} did not become ready: ${result.reason}${pod}`, ...actions);
  if (choice === 'Show Logs' && result.pod !== undefined) {
    await vscode.commands.executeCommand(Commands.logs, podElement(context, input.namespace, result.pod, 'node'));
  } else if (choice === 'Open Manifest') {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'yaml', content: yaml }));
  }
}

export function registerDeployCommand(clusters: ClusterServiceHolder): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.deployImage, (preset?: DeployAnswers & { confirmed?: boolean }) => deploy(clusters, preset ?? {}));
}
