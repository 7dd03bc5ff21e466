/**
 * For exec, attach and copy tests and benchmarks: pods created in a running sim and returned once
 * the kubelet runs them (or has given up on them: an image that cannot be pulled).
 */
import type { Sim } from '../sim.ts';
import { call } from '../test-helpers.ts';

export interface PodSpecLite {
  readonly name: string;
  readonly image: string;
  readonly container?: string;
  /** The container keeps stdin open (attach gets a shell). */
  readonly stdin?: boolean;
}

const phaseOf = async (sim: Sim, namespace: string, name: string): Promise<string> => {
  const reply = await call(sim, `/api/v1/namespaces/${namespace}/pods/${name}`);
  const status = reply.json['status'] as { containerStatuses?: { state?: Record<string, unknown> }[] } | undefined;
  const state = status?.containerStatuses?.[0]?.state ?? {};
  return Object.keys(state)[0] ?? 'none';
};

/** Creates the pods in `namespace`; resolves when each container runs, or waits (its image cannot be pulled). */
export async function createPods(sim: Sim, namespace: string, pods: readonly PodSpecLite[]): Promise<void> {
  for (const pod of pods) {
    const container = { name: pod.container ?? 'main', image: pod.image, ...(pod.stdin === true ? { stdin: true, tty: true } : {}) };
    const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.name, namespace }, spec: { containers: [container] } };
    const reply = await call(sim, `/api/v1/namespaces/${namespace}/pods`, { method: 'POST', body: JSON.stringify(body) });
    if (reply.status !== 201) throw new Error(`creating pod ${pod.name}: ${reply.status} ${reply.text}`);
  }
  // The sim's kubelet starts pods in real time (a few seconds): poll, bounded.
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const phases = await Promise.all(pods.map((pod) => phaseOf(sim, namespace, pod.name)));
    if (phases.every((phase) => phase === 'running' || phase === 'waiting')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the pods did not start in 30 s');
}
