// Row text of what sizes and keeps pods: HorizontalPodAutoscalers (range, metrics, the workload they
// scale), PodDisruptionBudgets, PersistentVolumeClaims and PersistentVolumes, StorageClasses and
// PriorityClasses.
import { array, integer, record, text, type Json } from './object-fields.ts';
import { counted, firstOf, intOrString, parts, selectorText, type Summary } from './listed-text.ts';

interface Metric {
  readonly name: string;
  readonly target: string;
  readonly current: string;
}

/** The quantity a metric target or current value gives: "60%" (utilisation) or its average/total value. */
function amount(value: unknown): string {
  const source = record(value);
  if (typeof source['averageUtilization'] === 'number') return `${integer(source['averageUtilization'])}%`;
  return intOrString(source['averageValue']) || intOrString(source['value']);
}

/** The metric's type and name key, to pair a spec metric with its current value in the status. */
function metricOf(entry: Json): { key: string; name: string; value: unknown } {
  const type = text(entry['type']);
  const source = record(entry[type.charAt(0).toLowerCase() + type.slice(1)]);
  const name = text(source['name']) || text(record(source['metric'])['name']);
  return { key: `${type}/${name}`, name: name || type, value: source };
}

function hpaMetrics(spec: Json, status: Json): Metric[] {
  const current = new Map(array(status['currentMetrics']).map(record).map(metricOf).map(({ key, value }) => [key, amount(record(value)['current'])]));
  return array(spec['metrics']).map(record).map(metricOf).map(({ key, name, value }) => ({ name, target: amount(record(value)['target']), current: current.get(key) ?? '' }));
}

export function hpaSummary(object: Json): Summary {
  const spec = record(object['spec']);
  const status = record(object['status']);
  const target = record(spec['scaleTargetRef']);
  const range = `${spec['minReplicas'] === undefined ? 1 : integer(spec['minReplicas'])}–${integer(spec['maxReplicas'])}`;
  const metrics = hpaMetrics(spec, status);
  const now = metrics.map((metric) => `${metric.name} ${metric.current === '' ? '?' : metric.current}/${metric.target}`);
  const replicas = status['currentReplicas'] === undefined ? '' : counted(integer(status['currentReplicas']), 'replica');
  const failing = array(status['conditions']).map(record).filter((condition) => condition['status'] === 'False').map((condition) => `${text(condition['type'])} false: ${text(condition['reason'])}`);
  const words = parts(`HPA ${range}`, metrics[0] === undefined ? '' : `${metrics[0].name} ${metrics[0].target}`);
  return {
    detail: parts(`${text(target['kind'])} ${text(target['name'])}`, range, firstOf(now, 2), replicas),
    notes: [
      `scales ${text(target['kind'])} ${text(target['name'])} between ${range} replicas`,
      ...metrics.map((metric) => `${metric.name}: ${metric.current === '' ? 'not measured yet' : `${metric.current} now`}, target ${metric.target}`),
      ...(status['desiredReplicas'] === undefined ? [] : [`wants ${counted(integer(status['desiredReplicas']), 'replica')}`]),
      ...failing,
    ],
    scales: { kind: text(target['kind']), name: text(target['name']), words },
  };
}

export function pdbSummary(object: Json): Summary {
  const spec = record(object['spec']);
  const status = record(object['status']);
  const bound = spec['minAvailable'] !== undefined ? `min available ${intOrString(spec['minAvailable'])}` : spec['maxUnavailable'] !== undefined ? `max unavailable ${intOrString(spec['maxUnavailable'])}` : 'no bound';
  const allowed = integer(status['disruptionsAllowed']);
  const selector = selectorText(spec['selector']);
  return {
    detail: parts(bound, `${counted(allowed, 'disruption')} allowed`),
    notes: [
      `pods ${selector === '' ? '(all in the namespace)' : selector}`,
      `${integer(status['currentHealthy'])} healthy of ${integer(status['expectedPods'])} expected, ${integer(status['desiredHealthy'])} needed`,
    ],
  };
}

/** ReadWriteOnce → RWO, as kubectl abbreviates access modes. */
const accessModes = (modes: unknown): string =>
  array(modes)
    .map(text)
    .map((mode) => ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[mode] ?? mode)
    .join(',');

export function pvcSummary(object: Json): Summary {
  const spec = record(object['spec']);
  const status = record(object['status']);
  const capacity = text(record(status['capacity'])['storage']) || text(record(record(spec['resources'])['requests'])['storage']);
  const storageClass = text(spec['storageClassName']);
  return {
    detail: parts(text(status['phase']) || 'Pending', capacity, storageClass),
    notes: [text(spec['volumeName']) === '' ? 'no volume bound yet' : `volume ${text(spec['volumeName'])}`, `access ${accessModes(spec['accessModes']) || 'not set'}`, `storage class ${storageClass || 'none (the default class, if any)'}`],
  };
}

export function pvSummary(object: Json): Summary {
  const spec = record(object['spec']);
  const claim = record(spec['claimRef']);
  const claimText = text(claim['name']) === '' ? '' : `${text(claim['namespace'])}/${text(claim['name'])}`;
  const reclaim = text(spec['persistentVolumeReclaimPolicy']) || 'Retain';
  return {
    detail: parts(text(record(object['status'])['phase']) || 'Pending', text(record(spec['capacity'])['storage']), claimText),
    notes: [claimText === '' ? 'not claimed' : `claimed by ${claimText}`, `access ${accessModes(spec['accessModes']) || 'not set'}`, `reclaim ${reclaim}`, `storage class ${text(spec['storageClassName']) || 'none'}`],
  };
}

export function storageClassSummary(object: Json): Summary {
  const isDefault = record(record(object['metadata'])['annotations'])['storageclass.kubernetes.io/is-default-class'] === 'true';
  const reclaim = text(object['reclaimPolicy']) || 'Delete';
  const binding = text(object['volumeBindingMode']) || 'Immediate';
  return {
    detail: parts(isDefault ? 'default' : '', text(object['provisioner']), reclaim),
    notes: [`provisioner ${text(object['provisioner'])}`, `reclaim ${reclaim}, binding ${binding}`, object['allowVolumeExpansion'] === true ? 'volumes may grow' : 'volumes may not grow'],
  };
}

export function priorityClassSummary(object: Json): Summary {
  const globalDefault = object['globalDefault'] === true;
  return {
    detail: parts(String(integer(object['value'])), globalDefault ? 'global default' : ''),
    notes: [`preemption ${text(object['preemptionPolicy']) || 'PreemptLowerPriority'}`, ...(text(object['description']) === '' ? [] : [text(object['description'])])],
  };
}
