import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import type { KubeObject, RuleContext } from './types.ts';
import { asList, asText, mappingAt } from './values.ts';

export interface HostPathVolume {
  /** The path without trailing slashes ('/' stays '/'). */
  readonly path: string;
  readonly range: Range;
}

/** Every hostPath volume of an object's pod spec. */
export function* hostPathVolumes(object: KubeObject, context: RuleContext): Iterable<HostPathVolume> {
  for (const volume of asList(context.workloads.pod(object)?.spec.volumes)) {
    const hostPath = mappingAt(volume, 'hostPath');
    const path = asText(hostPath?.path);
    if (path === undefined) continue;
    yield { path: path.length > 1 ? path.replace(/\/+$/, '') : path, range: rangeIn(object, hostPath, 'path') };
  }
}
