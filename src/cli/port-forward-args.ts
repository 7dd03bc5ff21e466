// kubectl port-forward's TARGET and port arguments: `pod/NAME` (or a bare NAME), `svc/NAME`,
// `deploy/NAME` and the other workload kinds by kubectl's names and short names; `LOCAL:REMOTE`,
// `REMOTE` (the same port locally when free) or `:REMOTE` (any free local port), REMOTE a number or a port name.
import type { ForwardTarget, WorkloadKind } from '../cluster/streams/port-forward-target.ts';
import { UsageError } from './usage-error.ts';

const kindNames: Readonly<Record<string, ForwardTarget['kind']>> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod',
  service: 'Service', services: 'Service', svc: 'Service',
  deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment',
  statefulset: 'StatefulSet', statefulsets: 'StatefulSet', sts: 'StatefulSet',
  daemonset: 'DaemonSet', daemonsets: 'DaemonSet', ds: 'DaemonSet',
  replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', rs: 'ReplicaSet',
  job: 'Job', jobs: 'Job',
};

/** DNS-1123 subdomain, the name format of every target kind. */
const objectName = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
/** IANA_SVC_NAME, the format of a named container or Service port. */
const portName = /^(?=.*[a-z])[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/;

export function parseTarget(text: string, namespace: string): ForwardTarget {
  const [kindText, name] = text.includes('/') ? text.split('/', 2) : ['pod', text];
  const kind = kindNames[(kindText ?? '').toLowerCase()];
  if (kind === undefined) throw new UsageError(`cannot forward to '${kindText ?? ''}': use pod/, svc/, deploy/, sts/, ds/, rs/ or job/ NAME`);
  if (name === undefined || !objectName.test(name)) throw new UsageError(`'${name ?? ''}' is not a valid ${kind} name`);
  return kind === 'Pod' || kind === 'Service' ? { kind, namespace, name } : { kind: kind satisfies WorkloadKind, namespace, name };
}

function port(text: string, side: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const value = Number(text);
  if (value > 65535 || (side === 'remote' && value === 0)) throw new UsageError(`${side} port ${text} is out of range (${side === 'remote' ? 1 : 0}-65535)`);
  return value;
}

export interface PortSpec {
  /** undefined: the remote port when free, else any. */
  readonly local: number | undefined;
  readonly remote: number | string;
}

export function parsePorts(text: string): PortSpec {
  const parts = text.split(':');
  if (parts.length > 2) throw new UsageError(`'${text}' is not LOCAL:REMOTE`);
  const [first = '', second] = parts;
  const remoteText = second ?? first;
  const remote = port(remoteText, 'remote') ?? (portName.test(remoteText) ? remoteText : undefined);
  if (remote === undefined) throw new UsageError(`'${remoteText}' is neither a port number nor a port name`);
  if (second === undefined) return { local: undefined, remote };
  if (first === '') return { local: 0, remote };
  const local = port(first, 'local');
  if (local === undefined) throw new UsageError(`local port '${first}' is not a number`);
  return { local, remote };
}
