// A node's heartbeat: its Lease in kube-node-lease, renewed by the kubelet (every 10 s by default).
import { integer, objectMeta, record, text, timestamp } from './object-fields.ts';

export interface SlimLease {
  /** Equals the node's name. */
  readonly name: string;
  readonly holder: string;
  readonly renewMs: number | undefined;
  readonly durationSeconds: number;
}

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

export function slimLease(object: unknown): SlimLease {
  const spec = record(record(object)['spec']);
  return {
    name: objectMeta(object).name,
    holder: text(spec['holderIdentity']),
    // renewTime is a MicroTime ("2026-11-25T10:00:00.123456Z"); Date.parse keeps the milliseconds.
    renewMs: timestamp(spec['renewTime']),
    durationSeconds: integer(spec['leaseDurationSeconds']),
  };
}
