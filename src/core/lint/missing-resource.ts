import { compareQuantities, parseQuantity, quantityText } from '../allocator/quantity.ts';
import { setPathEdit } from './edits.ts';
import { containerRange, rangeIn } from './ranges.ts';
import { reportOn } from './report.ts';
import type { ResourceSide } from './resources.ts';
import type { Rule } from './types.ts';
import { podKinds, type ContainerRef } from './workloads.ts';

export interface MissingResourceSpec {
  readonly id: string;
  readonly resource: 'cpu' | 'memory';
  readonly side: ResourceSide;
  readonly why: string;
  /** A typical starting value offered in the quick fix's input box. */
  readonly placeholder: string;
  readonly profile?: 'all';
}

/**
 * The value offered for a missing limit: the spec's typical one, or the request when that is larger,
 * since a limit below the request is rejected by the API server (limit-below-request).
 */
function placeholderFor(spec: MissingResourceSpec, ref: ContainerRef): string {
  const request = ref.resources.find((value) => value.side === 'requests' && value.resource === spec.resource);
  const typical = parseQuantity(spec.placeholder);
  if (spec.side !== 'limits' || request?.quantity === undefined || !typical.ok || compareQuantities(request.quantity, typical.quantity) <= 0) return spec.placeholder;
  return quantityText(request.raw) ?? spec.placeholder;
}

/**
 * The missing-cpu-request / missing-memory-request / missing-memory-limit family: app containers
 * (not init, and ephemeral ones cannot have resources) without the entry. For requests, a limit alone
 * counts: Kubernetes defaults the request to it.
 */
export function missingResourceRule(spec: MissingResourceSpec): Rule {
  const what = `${spec.side}.${spec.resource}`;
  return {
    id: spec.id,
    category: 'resources',
    severity: 'warning',
    kinds: podKinds,
    ...(spec.profile === undefined ? {} : { profile: spec.profile }),
    description: `A container without \`resources.${what}\`${spec.side === 'requests' ? ' (a limit alone counts as the request)' : ''}.`,
    why: spec.why,
    fix: `Add resources.${what} (asks for the value).`,
    *checkObject(object, context) {
      for (const ref of context.workloads.containers(object, ['containers'])) {
        const values = ref.resources.filter((value) => value.resource === spec.resource);
        if (values.some((value) => value.side === spec.side || spec.side === 'requests')) continue;
        const name = typeof ref.container.name === 'string' ? ref.container.name : '(unnamed)';
        const range = ref.container.resources === undefined ? containerRange(object, ref.container) : rangeIn(object, ref.container, 'resources', 'key');
        const edit = setPathEdit(object, ref.container, ['resources', spec.side, spec.resource], '${input}');
        yield reportOn(object, range, `The container ${name} has no ${spec.resource} ${spec.side === 'requests' ? 'request' : 'limit'}.`, {
          ...(edit === undefined
            ? {}
            : { fix: { title: `Add resources.${what}`, edits: [edit], input: { prompt: `${spec.resource} ${spec.side === 'requests' ? 'request' : 'limit'} for ${name}`, placeholder: placeholderFor(spec, ref) } } }),
        });
      }
    },
  };
}
