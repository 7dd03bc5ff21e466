import type { KubeObject } from './types.ts';
import { type Mapping, mappingAt } from './values.ts';

/** The JobSpec of a Job, or of a CronJob's jobTemplate. */
export function jobSpec(object: KubeObject): Mapping | undefined {
  return object.kind === 'CronJob' ? mappingAt(object.value, 'spec', 'jobTemplate', 'spec') : mappingAt(object.value, 'spec');
}
