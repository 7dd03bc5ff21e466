// What the pod commands need to know of their target, read live (the Explorer's slim cache keeps no
// containers or ports): a pod's containers (running, TTY, declared ports), the ready pod a workload
// row stands for (through the cache's owner index), and the ports a Service or pod template declares.
import type { SlimPod } from '../../core/cluster/pod-model.ts';
import type { Result } from '../../core/result.ts';
import { ok } from '../../core/result.ts';
import type { ClusterConnection, ClusterError } from '../bundle-loader.ts';
import { podsOfWorkload } from '../commands/object-targets.ts';

export interface DeclaredPort {
  readonly port: number;
  readonly name: string;
  /** Where it is declared: "container web", "→ http". */
  readonly where: string;
}

export interface ContainerFacts {
  readonly name: string;
  readonly running: boolean;
  readonly tty: boolean;
  readonly ports: readonly DeclaredPort[];
}

interface ContainerSpec {
  name?: string;
  tty?: boolean;
  ports?: { containerPort?: number; name?: string; protocol?: string }[];
}

interface PodObject {
  spec?: { containers?: ContainerSpec[] };
  status?: { containerStatuses?: { name?: string; state?: { running?: unknown } }[] };
}

function portsOf(container: ContainerSpec): DeclaredPort[] {
  return (container.ports ?? [])
    .filter((port) => port.containerPort !== undefined && (port.protocol ?? 'TCP') === 'TCP')
    .map((port) => ({ port: port.containerPort!, name: port.name ?? '', where: `container ${container.name ?? ''}` }));
}

/** The pod's containers, as its spec and status say now. */
export async function podContainers(connection: ClusterConnection, namespace: string, name: string): Promise<Result<ContainerFacts[], ClusterError>> {
  const read = await connection.operations.get({ kind: 'Pod', namespace, name });
  if (!read.ok) return read;
  const pod = read.value as PodObject;
  const running = new Set((pod.status?.containerStatuses ?? []).filter((status) => status.state?.running !== undefined).map((status) => status.name));
  return ok((pod.spec?.containers ?? []).map((container) => ({ name: container.name ?? '', running: running.has(container.name), tty: container.tty === true, ports: portsOf(container) })));
}

/** Running, every container ready, not being deleted: a pod a terminal or forward can use now. */
export const isReadyPod = (pod: SlimPod): boolean => pod.phase === 'Running' && pod.readyContainers === pod.containers && !pod.meta.deleting;

/** A ready pod of the workload (the first by name, so repeated picks agree), from the cache's owner index. */
export function readyPodOf(connection: ClusterConnection, kind: string, namespace: string, name: string): string | undefined {
  return podsOfWorkload(connection, kind, namespace, name)
    .filter(isReadyPod)
    .map((pod) => pod.meta.name)
    .sort()[0];
}

/** The TCP ports a Service or a workload's pod template declares. */
export async function declaredPorts(connection: ClusterConnection, kind: string, namespace: string, name: string): Promise<Result<DeclaredPort[], ClusterError>> {
  if (kind === 'Pod') {
    const containers = await podContainers(connection, namespace, name);
    return containers.ok ? ok(containers.value.flatMap((container) => container.ports)) : containers;
  }
  const read = await connection.operations.get({ kind, namespace, name });
  if (!read.ok) return read;
  const spec = (read.value as { spec?: { ports?: { port?: number; name?: string; targetPort?: number | string; protocol?: string }[]; template?: { spec?: { containers?: ContainerSpec[] } } } }).spec;
  if (kind === 'Service') {
    return ok(
      (spec?.ports ?? [])
        .filter((port) => port.port !== undefined && (port.protocol ?? 'TCP') === 'TCP')
        .map((port) => ({ port: port.port!, name: port.name ?? '', where: `→ ${String(port.targetPort ?? port.port)}` })),
    );
  }
  return ok((spec?.template?.spec?.containers ?? []).flatMap(portsOf));
}
