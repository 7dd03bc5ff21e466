// The questions "Deploy image" asks, each checked as the user types (src/core/validation); an answer
// given up front (tests, other commands) skips its question.
import * as vscode from 'vscode';
import type { DeploymentInput } from '../../core/manifests/deployment.ts';
import { checkImage, countProblem, quantityProblem } from '../../core/validation/inputs.ts';
import { nameFormats, nameProblem } from '../../core/validation/names.ts';
import { askNamespace, type NamespaceChoices } from './object-picks.ts';

export type DeployAnswers = Partial<Omit<DeploymentInput, 'requests'>> & {
  readonly cpu?: string;
  readonly memory?: string;
  /** The namespace answer is a new one, to create before deploying. */
  readonly newNamespace?: boolean;
  /** Take the pre-filled requests as they are, as pressing Enter on both questions would (tests). */
  readonly acceptPrefilledRequests?: boolean;
};

/** Requests to pre-fill: the allocator's recommendation for an existing workload of that name, if any. */
export type RequestSuggester = (namespace: string, name: string) => { readonly cpu: string; readonly memory: string } | undefined;

/** What the request questions start from when there is no usage to go by. */
const DEFAULT_REQUESTS = { cpu: '100m', memory: '128Mi' };

/** The questions' answers, and whether the namespace is to be created. */
export type DeployPlan = DeploymentInput & { readonly newNamespace: boolean };

/** The last path component of the repository: `ghcr.io/acme/api:2.3` → `api`. */
function defaultName(image: string): string {
  const repository = image.split('@')[0]!.replace(/:[^/]*$/, '');
  return (repository.split('/').pop() ?? '').toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
}

async function ask(title: string, prompt: string, value: string, validate: (text: string) => string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({ title: `Deploy image: ${title}`, prompt, value, ignoreFocusOut: true, validateInput: validate });
  return answer?.trim();
}

/** A namespace of the cluster, or a new one (checked as a DNS-1123 label) to create. */
async function askNamespaceStep(preset: DeployAnswers, choices: NamespaceChoices): Promise<{ readonly name: string; readonly typed: boolean } | undefined> {
  if (preset.namespace === undefined) return askNamespace(choices.known, choices.current, 'Deploy image: namespace', 'New namespace…');
  const problem = nameProblem(preset.namespace, nameFormats.label, 'namespace');
  if (problem !== undefined) void vscode.window.showErrorMessage(problem);
  return problem === undefined ? { name: preset.namespace, typed: preset.newNamespace === true } : undefined;
}

/** Every answer, or undefined when the user cancelled a question. */
export async function askDeployment(preset: DeployAnswers, namespaces: NamespaceChoices, suggest: RequestSuggester): Promise<DeployPlan | undefined> {
  const image = preset.image ?? (await ask('image', 'Image reference, e.g. nginx:1.27.3 or ghcr.io/acme/api@sha256:…', '', (text) => checkImage(text).error));
  if (image === undefined) return undefined;
  const warning = checkImage(image).warning;
  if (warning !== undefined && preset.image === undefined) {
    const choice = await vscode.window.showWarningMessage(`${image}: ${warning}`, { modal: true }, 'Deploy anyway');
    if (choice !== 'Deploy anyway') return undefined;
  }
  const name = preset.name ?? (await ask('name', 'Name of the Deployment', defaultName(image), (text) => nameProblem(text.trim(), nameFormats.label, 'name')));
  if (name === undefined) return undefined;
  const namespace = await askNamespaceStep(preset, namespaces);
  if (namespace === undefined) return undefined;
  const replicas = preset.replicas ?? Number(await ask('replicas', 'Number of replicas', '1', (text) => countProblem(text, 'replicas', { min: 0, max: 1000 })));
  if (Number.isNaN(replicas)) return undefined;
  let containerPort = preset.containerPort;
  if (!('containerPort' in preset)) {
    const answer = await ask('port', 'Container port (empty: no port and no Service)', '', (text) => (text.trim() === '' ? undefined : countProblem(text, 'port', { min: 1, max: 65_535 })));
    if (answer === undefined) return undefined;
    containerPort = answer === '' ? undefined : Number(answer);
  }
  const suggested = suggest(namespace.name, name);
  const prefilled = suggested ?? DEFAULT_REQUESTS;
  const origin = suggested === undefined ? '' : ` (pre-filled: the allocator's target from ${name}'s observed usage)`;
  const cpu = preset.cpu ?? (preset.acceptPrefilledRequests === true ? prefilled.cpu : await ask('CPU request', `CPU request${origin} (e.g. 100m; empty: none)`, prefilled.cpu, (text) => quantityProblem(text, 'cpu')));
  if (cpu === undefined) return undefined;
  const memory =
    preset.memory ??
    (preset.acceptPrefilledRequests === true ? prefilled.memory : await ask('memory request', `Memory request, also the limit${origin} (e.g. 128Mi; empty: none)`, prefilled.memory, (text) => quantityProblem(text, 'memory')));
  if (memory === undefined) return undefined;
  return {
    image,
    name,
    namespace: namespace.name,
    newNamespace: namespace.typed,
    replicas,
    ...(containerPort === undefined ? {} : { containerPort }),
    requests: { ...(cpu === '' ? {} : { cpu }), ...(memory === '' ? {} : { memory }) },
  };
}
