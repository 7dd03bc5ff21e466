/**
 * The horizontal pod autoscaler (autoscaling/v2, Resource metrics): every 15 s, each HPA's target
 * (Deployment, StatefulSet or ReplicaSet) is resized from its running pods' usage — the same usage
 * the metrics API serves — against their requests, within min/max replicas and a 10% tolerance.
 * Scale-down waits 5 minutes after the last scale (the default stabilization window, kept in
 * status.lastScaleTime rather than in a history the store does not have).
 */
import { amount, podRequests, usageList, type Amounts } from '../amounts.ts';
import type { KubeObject, LabelSelector, Pod } from '../objects.ts';
import { setCondition } from '../objects.ts';
import { recordUpdate } from '../managed-fields.ts';
import { apiVersionOf, type ResourceType } from '../resources.ts';
import { selectorMatches } from '../selectors.ts';
import { containerUsageModels } from './container-usage.ts';
import type { ControllerEnvironment } from './environment.ts';
import { keyOf, modify, splitKey } from './environment.ts';
import { isActive } from './replicaset.ts';

const syncPeriodMs = 15_000;
const tolerance = 0.1;
const downscaleWindowMs = 5 * 60_000;

interface MetricSpec {
  type: string;
  resource?: { name: 'cpu' | 'memory'; target: { type: string; averageUtilization?: number; averageValue?: string } };
}

type Condition = Parameters<typeof setCondition>[1];

/** Replicas one metric asks for: the usage ratio times the current count, unless within tolerance. */
export function proposedReplicas(current: number, usage: number, target: number): number {
  const ratio = usage / target;
  return Math.abs(ratio - 1) <= tolerance ? current : Math.ceil(ratio * current);
}

