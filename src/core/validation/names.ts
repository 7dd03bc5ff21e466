// Name formats of k8s.io/apimachinery/pkg/util/validation (validation.go), each with the sentence a
// user reads when a name breaks it. Shared by the invalid-name rule and the commands' input boxes.

export interface NameFormat {
  test(name: string): boolean;
  readonly text: string;
}

const label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const nameFormats = {
  subdomain: { test: (name: string) => name.length <= 253 && name.split('.').every((part) => label.test(part)), text: 'a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", at most 253)' },
  label: { test: (name: string) => name.length <= 63 && label.test(name), text: 'a DNS-1123 label (lowercase letters, digits and "-", at most 63)' },
  dns1035: { test: (name: string) => name.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name), text: 'a DNS-1035 label (starts with a letter; lowercase letters, digits and "-", at most 63)' },
  segment: { test: (name: string) => name !== '.' && name !== '..' && !/[/%]/.test(name), text: 'a path segment (no "/" or "%", not "." or "..")' },
  portName: { test: (name: string) => name.length <= 15 && label.test(name) && /[a-z]/.test(name) && !name.includes('--'), text: 'an IANA service name (at most 15 lowercase letters, digits and "-", with a letter)' },
} as const satisfies Record<string, NameFormat>;

/** undefined when `name` fits `format`, else why not, for an input box's validation message. */
export function nameProblem(name: string, format: NameFormat, what: string): string | undefined {
  if (name === '') return `The ${what} is empty.`;
  return format.test(name) ? undefined : `"${name}" is not a valid ${what}: it must be ${format.text}.`;
}
