/** The name rules of k8s.io/apimachinery/pkg/util/validation, with the server's own messages. */
import type { KubeObject } from './objects.ts';
import type { ResourceType } from './resources.ts';
import { invalid, type StatusCause } from './status.ts';

const label = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const subdomain = new RegExp(`^${label}(\\.${label})*$`);
const dnsLabel = new RegExp(`^${label}$`);
const dns1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Message =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Which rule a kind's names follow (namespaces: labels; services: DNS-1035; most: subdomains). */
function nameRule(type: ResourceType): { pattern: RegExp; max: number; message: string } {
  if (type.plural === 'namespaces' && type.group === '') return { pattern: dnsLabel, max: 63, message: labelMessage };
  if (type.plural === 'services' && type.group === '') return { pattern: dns1035, max: 63, message: dns1035Message };
  return { pattern: subdomain, max: 253, message: subdomainMessage };
}

export function nameCauses(type: ResourceType, name: string): StatusCause[] {
  const rule = nameRule(type);
  const causes: StatusCause[] = [];
  if (name.length > rule.max) {
    causes.push({ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": must be no more than ${rule.max} characters` });
  }
  if (!rule.pattern.test(name)) causes.push({ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": ${rule.message}` });
  return causes;
}

/** Label keys and values as metav1validation checks them; the commonest manifest mistakes. */
function labelCauses(labels: unknown): StatusCause[] {
  if (labels === undefined || labels === null) return [];
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    return [{ reason: 'FieldValueInvalid', field: 'metadata.labels', message: 'Invalid value: must be a map of strings' }];
  }
  const causes: StatusCause[] = [];
  const value = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
  for (const [key, text] of Object.entries(labels)) {
    if (typeof text !== 'string' || text.length > 63 || !value.test(text)) {
      causes.push({ reason: 'FieldValueInvalid', field: `metadata.labels`, message: `Invalid value: "${String(text)}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character` });
    }
    if (key === '' || key.length > 317) causes.push({ reason: 'FieldValueInvalid', field: 'metadata.labels', message: `Invalid value: "${key}": name part must be non-empty` });
  }
  return causes;
}

/** Throws 422 Invalid when the object's metadata breaks the server's rules. */
export function validateMetadata(type: ResourceType, object: KubeObject): void {
  const name = object.metadata.name ?? '';
  const causes = name === '' ? [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }] : nameCauses(type, name);
  // A loop, not push(...): a request may carry more labels than the call stack has room for arguments.
  for (const cause of labelCauses(object.metadata.labels)) causes.push(cause);
  const annotations = object.metadata.annotations;
  if (annotations !== undefined && (typeof annotations !== 'object' || annotations === null || Object.values(annotations).some((value) => typeof value !== 'string'))) {
    causes.push({ reason: 'FieldValueInvalid', field: 'metadata.annotations', message: 'Invalid value: must be a map of strings' });
  }
  if (causes.length > 0) throw invalid(type, name, causes);
}
