/** The resource quota controller: each ResourceQuota's status (hard, used) from its namespace's pods. */
import { quotaQuantity, quotaUsed } from '../admission.ts';
import type { KubeObject } from '../objects.ts';
import type { ControllerEnvironment } from './environment.ts';
import { modify } from './environment.ts';
import { runSelecting } from './selecting.ts';

export class QuotaController {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
    // A quota covers every pod of its namespace.
    runSelecting(environment, 'resourcequota', environment.types.resourceQuota, () => true, (quota) => {
      if (quota !== undefined) this.sync(quota);
    });
  }

  private sync(quota: KubeObject): void {
    const { store, types } = this.environment;
    const hard = ((quota['spec'] as { hard?: Record<string, string> } | undefined)?.hard ?? {});
    const used = Object.fromEntries(Object.entries(quotaUsed(store, types.pod, quota)).map(([resource, value]) => [resource, quotaQuantity(resource, value)]));
    modify(this.environment, types.resourceQuota, quota, (copy) => {
      copy['status'] = { hard, used };
    });
  }
}