export class Autoscaler {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    const { store, types, clock } = environment;
    const enqueue = environment.queues.create('horizontal-pod-autoscaler', (key) => this.sync(key));
    store.subscribe((event) => {
      if (event.resource === types.horizontalPodAutoscaler && event.type === 'ADDED') enqueue(keyOf(event.object));
    });
    clock.setInterval(() => {
      for (const { object } of store.scan(types.horizontalPodAutoscaler)) enqueue(keyOf(object));
    }, syncPeriodMs);
  }

  private targetType(kind: unknown): ResourceType | undefined {
    const { types } = this.environment;
    return kind === 'Deployment' ? types.deployment : kind === 'StatefulSet' ? types.statefulSet : kind === 'ReplicaSet' ? types.replicaSet : undefined;
  }

  private sync(key: string): void {
    const { store, types } = this.environment;
    const { namespace, name } = splitKey(key);
    const hpa = store.get(types.horizontalPodAutoscaler, namespace, name);
    if (hpa === undefined) return;
    const spec = hpa['spec'] as { scaleTargetRef: { kind: string; name: string }; minReplicas?: number; maxReplicas: number; metrics?: MetricSpec[] };
    const targetType = this.targetType(spec.scaleTargetRef.kind);
    const target = targetType === undefined ? undefined : store.get(targetType, namespace, spec.scaleTargetRef.name);
    if (targetType === undefined || target === undefined) {
      this.writeStatus(hpa, 0, 0, [], { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name} not found` });
      return;
    }
    const targetSpec = target['spec'] as { replicas?: number; selector?: LabelSelector };
    const current = targetSpec.replicas ?? 1;
    const pods = [...store.scan(types.pod, { namespace })]
      .map(({ object }) => object as Pod)
      .filter((pod) => isActive(pod) && pod.status?.phase === 'Running' && selectorMatches(targetSpec.selector, pod.metadata.labels));
    const measured = (spec.metrics ?? []).filter((metric) => metric.type === 'Resource' && metric.resource !== undefined).map((metric) => this.measure(metric, pods, current));
    const failed = measured.find((each) => each.error !== undefined);
    if (current === 0 || pods.length === 0 || failed !== undefined) {
      const message = current === 0 ? 'scaling is disabled since the replica count of the target is zero' : (failed?.error ?? 'did not receive metrics for targeted pods (pods might be unready)');
      this.writeStatus(hpa, current, current, measured.map((each) => each.status), { type: 'ScalingActive', status: 'False', reason: current === 0 ? 'ScalingDisabled' : 'FailedGetResourceMetric', message });
      return;
    }
    const proposed = measured.reduce((most, each) => Math.max(most, each.replicas), 0);
    const desired = Math.min(spec.maxReplicas, Math.max(spec.minReplicas ?? 1, measured.length === 0 ? current : proposed));
    const lastScale = Date.parse(String((hpa['status'] as { lastScaleTime?: string } | undefined)?.lastScaleTime ?? ''));
    const waitDown = desired < current && Number.isFinite(lastScale) && this.environment.clock.now() - lastScale < downscaleWindowMs;
    const replicas = waitDown ? current : desired;
    if (replicas !== current) {
      modify(this.environment, targetType, target, (copy) => {
        (copy['spec'] as { replicas: number }).replicas = replicas;
        // Written through the scale subresource as kube-controller-manager, so an apply that sets replicas then conflicts with the HPA, as on a real cluster.
        const manager = { name: 'kube-controller-manager', apiVersion: apiVersionOf(targetType), time: this.environment.clock.timestamp(), subresource: 'scale' };
        copy.metadata.managedFields = recordUpdate(target, copy, manager);
      });
      const above = measured.find((each) => each.replicas > current);
      const reason = above === undefined ? 'All metrics below target' : `${above.name} resource utilization (percentage of request) above target`;
      this.environment.events.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${replicas}; reason: ${reason}`, 'horizontal-pod-autoscaler');
    }
    this.writeStatus(hpa, current, replicas, measured.map((each) => each.status), { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from resource metrics' }, replicas !== current);
  }

  /** One Resource metric: average usage over the pods against the target, and the replicas it proposes. */
  private measure(metric: MetricSpec, pods: readonly Pod[], current: number): { name: string; replicas: number; status: unknown; error?: string } {
    const resource = metric.resource as NonNullable<MetricSpec['resource']>;
    const now = this.environment.clock.now() / 1000;
    const usage: Amounts = { cpu: 0, memory: 0 };
    const requests: Amounts = { cpu: 0, memory: 0 };
    for (const pod of pods) {
      for (const model of containerUsageModels(pod)) {
        const at = model.at(now);
        usage.cpu += at.cpu;
        usage.memory += at.memory;
      }
      const requested = podRequests(pod);
      requests.cpu += requested.cpu;
      requests.memory += requested.memory;
    }
    const average = usage[resource.name] / Math.max(1, pods.length);
    const averageValue = usageList({ cpu: average, memory: average })[resource.name];
    if (resource.target.averageValue !== undefined) {
      const status = { type: 'Resource', resource: { name: resource.name, current: { averageValue } } };
      return { name: resource.name, replicas: proposedReplicas(current, average, amount(resource.target.averageValue)), status };
    }
    if (requests[resource.name] === 0) {
      return { name: resource.name, replicas: current, status: { type: 'Resource', resource: { name: resource.name, current: { averageValue } } }, error: `failed to get ${resource.name} utilization: missing request for ${resource.name}` };
    }
    const utilization = Math.round((100 * usage[resource.name]) / requests[resource.name]);
    const status = { type: 'Resource', resource: { name: resource.name, current: { averageUtilization: utilization, averageValue } } };
    return { name: resource.name, replicas: proposedReplicas(current, utilization, resource.target.averageUtilization ?? 80), status };
  }

  private writeStatus(hpa: KubeObject, current: number, desired: number, currentMetrics: unknown[], active: Condition, scaled = false): void {
    const { clock, types } = this.environment;
    modify(this.environment, types.horizontalPodAutoscaler, hpa, (copy) => {
      const previous = (copy['status'] ?? {}) as Record<string, unknown>;
      const now = clock.timestamp();
      let conditions = (previous['conditions'] ?? []) as Parameters<typeof setCondition>[0];
      if (active.type !== 'AbleToScale') conditions = setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' }, now);
      conditions = setCondition(conditions, active, now);
      copy['status'] = {
        observedGeneration: hpa.metadata.generation ?? 1,
        ...(scaled ? { lastScaleTime: now } : previous['lastScaleTime'] === undefined ? {} : { lastScaleTime: previous['lastScaleTime'] }),
        currentReplicas: current,
        desiredReplicas: desired,
        ...(currentMetrics.length > 0 ? { currentMetrics } : {}),
        conditions,
      };
    });
  }
}
