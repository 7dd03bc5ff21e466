/**
 * The Deployment controller: one ReplicaSet per pod template (named by its pod-template-hash),
 * rolled with maxSurge/maxUnavailable (or Recreate), old ones pruned past revisionHistoryLimit,
 * and the status `kubectl rollout status` reads.
 */
import type { Deployment, ReplicaSet } from '../objects.ts';
import { clone, setCondition } from '../objects.ts';
import { stableHash } from '../names.ts';
import type { ControllerEnvironment } from './environment.ts';
import { modify, ownerReference, splitKey, watchOwned } from './environment.ts';
import { sameTemplate } from './pod-template.ts';

const revisionAnnotation = 'deployment.kubernetes.io/revision';
const historyAnnotation = 'deployment.kubernetes.io/revision-history';
const hashLabel = 'pod-template-hash';

/** An int-or-percent of `total`; surge rounds up, unavailability down (intstr.GetScaledValueFromIntOrPercent). */
function scaled(value: number | string | undefined, total: number, roundUp: boolean, fallback: string): number {
  const given = value ?? fallback;
  if (typeof given === 'number') return given;
  const percent = Number(given.replace('%', ''));
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

function revision(replicaSet: ReplicaSet): number {
  return Number(replicaSet.metadata.annotations?.[revisionAnnotation] ?? '0');
}

function specReplicas(replicaSet: ReplicaSet): number {
  return replicaSet.spec.replicas ?? 0;
}

function available(replicaSet: ReplicaSet): number {
  return replicaSet.status?.availableReplicas ?? 0;
}

/**
 * The annotations of a ReplicaSet taking revision `number`; an older revision it had joins its
 * revision-history, as SetNewReplicaSetAnnotations keeps a rolled-back-to ReplicaSet's past.
 */
function revised(replicaSet: ReplicaSet, number: number): Record<string, string> {
  const annotations = { ...replicaSet.metadata.annotations, [revisionAnnotation]: String(number) };
  const old = replicaSet.metadata.annotations?.[revisionAnnotation];
  if (old === undefined || Number(old) >= number) return annotations;
  const history = replicaSet.metadata.annotations?.[historyAnnotation];
  return { ...annotations, [historyAnnotation]: history === undefined || history === '' ? old : `${history},${old}` };
}

export class DeploymentController {
  private readonly environment: ControllerEnvironment;
  private readonly enqueue: (key: string) => void;
  /** Deployments with a progress-deadline check pending. */
  private readonly deadlines = new Set<string>();

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    this.enqueue = environment.queues.create('deployment', (key) => this.sync(key));
    watchOwned(environment, environment.types.deployment, environment.types.replicaSet, this.enqueue);
  }

  private sync(key: string): void {
    const { store, types, owners } = this.environment;
    const { namespace, name } = splitKey(key);
    const deployment = store.get(types.deployment, namespace, name) as Deployment | undefined;
    if (deployment === undefined) return;
    const all = owners.dependents(deployment.metadata.uid ?? '', types.replicaSet) as ReplicaSet[];
    const hash = stableHash(JSON.stringify(deployment.spec.template));
    // reduce, not Math.max(...): a spread of many ReplicaSets would overflow the call stack.
    const latest = all.reduce((highest, each) => Math.max(highest, revision(each)), 0);
    // The hash first (cheap); then, as FindNewReplicaSet, any ReplicaSet with an equal template: a rollback's.
    let current = all.find((each) => each.metadata.labels?.[hashLabel] === hash) ?? all.find((each) => sameTemplate(each.spec.template, deployment.spec.template));
    if (deployment.spec.paused !== true) {
      if (current === undefined) current = this.createReplicaSet(deployment, hash, latest + 1, all);
      else if (revision(current) < latest) current = this.setReplicas(deployment, current, specReplicas(current), latest + 1);
      const old = all.filter((each) => each !== current);
      if (deployment.spec.strategy?.type === 'Recreate') this.recreate(deployment, current, old);
      else this.rollingUpdate(deployment, current, old);
      this.prune(deployment, old);
    }
    this.updateStatus(deployment, current, all);
  }

  private createReplicaSet(deployment: Deployment, hash: string, number: number, all: ReplicaSet[]): ReplicaSet {
    const template = clone(deployment.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [hashLabel]: hash } };
    const surge = scaled(deployment.spec.strategy?.rollingUpdate?.maxSurge, deployment.spec.replicas ?? 1, true, '25%');
    const total = all.reduce((sum, each) => sum + specReplicas(each), 0);
    const wanted = deployment.spec.replicas ?? 1;
    const replicas = deployment.spec.strategy?.type === 'Recreate' || all.length > 0 ? Math.max(0, Math.min(wanted, wanted + surge - total)) : wanted;
    const created = this.environment.createObject(this.environment.types.replicaSet, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${deployment.metadata.name ?? ''}-${hash}`,
        namespace: deployment.metadata.namespace,
        labels: template.metadata.labels,
        annotations: { [revisionAnnotation]: String(number), 'deployment.kubernetes.io/desired-replicas': String(wanted) },
        ownerReferences: [ownerReference(deployment)],
      },
      spec: { replicas: deployment.spec.strategy?.type === 'Recreate' && all.some((each) => specReplicas(each) > 0) ? 0 : replicas, selector: { matchLabels: { ...deployment.spec.selector.matchLabels, [hashLabel]: hash } }, template },
    }) as ReplicaSet;
    this.environment.events.record(deployment, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name ?? ''} from 0 to ${specReplicas(created)}`, 'deployment-controller');
    return created;
  }

  private setReplicas(deployment: Deployment, replicaSet: ReplicaSet, replicas: number, number?: number): ReplicaSet {
    const before = specReplicas(replicaSet);
    const updated = modify(this.environment, this.environment.types.replicaSet, replicaSet, (copy) => {
      copy.spec.replicas = replicas;
      if (number !== undefined) copy.metadata.annotations = revised(copy, number);
    });
    if (before !== replicas) {
      const verb = replicas > before ? 'up' : 'down';
      this.environment.events.record(deployment, 'Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${replicaSet.metadata.name ?? ''} from ${before} to ${replicas}`, 'deployment-controller');
    }
    return updated;
  }

  private recreate(deployment: Deployment, current: ReplicaSet, old: ReplicaSet[]): void {
    for (const each of old) if (specReplicas(each) > 0) this.setReplicas(deployment, each, 0);
    if (old.every((each) => (each.status?.replicas ?? 0) === 0)) this.setReplicas(deployment, current, deployment.spec.replicas ?? 1);
  }

  /** One step of a rolling update, as rolling.go: surge the new ReplicaSet, then scale old ones down within maxUnavailable. */
  private rollingUpdate(deployment: Deployment, current: ReplicaSet, old: ReplicaSet[]): void {
    const wanted = deployment.spec.replicas ?? 1;
    const surge = scaled(deployment.spec.strategy?.rollingUpdate?.maxSurge, wanted, true, '25%');
    let unavailable = scaled(deployment.spec.strategy?.rollingUpdate?.maxUnavailable, wanted, false, '25%');
    if (surge === 0 && unavailable === 0) unavailable = 1;
    const total = [current, ...old].reduce((sum, each) => sum + specReplicas(each), 0);
    if (specReplicas(current) > wanted) this.setReplicas(deployment, current, wanted);
    else if (specReplicas(current) < wanted && total < wanted + surge) {
      this.setReplicas(deployment, current, specReplicas(current) + Math.min(wanted + surge - total, wanted - specReplicas(current)));
    }
    const minAvailable = wanted - unavailable;
    let canRemove = [current, ...old].reduce((sum, each) => sum + available(each), 0) - minAvailable;
    for (const each of [...old].sort((left, right) => revision(left) - revision(right))) {
      const replicas = specReplicas(each);
      if (replicas === 0) continue;
      // Unavailable old replicas go first: removing them costs no availability.
      const unhealthy = Math.max(0, replicas - available(each));
      const healthy = Math.max(0, Math.min(replicas - unhealthy, canRemove));
      canRemove -= healthy;
      if (unhealthy + healthy > 0) this.setReplicas(deployment, each, replicas - unhealthy - healthy);
    }
  }

  private checkAt(deadline: number, deployment: Deployment): void {
    const key = `${deployment.metadata.namespace ?? ''}/${deployment.metadata.name ?? ''}`;
    if (this.deadlines.has(key)) return;
    this.deadlines.add(key);
    this.environment.clock.setTimeout(() => {
      this.deadlines.delete(key);
      this.enqueue(key);
    }, deadline - this.environment.clock.now());
  }

  /** Deletes scaled-down ReplicaSets beyond revisionHistoryLimit, oldest first. */
  private prune(deployment: Deployment, old: ReplicaSet[]): void {
    const limit = deployment.spec.revisionHistoryLimit ?? 10;
    const idle = old.filter((each) => specReplicas(each) === 0 && (each.status?.replicas ?? 0) === 0).sort((left, right) => revision(left) - revision(right));
    for (const each of idle.slice(0, Math.max(0, idle.length - limit))) this.environment.store.delete(this.environment.types.replicaSet, each.metadata.namespace, each.metadata.name ?? '');
  }

  private updateStatus(deployment: Deployment, current: ReplicaSet | undefined, all: ReplicaSet[]): void {
    const { store, types, clock } = this.environment;
    const fresh = all.map((each) => (store.get(types.replicaSet, each.metadata.namespace, each.metadata.name ?? '') as ReplicaSet | undefined) ?? each);
    const sum = (field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number => fresh.reduce((total, each) => total + (each.status?.[field] ?? 0), 0);
    const latest = current === undefined ? undefined : (store.get(types.replicaSet, current.metadata.namespace, current.metadata.name ?? '') as ReplicaSet | undefined);
    const wanted = deployment.spec.replicas ?? 1;
    const updated = latest?.status?.replicas ?? 0;
    const availableCount = sum('availableReplicas');
    const unavailable = scaled(deployment.spec.strategy?.rollingUpdate?.maxUnavailable, wanted, false, '25%');
    const complete = updated === wanted && sum('replicas') === updated && availableCount === updated;
    const now = clock.timestamp();
    const rsName = latest?.metadata.name ?? '';
    modify(this.environment, types.deployment, store.get(types.deployment, deployment.metadata.namespace, deployment.metadata.name ?? '') as Deployment, (copy) => {
      let conditions = ((copy.status?.['conditions'] ?? []) as Parameters<typeof setCondition>[0]);
      conditions = setCondition(conditions, availableCount >= wanted - unavailable
        ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: now }
        : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: now }, now);
      // Progress (more pods updated or available) restarts the clock of progressDeadlineSeconds.
      const before = copy.status as { updatedReplicas?: number; availableReplicas?: number } | undefined;
      const progressed = before?.updatedReplicas !== updated || before.availableReplicas !== availableCount;
      const previous = conditions.find((each) => each.type === 'Progressing');
      const since = progressed || previous?.lastUpdateTime === undefined ? now : previous.lastUpdateTime;
      const deadline = Date.parse(since) + (Number(deployment.spec['progressDeadlineSeconds'] ?? 600)) * 1000;
      const progressing = complete
        ? { type: 'Progressing', status: 'True' as const, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` }
        : !progressed && (previous?.reason === 'ProgressDeadlineExceeded' || clock.now() >= deadline)
          ? { type: 'Progressing', status: 'False' as const, reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.` }
          : { type: 'Progressing', status: 'True' as const, reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` };
      if (progressing.reason === 'ReplicaSetUpdated') this.checkAt(deadline, deployment);
      conditions = setCondition(conditions, { ...progressing, lastUpdateTime: progressing.reason === previous?.reason && !progressed ? since : now }, now);
      copy.status = {
        observedGeneration: copy.metadata.generation ?? 1,
        replicas: sum('replicas'),
        updatedReplicas: updated,
        readyReplicas: sum('readyReplicas'),
        availableReplicas: availableCount,
        ...(wanted - availableCount > 0 ? { unavailableReplicas: wanted - availableCount } : {}),
        conditions,
      };
      if (latest !== undefined) copy.metadata.annotations = { ...copy.metadata.annotations, [revisionAnnotation]: String(revision(latest)) };
    });
  }
}
