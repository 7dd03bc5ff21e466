/** The ServiceAccount controller's visible job: a `default` ServiceAccount in every live namespace. */
import type { ControllerEnvironment } from './environment.ts';

export class ServiceAccountController {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    const { types } = environment;
    const enqueue = environment.queues.create('serviceaccount', (namespace) => this.sync(namespace));
    environment.store.subscribe((event) => {
      if (event.resource === types.namespace && event.type !== 'DELETED') enqueue(event.object.metadata.name ?? '');
      // Deleting `default` brings it back, as on a real cluster.
      if (event.resource === types.serviceAccount && event.type === 'DELETED' && event.object.metadata.name === 'default') enqueue(event.object.metadata.namespace ?? '');
    });
  }

  private sync(namespace: string): void {
    const { store, types } = this.environment;
    const owner = store.get(types.namespace, undefined, namespace);
    if (owner === undefined || owner.metadata.deletionTimestamp !== undefined) return;
    if (store.get(types.serviceAccount, namespace, 'default') !== undefined) return;
    this.environment.createObject(types.serviceAccount, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
  }
}
