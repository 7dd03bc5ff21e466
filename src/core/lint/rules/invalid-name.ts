import { nameFormats, type NameFormat } from '../../validation/names.ts';
import { anyKind, builtInKind } from '../kinds.ts';
import { quoteValue } from '../quote-value.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { KubeObject, Report, Rule } from '../types.ts';
import { asList, asMapping, asText, mappingAt } from '../values.ts';

/** RBAC objects and custom resources only need path-segment names; Services need DNS-1035 labels. */
function metadataFormat(object: KubeObject): NameFormat {
  if (object.kind === 'Service') return nameFormats.dns1035;
  if (object.kind === 'Namespace') return nameFormats.label;
  if (object.group === 'rbac.authorization.k8s.io') return nameFormats.segment;
  const builtIn = object.apiVersion !== undefined && object.kind !== undefined && builtInKind(object.apiVersion, object.kind) !== undefined;
  return builtIn ? nameFormats.subdomain : nameFormats.segment;
}

function* checkName(object: KubeObject, holder: unknown, format: NameFormat, what: string): Iterable<Report> {
  const name = asText(asMapping(holder)?.name);
  if (name === undefined || format.test(name)) return;
  yield reportOn(object, rangeIn(object, holder, 'name'), `Invalid ${what} ${quoteValue(name)}: it must be ${format.text}.`);
}

export const invalidName: Rule = {
  id: 'invalid-name',
  category: 'schema',
  severity: 'error',
  kinds: anyKind,
  description: '`metadata.name`, a container name or a port name breaks the DNS-1123 (or IANA service name) rules for that field.',
  why: 'The API server rejects the object; templating leftovers such as `{{name}}` are the usual cause.',
  *checkObject(object, context) {
    yield* checkName(object, mappingAt(object.value, 'metadata'), metadataFormat(object), 'metadata.name');
    if (object.kind === 'Service') {
      for (const port of asList(mappingAt(object.value, 'spec')?.ports)) yield* checkName(object, port, nameFormats.label, 'Service port name');
    }
    for (const { container } of context.workloads.containers(object)) {
      yield* checkName(object, container, nameFormats.label, 'container name');
      for (const port of asList(container.ports)) yield* checkName(object, port, nameFormats.portName, 'container port name');
    }
  },
};
