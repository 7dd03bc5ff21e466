// The seven steps of "Deploy image", each checked as the user types (src/core/validation) and
// pre-filled from the answers before it: the name from the image, the namespace from the context,
// the requests from the allocator's target for a workload of that name (else the defaults).
import type { DeploymentInput } from '../../core/manifests/deployment.ts';
import { DEFAULT_REQUESTS, type Requests } from '../../core/manifests/pod-spec.ts';
import { countProblem, quantityProblem } from '../../core/validation/inputs.ts';
import { imageStep, namespaceStep, nameStep } from './input-steps.ts';
import type { NamespaceChoices } from './object-picks.ts';
import { blockingIf, type Step } from './step-flow.ts';

/** Requests to pre-fill: the allocator's recommendation for an existing workload of that name, if any. */
export type RequestSuggester = (namespace: string, name: string) => Requests | undefined;

/** The answers, and whether the namespace is a new one to create before deploying. */
export type DeployPlan = DeploymentInput & { readonly newNamespace: boolean };

export const DEPLOY_START: DeployPlan = { image: '', name: '', namespace: '', newNamespace: false, replicas: 2, requests: DEFAULT_REQUESTS };

export function deploySteps(namespaces: NamespaceChoices, suggest: RequestSuggester): Step<DeployPlan>[] {
  const origin = (plan: DeployPlan): string => (suggest(plan.namespace, plan.name) === undefined ? '' : ` (pre-filled: the allocator's target from ${plan.name}'s observed usage)`);
  const prefilled = (plan: DeployPlan): Requests => suggest(plan.namespace, plan.name) ?? DEFAULT_REQUESTS;
  return [
    imageStep('nginx:1.27.3 or ghcr.io/acme/api@sha256:…'),
    nameStep('Name of the Deployment (and of its Service)'),
    namespaceStep(namespaces, 'Pick a namespace, or type the name of a new one to create', 'new namespace, created before the Deployment', (plan, namespace) => ({
      ...plan,
      namespace,
      newNamespace: !namespaces.known.includes(namespace),
    })),
    {
      type: 'text',
      name: 'replicas',
      prompt: () => 'Number of replicas (0–1000); two or more keep it serving while a node goes down',
      value: (plan) => String(plan.replicas),
      check: (text) => blockingIf(countProblem(text, 'replicas', { min: 0, max: 1000 })),
      apply: (plan, text) => ({ ...plan, replicas: Number(text) }),
    },
    {
      type: 'text',
      name: 'port',
      prompt: () => 'Container port the app listens on, e.g. 8080; empty for none (then no Service and no probes)',
      value: (plan) => (plan.containerPort === undefined ? '' : String(plan.containerPort)),
      check: (text) => (text.trim() === '' ? undefined : blockingIf(countProblem(text, 'port', { min: 1, max: 65_535 }))),
      apply: ({ containerPort: _, ...plan }, text) => (text === '' ? plan : { ...plan, containerPort: Number(text) }),
    },
    {
      type: 'text',
      name: 'CPU request',
      prompt: (plan) => `CPU request${origin(plan)}, e.g. 250m or 1`,
      value: (plan) => prefilled(plan).cpu,
      check: (text) => blockingIf(quantityProblem(text, 'cpu')),
      apply: (plan, cpu) => ({ ...plan, requests: { ...plan.requests, cpu } }),
    },
    {
      type: 'text',
      name: 'memory request',
      prompt: (plan) => `Memory request, also the limit${origin(plan)}, e.g. 256Mi or 1Gi`,
      value: (plan) => prefilled(plan).memory,
      check: (text) => blockingIf(quantityProblem(text, 'memory')),
      apply: (plan, memory) => ({ ...plan, requests: { ...plan.requests, memory } }),
    },
  ];
}
