// Deploy image: one multi-step input (deploy-inputs.ts) → the Deployment (+ Service, + Namespace)
// built in core → a read-only preview the user confirms → server-side apply → the rollout followed
// from the cluster cache until ready, or until a pod's events say why not (image pull, scheduling,
// a missing volume, crash loop).
import * as vscode from 'vscode';
import { deploymentManifest, serviceManifest } from '../../core/manifests/deployment.ts';
import { namespaceManifest } from '../../core/manifests/namespace.ts';
import { err, ok, type Result } from '../../core/result.ts';
import { fitQuestion, manifestFit } from '../allocator/manifest-fit.ts';
import { suggestedRequests } from '../allocator/suggested-requests.ts';
import type { ClusterConnection, ClusterError } from '../bundle-loader.ts';
import { loadCoreModule } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';
import { podElement } from '../explorer/rows/pod-row.ts';
import { Commands, PREVIEW_SCHEME } from '../ids.ts';
import type { CommandUi } from './command-ui.ts';
import { connectCurrent } from './current-connection.ts';
import { DEPLOY_START, deploySteps, type DeployPlan } from './deploy-inputs.ts';
import { followUntil } from './follow-until.ts';
import { runSteps } from './multi-step-input.ts';
import { namespaceChoices } from './object-picks.ts';
import { podsOfWorkload } from './object-targets.ts';
import { dismissed, problem, type Action, type Outcome, type Problem } from './outcome.ts';
import { ReadOnlyDocuments } from './read-only-documents.ts';
import { runCommand, type FailureAction } from './run-command.ts';
import { stuckPod } from './stuck-pods.ts';

const ROLLOUT_TIMEOUT_MS = 120_000;
const SAVE = 'Save as Manifest…';

export interface Deployed {
  /** Ready replicas at the end. */
  readonly ready: number;
  /** The pod that showed why the rollout is stuck, when one did. */
  readonly pod?: string;
}

type Rollout = Result<Deployed, Problem<Deployed>>;

/** Ready, stuck (a pod's state and the event that says why), or undefined while the rollout goes on. */
function judgeRollout(connection: ClusterConnection, plan: DeployPlan, report: (message: string) => void): Rollout | undefined {
  const deployment = connection.workloads.Deployment.get(plan.namespace, plan.name);
  const pods = podsOfWorkload(connection, 'Deployment', plan.namespace, plan.name);
  const ready = deployment?.ready ?? 0;
  report(deployment === undefined ? 'applied, waiting for the controller…' : `${pods.length} pods, ready ${ready}/${plan.replicas}`);
  if (deployment !== undefined && ready >= plan.replicas) return ok({ ready });
  // A stuck pod is reported instead of waiting out the time-out, in its events' words.
  const stuck = stuckPod(connection, pods);
  return stuck === undefined ? undefined : err(problem('stuck', stuck.why, { ready, pod: stuck.pod }));
}

/** Applies the manifests in order (a new namespace first: the API refuses objects in a namespace that does not exist). */
async function applyAll(connection: ClusterConnection, manifests: readonly Record<string, unknown>[]): Promise<ClusterError | undefined> {
  for (const manifest of manifests) {
    const applied = await connection.operations.apply(manifest, { force: false, dryRun: false });
    if (!applied.ok) return applied.error;
  }
  return undefined;
}

async function saveManifest(yaml: string, name: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ filters: { YAML: ['yaml', 'yml'] }, ...(folder === undefined ? {} : { defaultUri: vscode.Uri.joinPath(folder, `${name}.yaml`) }) });
  if (target === undefined) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(yaml));
  await vscode.window.showTextDocument(target);
}

/** A failed rollout offers the next step: the stuck pod's logs, or the manifest again. */
function failureActions(context: string, plan: DeployPlan, openPreview: () => Thenable<unknown>, outcome: Outcome<Deployed>): FailureAction[] {
  const pod = outcome.value?.pod;
  const logs = pod === undefined ? [] : [{ label: 'Show Logs', run: () => vscode.commands.executeCommand(Commands.logs, podElement(context, plan.namespace, pod, 'node')) }];
  return [...logs, { label: 'Open Manifest', run: openPreview }];
}

async function deploy(ui: CommandUi, clusters: ClusterServiceHolder, previews: ReadOnlyDocuments): Promise<Outcome<Deployed>> {
  const where = connectCurrent<Deployed>(clusters, 'Deploy', 'an image', ' to deploy to');
  if ('ok' in where) return where;
  const { current, connection } = where;
  const context = current.name;
  const plan = await runSteps(ui, 'Deploy image', deploySteps(namespaceChoices(connection, current.namespace), (namespace, name) => suggestedRequests(clusters, context, namespace, name)), DEPLOY_START);
  const action: Action = { context, verb: 'Deploy', object: plan === undefined ? 'an image' : `Deployment ${plan.namespace}/${plan.name}` };
  if (plan === undefined) return dismissed(action);
  const manifests = [plan.newNamespace ? namespaceManifest(plan.namespace) : undefined, serviceManifest(plan), deploymentManifest(plan)].filter((manifest) => manifest !== undefined);
  const yaml = manifests.map((manifest) => loadCoreModule().toYaml(manifest)).join('---\n');
  // Read-only: what is deployed is what it shows; "Save as Manifest…" gives a file to edit.
  const openPreview = (): Thenable<vscode.TextEditor> => vscode.window.showTextDocument(previews.set(`/${context}/${plan.namespace}/${plan.name}.yaml`, yaml), { preview: false });
  await openPreview();
  const question = `Deploy ${plan.namespace}/${plan.name} (${plan.image}) to context "${context}"${plan.newNamespace ? `, creating namespace "${plan.namespace}"` : ''}?`;
  const choice = await ui.ask(fitQuestion(question, manifestFit(connection, manifests, plan.namespace), 'Deploy', SAVE));
  if (choice === SAVE) await saveManifest(yaml, plan.name);
  if (choice !== 'Deploy') return dismissed(action);
  return runCommand(
    ui,
    action,
    async (signal, report) => {
      const refused = await applyAll(connection, manifests);
      if (refused !== undefined) return err(refused);
      return (await followUntil(connection, ['pods', 'Deployment', 'events'], () => judgeRollout(connection, plan, report), signal)) ?? err(problem('cancelled', 'stopped'));
    },
    {
      timeoutMs: ROLLOUT_TIMEOUT_MS,
      leftBehind: 'the rollout goes on in the cluster',
      success: ({ ready }) => `Deployment ${plan.namespace}/${plan.name} is running: ${ready}/${plan.replicas} ready (context "${context}").`,
      actions: (outcome) => failureActions(context, plan, openPreview, outcome),
    },
  );
}

export function registerDeployCommand(clusters: ClusterServiceHolder, ui: CommandUi): vscode.Disposable {
  const previews = new ReadOnlyDocuments(PREVIEW_SCHEME);
  return vscode.Disposable.from(previews, vscode.commands.registerCommand(Commands.deployImage, () => deploy(ui, clusters, previews)));
}
