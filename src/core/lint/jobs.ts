import type { KubeObject, RuleContext } from './types.ts';
import { type Mapping, mappingAt } from './values.ts';

export interface JobSpecRef {
  readonly object: KubeObject;
  readonly spec: Mapping;
}

/** The JobSpec of every Job and, with `cronJobs`, of every CronJob's jobTemplate. */
export function* jobSpecs(context: RuleContext, cronJobs: boolean): Iterable<JobSpecRef> {
  for (const object of context.objects) {
    const spec = object.kind === 'Job' ? mappingAt(object.value, 'spec') : object.kind === 'CronJob' && cronJobs ? mappingAt(object.value, 'spec', 'jobTemplate', 'spec') : undefined;
    if (spec !== undefined) yield { object, spec };
  }
}
