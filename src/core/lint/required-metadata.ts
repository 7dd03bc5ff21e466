import { anyKind } from './kinds.ts';
import { rangeIn } from './ranges.ts';
import { describe, reportOn } from './report.ts';
import type { RuleOptions } from './config.ts';
import type { Rule } from './types.ts';
import { mappingAt } from './values.ts';

/** required-labels / required-annotations: keys from the config every named object must carry; silent until configured. */
export function requiredMetadataRule(id: string, field: 'labels' | 'annotations', option: 'requiredLabels' | 'requiredAnnotations', why: string): Rule {
  const singular = field.slice(0, -1);
  return {
    id,
    category: 'schema',
    severity: 'warning',
    kinds: anyKind,
    description: `An object without one of the ${field} that \`${option}\` of \`.kube-workbench.yaml\` lists (nothing is required until it does).`,
    why,
    *checkObject(object, context) {
      const required: RuleOptions[typeof option] = context.facts.options[option];
      if (required === undefined || object.name === undefined || object.kind === undefined) return;
      const metadata = mappingAt(object.value, 'metadata');
      const present = mappingAt(metadata, field) ?? {};
      const missing = required.filter((key) => !Object.hasOwn(present, key));
      if (missing.length === 0) return;
      const range = metadata !== undefined && Object.hasOwn(metadata, field) ? rangeIn(object, metadata, field, 'key') : object.range;
      yield reportOn(object, range, `${describe(object)} has no ${singular}${missing.length === 1 ? '' : 's'} ${missing.join(', ')}.`);
    },
  };
}
