import { containerRange } from './ranges.ts';
import { reportOn } from './report.ts';
import type { Rule } from './types.ts';
import type { ContainerRef } from './workloads.ts';

/** Whether a container runs for ever: any in a Deployment-family workload, or in a bare Pod restarting Always (the default). */
export function isLongRunning(ref: ContainerRef): boolean {
  return ref.object.kind !== 'Pod' || ref.pod.spec.restartPolicy === undefined || ref.pod.spec.restartPolicy === 'Always';
}

/** The no-liveness-probe / no-readiness-probe family: app containers of the given kinds without the probe. */
export function missingProbeRule(id: string, probe: string, kinds: readonly string[], applies: (ref: ContainerRef) => boolean, description: string, why: string): Rule {
  return {
    id,
    category: 'reliability',
    severity: 'warning',
    kinds,
    description,
    why,
    *checkObject(object, context) {
      for (const ref of context.workloads.containers(object, ['containers'])) {
        if (ref.container[probe] !== undefined || !applies(ref)) continue;
        const name = typeof ref.container.name === 'string' ? ref.container.name : '(unnamed)';
        yield reportOn(object, containerRange(object, ref.container), `The container ${name} has no ${probe}.`);
      }
    },
  };
}
