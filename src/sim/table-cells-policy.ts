/** Table printers for storage, scheduling, autoscaling, policy and quota kinds, with kubectl 1.32's columns. */
import { ageOf } from '../core/text/age.ts';
import type { KubeObject } from './objects.ts';
import { field, simple } from './table-cells-core.ts';
import { firstThree } from './table-cells-network.ts';
import type { Printer } from './tables.ts';

const none = '<none>';
const unset = '<unset>';

const accessModeShort: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

function accessModes(value: unknown): string {
  return Array.isArray(value) ? value.map((mode: string) => accessModeShort[mode] ?? mode).join(',') : '';
}

function text(value: unknown, fallback: string): string {
  return value === undefined || value === null ? fallback : String(value);
}

function storageClassOf(object: KubeObject): unknown {
  return field(object, 'spec', 'storageClassName') ?? object.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

function pvc(object: KubeObject, now: number): unknown[] {
  const bound = text(field(object, 'spec', 'volumeName'), '') !== '';
  const phase = object.metadata.deletionTimestamp === undefined ? field(object, 'status', 'phase') : 'Terminating';
  return [
    object.metadata.name,
    phase ?? '',
    field(object, 'spec', 'volumeName') ?? '',
    bound ? text(field(object, 'status', 'capacity', 'storage'), '') : '',
    bound ? accessModes(field(object, 'status', 'accessModes')) : '',
    storageClassOf(object),
    text(field(object, 'spec', 'volumeAttributesClassName'), unset),
    ageOf(object.metadata.creationTimestamp, now),
    text(field(object, 'spec', 'volumeMode'), unset),
  ];
}

function pv(object: KubeObject, now: number): unknown[] {
  const claim = field(object, 'spec', 'claimRef') as { namespace?: string; name?: string } | undefined;
  return [
    object.metadata.name,
    text(field(object, 'spec', 'capacity', 'storage'), ''),
    accessModes(field(object, 'spec', 'accessModes')),
    field(object, 'spec', 'persistentVolumeReclaimPolicy') ?? '',
    object.metadata.deletionTimestamp === undefined ? (field(object, 'status', 'phase') ?? '') : 'Terminating',
    claim === undefined ? '' : `${claim.namespace ?? ''}/${claim.name ?? ''}`,
    storageClassOf(object),
    text(field(object, 'spec', 'volumeAttributesClassName'), unset),
    field(object, 'status', 'reason') ?? '',
    ageOf(object.metadata.creationTimestamp, now),
    text(field(object, 'spec', 'volumeMode'), unset),
  ];
}

function volumeColumns(names: string[]): Printer['columns'] {
  return [...names.map((name) => ({ name })), { name: 'VolumeMode', priority: 1 }];
}

type Metric = Record<string, Record<string, Record<string, unknown> | undefined> | string | undefined>;

/** One TARGETS entry of a Resource metric: `cpu: 40%/50%`, `<unknown>` before the controller measured it. */
function resourceTarget(spec: Metric, status: Metric | undefined): string {
  const resource = spec['resource'] as Record<string, Record<string, unknown> | string | undefined> | undefined;
  const target = (resource?.['target'] ?? {}) as Record<string, unknown>;
  const current = ((status?.['resource'] as Record<string, unknown> | undefined)?.['current'] ?? {}) as Record<string, unknown>;
  const name = String(resource?.['name'] ?? '');
  if (target['averageValue'] !== undefined) return `${name}: ${text(current['averageValue'], '<unknown>')}/${String(target['averageValue'])}`;
  const now = typeof current['averageUtilization'] === 'number' ? `${current['averageUtilization']}%` : '<unknown>';
  const wanted = typeof target['averageUtilization'] === 'number' ? `${target['averageUtilization']}%` : '<auto>';
  return `${name}: ${now}/${wanted}`;
}

function hpaTargets(object: KubeObject): string {
  const specs = (field(object, 'spec', 'metrics') ?? []) as Metric[];
  const statuses = (field(object, 'status', 'currentMetrics') ?? []) as Metric[];
  const shown = specs.map((spec, index) => (spec['type'] === 'Resource' ? resourceTarget(spec, statuses[index]) : `${String(spec['type'])}: <unknown>`));
  return firstThree(shown, none, ', ');
}

/** `resource: used/hard` pairs of a quota, requests and limits apart. */
function quotaPairs(object: KubeObject, limits: boolean): string {
  const hard = (field(object, 'status', 'hard') ?? field(object, 'spec', 'hard') ?? {}) as Record<string, string>;
  const used = (field(object, 'status', 'used') ?? {}) as Record<string, string>;
  return Object.keys(hard)
    .sort()
    .filter((key) => key.startsWith('limits.') === limits)
    .map((key) => `${key}: ${used[key] ?? '0'}/${hard[key] ?? ''}`)
    .join(', ');
}

export const policyCells: Record<string, Printer> = {
  '/persistentvolumeclaims': { columns: volumeColumns(['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age']), cells: pvc },
  '/persistentvolumes': {
    columns: volumeColumns(['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age']),
    cells: pv,
  },
  '/resourcequotas': simple(['Name', 'Age', 'Request', 'Limit'], (object, now) => [object.metadata.name, ageOf(object.metadata.creationTimestamp, now), quotaPairs(object, false), quotaPairs(object, true)]),
  '/limitranges': simple(['Name', 'Created At'], (object) => [object.metadata.name, object.metadata.creationTimestamp]),
  'storage.k8s.io/storageclasses': simple(['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'], (object, now) => [
    object.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? `${object.metadata.name ?? ''} (default)` : object.metadata.name,
    object['provisioner'] ?? '',
    object['reclaimPolicy'] ?? 'Delete',
    object['volumeBindingMode'] ?? 'Immediate',
    String(object['allowVolumeExpansion'] === true),
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'scheduling.k8s.io/priorityclasses': {
    columns: [{ name: 'Name' }, { name: 'Value', type: 'integer' }, { name: 'Global-Default', type: 'boolean' }, { name: 'Age' }, { name: 'PreemptionPolicy' }],
    cells: (object, now) => [object.metadata.name, object['value'] ?? 0, object['globalDefault'] === true, ageOf(object.metadata.creationTimestamp, now), object['preemptionPolicy'] ?? ''],
  },
  'autoscaling/horizontalpodautoscalers': simple(['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'], (object, now) => [
    object.metadata.name,
    `${String(field(object, 'spec', 'scaleTargetRef', 'kind') ?? '')}/${String(field(object, 'spec', 'scaleTargetRef', 'name') ?? '')}`,
    hpaTargets(object),
    text(field(object, 'spec', 'minReplicas'), unset),
    text(field(object, 'spec', 'maxReplicas'), ''),
    text(field(object, 'status', 'currentReplicas'), '0'),
    ageOf(object.metadata.creationTimestamp, now),
  ]),
  'policy/poddisruptionbudgets': simple(['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age'], (object, now) => [
    object.metadata.name,
    text(field(object, 'spec', 'minAvailable'), 'N/A'),
    text(field(object, 'spec', 'maxUnavailable'), 'N/A'),
    text(field(object, 'status', 'disruptionsAllowed'), '0'),
    ageOf(object.metadata.creationTimestamp, now),
  ]),
};
