// Objects as YAML for people to read (Describe): block style, no anchors, long strings unwrapped.
import { dump } from 'js-yaml';

export function toYaml(value: unknown): string {
  return dump(value, { noRefs: true, lineWidth: -1 });
}
