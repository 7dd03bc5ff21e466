/**
 * The events a kubelet records about a pod's containers, with the reasons and messages of
 * kubelet 1.32 (pkg/kubelet/events, images/image_manager.go, kuberuntime): each pull, each
 * container created and started, a failed pull's ErrImagePull → ImagePullBackOff, a stop.
 */
import type { Container, Pod } from '../objects.ts';
import type { EventRecorder } from './events.ts';

/** The images each node already pulled, for IfNotPresent's "already present on machine". */
export class NodeImages {
  private readonly pulled = new Map<string, Set<string>>();

  has(node: string, image: string): boolean {
    return this.pulled.get(node)?.has(image) === true;
  }

  add(node: string, image: string): void {
    let images = this.pulled.get(node);
    if (images === undefined) this.pulled.set(node, (images = new Set()));
    images.add(image);
  }

  forget(node: string): void {
    this.pulled.delete(node);
  }
}

/** The API server's default: Always for an untagged or `:latest` image, else IfNotPresent. */
function pullPolicy(container: Container): string {
  if (container.imagePullPolicy !== undefined) return container.imagePullPolicy;
  const image = container.image ?? '';
  const tag = image.includes('@') ? 'digest' : /:([^/:]+)$/.exec(image)?.[1];
  return tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** A stable, plausible size for an image (tens of MB), so repeated pulls print the same figure. */
function imageSize(image: string): number {
  let hash = 0;
  for (const char of image) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return 20_000_000 + (hash % 80_000_000);
}

const site = (pod: Pod, container: Container): { fieldPath: string; host: string } => ({ fieldPath: `spec.containers{${container.name}}`, host: pod.spec.nodeName ?? '' });

/** Pulling/Pulled, Created and Started for each container of a pod the kubelet just started. */
export function recordStarted(events: EventRecorder, images: NodeImages, pod: Pod, pullSeconds: number): void {
  const node = pod.spec.nodeName ?? '';
  for (const container of pod.spec.containers) {
    const image = container.image ?? '';
    const where = site(pod, container);
    if (pullPolicy(container) !== 'Always' && images.has(node, image)) {
      events.record(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, 'kubelet', where);
    } else {
      events.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, 'kubelet', where);
      const took = `${pullSeconds}s`;
      events.record(pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSize(image)} bytes.`, 'kubelet', where);
      images.add(node, image);
    }
    events.record(pod, 'Normal', 'Created', `Created container: ${container.name}`, 'kubelet', where);
    events.record(pod, 'Normal', 'Started', `Started container ${container.name}`, 'kubelet', where);
  }
}

/** A pull no registry answers: the error, ErrImagePull, then the back-off and ImagePullBackOff. */
export function recordPullFailed(events: EventRecorder, pod: Pod, container: Container): void {
  const image = container.image ?? '';
  const where = site(pod, container);
  const reference = image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
  events.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, 'kubelet', where);
  const detail = `rpc error: code = NotFound desc = failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": ${reference}: not found`;
  events.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${detail}`, 'kubelet', where);
  events.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet', where);
  events.record(pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, 'kubelet', where);
  events.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'kubelet', where);
}

/** Killing for each container still running when its pod is deleted. */
export function recordKilled(events: EventRecorder, pod: Pod): void {
  for (const container of pod.spec.containers) {
    const running = pod.status?.containerStatuses?.find((status) => status.name === container.name)?.state['running'] !== undefined;
    if (running) events.record(pod, 'Normal', 'Killing', `Stopping container ${container.name}`, 'kubelet', site(pod, container));
  }
}
