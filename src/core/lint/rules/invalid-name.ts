import { builtInKinds, kindKey } from '../kinds.ts';
import { rangeIn } from '../ranges.ts';
import { reportOn } from '../report.ts';
import type { KubeObject, Report, Rule } from '../types.ts';
import { asList, asMapping, asText, mappingAt } from '../values.ts';
import { containers } from '../workloads.ts';

// Name formats of k8s.io/apimachinery/pkg/util/validation (validation.go) and where the API uses them.
const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const formats = {
  subdomain: { test: (name: string) => name.length <= 253 && name.split('.').every((part) => label.test(part)), text: 'a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", at most 253)' },
  label: { test: (name: string) => name.length <= 63 && label.test(name), text: 'a DNS-1123 label (lowercase letters, digits and "-", at most 63)' },
  dns1035: { test: (name: string) => name.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name), text: 'a DNS-1035 label (starts with a letter; lowercase letters, digits and "-", at most 63)' },
  segment: { test: (name: string) => name !== '.' && name !== '..' && !/[/%]/.test(name), text: 'a path segment (no "/" or "%", not "." or "..")' },
  portName: { test: (name: string) => name.length <= 15 && label.test(name) && /[a-z]/.test(name) && !name.includes('--'), text: 'an IANA service name (at most 15 lowercase letters, digits and "-", with a letter)' },
} as const;
type Format = (typeof formats)[keyof typeof formats];

/** RBAC objects and custom resources only need path-segment names; Services need DNS-1035 labels. */
function metadataFormat(object: KubeObject): Format {
  if (object.kind === 'Service') return formats.dns1035;
  if (object.kind === 'Namespace') return formats.label;
  if (object.group === 'rbac.authorization.k8s.io') return formats.segment;
  const builtIn = object.apiVersion !== undefined && object.kind !== undefined && builtInKinds.has(kindKey(object.apiVersion, object.kind));
  return builtIn ? formats.subdomain : formats.segment;
}

function* checkName(object: KubeObject, holder: unknown, format: Format, what: string): Iterable<Report> {
  const name = asText(asMapping(holder)?.name);
  if (name === undefined || format.test(name)) return;
  yield reportOn(object, rangeIn(object, holder, 'name'), `Invalid ${what} "${name}": it must be ${format.text}.`);
}

export const invalidName: Rule = {
  id: 'invalid-name',
  category: 'schema',
  severity: 'error',
  kinds: ['*'],
  description: '`metadata.name`, a container name or a port name breaks the DNS-1123 (or IANA service name) rules for that field.',
  why: 'The API server rejects the object; templating leftovers such as `{{name}}` are the usual cause.',
  *check(context) {
    for (const object of context.objects) {
      yield* checkName(object, mappingAt(object.value, 'metadata'), metadataFormat(object), 'metadata.name');
      if (object.kind !== 'Service') continue;
      for (const port of asList(mappingAt(object.value, 'spec')?.ports)) yield* checkName(object, port, formats.label, 'Service port name');
    }
    for (const { object, container } of containers(context)) {
      yield* checkName(object, container, formats.label, 'container name');
      for (const port of asList(container.ports)) yield* checkName(object, port, formats.portName, 'container port name');
    }
  },
};
