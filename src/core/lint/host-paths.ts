import type { Range } from '../yaml/types.ts';
import { rangeIn } from './ranges.ts';
import type { KubeObject, RuleContext } from './types.ts';
import { asList, asText, mappingAt } from './values.ts';
import { pods } from './workloads.ts';

export interface HostPathVolume {
  readonly object: KubeObject;
  /** The path without trailing slashes ('/' stays '/'). */
  readonly path: string;
  readonly range: Range;
}

/** Every hostPath volume of every pod spec. */
export function* hostPathVolumes(context: RuleContext): Iterable<HostPathVolume> {
  for (const { object, spec } of pods(context)) {
    for (const volume of asList(spec.volumes)) {
      const hostPath = mappingAt(volume, 'hostPath');
      const path = asText(hostPath?.path);
      if (path === undefined) continue;
      yield { object, path: path.length > 1 ? path.replace(/\/+$/, '') : path, range: rangeIn(object, hostPath, 'path') };
    }
  }
}
