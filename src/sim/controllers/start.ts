/** Builds the controllers over one store and clock, in the order their events must flow. */
import { randomUUID } from 'node:crypto';
import type { SimClock } from '../clock.ts';
import { admit } from '../admission.ts';
import { applyDefaults } from '../defaults.ts';
import type { KubeObject } from '../objects.ts';
import type { OwnerIndex } from '../owner-index.ts';
import type { Catalog, ResourceType } from '../resources.ts';
import type { Store } from '../store.ts';
import { Autoscaler } from './autoscaler.ts';
import { CronJobController } from './cronjob.ts';
import { DaemonSetController } from './daemonset.ts';
import { DeploymentController } from './deployment.ts';
import { DisruptionController } from './disruption.ts';
import { EndpointsController } from './endpoints.ts';
import type { ControllerEnvironment } from './environment.ts';
import { EventRecorder } from './events.ts';
import { JobController } from './job.ts';
import { Kubelets } from './kubelet.ts';
import { Metrics } from './metrics.ts';
import { NodeLifecycle } from './node-lifecycle.ts';
import { OomKiller } from './oom-killer.ts';
import { PodIndex } from './pod-index.ts';
import { PodLogs } from './pod-logs.ts';
import { QuotaController } from './quota.ts';
import { ReplicaSetController } from './replicaset.ts';
import { Scheduler } from './scheduler.ts';
import { ServiceAccountController } from './service-accounts.ts';
import { StatefulSetController } from './statefulset.ts';
import { resolveTypes, type Types } from './types.ts';
import { WorkQueues } from './work-queues.ts';

export interface ControllerInputs {
  readonly store: Store;
  readonly clock: SimClock;
  readonly catalog: Catalog;
  readonly owners: OwnerIndex;
  readonly allocateIp: () => string;
  readonly log: (message: string) => void;
}

export interface Controllers {
  readonly types: Types;
  readonly queues: WorkQueues;
  readonly kubelet: Kubelets;
  readonly logs: PodLogs;
  readonly pods: PodIndex;
  readonly metrics: (type: ResourceType, namespace: string | undefined) => KubeObject[];
}

export function startControllers(inputs: ControllerInputs): Controllers {
  const { store, clock, catalog, owners, allocateIp } = inputs;
  const types = resolveTypes(catalog);
  const queues = new WorkQueues(inputs.log);
  const pods = new PodIndex(store, types.pod);
  const environment: ControllerEnvironment = {
    store,
    clock,
    types,
    owners,
    pods,
    queues,
    events: new EventRecorder(store, clock, types.event),
    createObject: (type: ResourceType, object: KubeObject) => {
      // Job defaulting derives its selector from the uid, so the uid comes first, as on the API path.
      object.metadata.uid = randomUUID();
      applyDefaults(type, object, { allocateIp });
      admit(store, catalog, type, object);
      return store.create(type, object);
    },
  };
  new Scheduler(environment);
  const kubelet = new Kubelets(environment);
  new NodeLifecycle(environment);
  new ReplicaSetController(environment);
  new DeploymentController(environment);
  new StatefulSetController(environment);
  new DaemonSetController(environment);
  new JobController(environment);
  new CronJobController(environment);
  new ServiceAccountController(environment);
  new DisruptionController(environment);
  new EndpointsController(environment);
  new Autoscaler(environment);
  new QuotaController(environment);
  new OomKiller(environment);
  const metrics = new Metrics(environment, kubelet);
  return { types, queues, kubelet, pods, logs: new PodLogs(environment), metrics: (type, namespace) => metrics.list(type, namespace) };
}
