import type { Range } from '../../yaml/types.ts';
import { quoteValue } from '../quote-value.ts';
import { mayShareNamespace } from '../references.ts';
import { rangeIn } from '../ranges.ts';
import { describe, reportOn } from '../report.ts';
import type { KubeObject, Report, Rule, RuleContext, SetObject } from '../types.ts';
import { asList, asText, type Mapping, mappingAt, valueAt } from '../values.ts';

const services = (context: RuleContext): SetObject[] => context.objects.filter((object) => object.kind === 'Service');

interface Backend {
  readonly name: string | undefined;
  readonly nameRange: Range;
  readonly port: unknown;
  readonly portRange: Range;
}

/** A backend of networking.k8s.io/v1 (`service: {name, port: {number|name}}`) or of v1beta1 (`serviceName`, `servicePort`). */
function backendOf(ingress: KubeObject, backend: Mapping | undefined): Backend | undefined {
  const service = mappingAt(backend, 'service');
  if (service !== undefined) {
    const port = mappingAt(service, 'port');
    const field = port?.number !== undefined ? 'number' : 'name';
    return { name: asText(service.name), nameRange: rangeIn(ingress, service, 'name'), port: port?.[field], portRange: rangeIn(ingress, port, field) };
  }
  if (backend?.serviceName === undefined) return undefined;
  return { name: asText(backend.serviceName), nameRange: rangeIn(ingress, backend, 'serviceName'), port: backend.servicePort, portRange: rangeIn(ingress, backend, 'servicePort') };
}

function* backends(ingress: KubeObject): Iterable<Backend> {
  const spec = mappingAt(ingress.value, 'spec');
  for (const backend of [mappingAt(spec, 'defaultBackend'), mappingAt(spec, 'backend'), ...asList(spec?.rules).flatMap((rule) => asList(valueAt(rule, 'http', 'paths')).map((path) => mappingAt(path, 'backend')))]) {
    const found = backendOf(ingress, backend);
    if (found !== undefined) yield found;
  }
}

function* check(ingress: KubeObject, backend: Backend, all: readonly SetObject[]): Iterable<Report> {
  const named = all.filter((candidate) => candidate.name === backend.name);
  const service = named.find((candidate) => candidate.namespace === ingress.namespace) ?? named.find((candidate) => mayShareNamespace(candidate.namespace, ingress.namespace));
  if (service === undefined) {
    yield reportOn(ingress, backend.nameRange, `${describe(ingress)} routes to the Service ${backend.name ?? '(unnamed)'}, which is not in the file set.`);
    return;
  }
  if (backend.port === undefined) return;
  const ports = asList(valueAt(service.value, 'spec', 'ports'));
  const field = typeof backend.port === 'number' ? 'port' : 'name';
  if (ports.some((port) => valueAt(port, field) === backend.port)) return;
  yield reportOn(ingress, backend.portRange, `${describe(ingress)} routes to port ${quoteValue(backend.port)} of ${describe(service)}, which has no such port.`);
}

export const danglingIngress: Rule = {
  id: 'dangling-ingress',
  category: 'consistency',
  severity: 'warning',
  kinds: ['Ingress'],
  description: 'An Ingress backend names a Service that the file set does not define, or a port (number or name) that Service does not have (checked only when the file set defines a Service).',
  why: 'The ingress controller answers 503 for that path: nothing receives the traffic.',
  *checkObject(ingress, context) {
    const all = context.derived(services);
    if (all.length === 0) return;
    for (const backend of backends(ingress)) yield* check(ingress, backend, all);
  },
};
