// What "Describe" shows of a live object: all of it but the field-manager bookkeeping, and never a
// secret (issue 12), so a screen share or a screenshot cannot leak one:
// - a Secret's data and stringData values, and any field but its identity and type: their sizes instead;
// - an env var's literal value (any field but name and valueFrom) when its name looks secret
//   (env-var-secret's list: the literal that rule reports is a secret in practice; kubectl prints it);
// - under data, binaryData, env, args and command (ConfigMap payloads, command lines): what looks like
//   a token or a private key and values given to secret-looking names (`--password=…`, or the item
//   after `--password`), in place; certificates stay;
// - credentials inside URLs, in any string;
// - annotations embedding an object (kubectl's last-applied-configuration): parsed, redacted by these
//   same rules and written back; an unparsable last-applied copy, and a Secret's annotations that are
//   JSON, long or token-like, wholly.
// managedFields go too: they name fields only (`f:data: {f:password: {}}`), never values, but are noise.
import { typeWords } from '../lint/quote-value.ts';
import { holdsSecret, looksSecretName, maskSecrets, redactUrlCredentials, secretBearingKeys } from '../lint/secret-text.ts';

type Mapping = Record<string, unknown>;

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
/** A Secret's annotations longer than this are hidden: names, ids and flags are shorter. */
const maxSecretAnnotation = 64;

const isMapping = (value: unknown): value is Mapping => typeof value === 'object' && value !== null && !Array.isArray(value);
const mapValues = (mapping: Mapping, change: (value: unknown, key: string) => unknown): Mapping =>
  Object.fromEntries(Object.entries(mapping).map(([key, value]) => [key, change(value, key)]));

/** What stands for a hidden value: its size for text, its type otherwise. */
function hidden(value: unknown): string {
  return `<redacted: ${typeof value === 'string' ? `${value.length} characters` : typeWords(value)}>`;
}

/** A Secret, or an embedded object without a kind that carries a Secret's payload fields. */
function isSecretLike(object: Mapping): boolean {
  return object['kind'] === 'Secret' || (object['kind'] === undefined && (Object.hasOwn(object, 'data') || Object.hasOwn(object, 'stringData')));
}

/** The parsed JSON object or list an annotation embeds, or undefined. */
function embedded(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function redactAnnotation(name: string, text: string, secretOwner: boolean): string {
  const parsed = embedded(text);
  if (parsed !== undefined) {
    // On a Secret, a JSON annotation that is not the Secret itself may copy its values in any shape.
    if (secretOwner && !(isMapping(parsed) && isSecretLike(parsed))) return hidden(text);
    const redacted = redactEmbedded(parsed);
    return JSON.stringify(redacted) === JSON.stringify(parsed) ? text : `${JSON.stringify(redacted)}${text.endsWith('\n') ? '\n' : ''}`;
  }
  if (name === lastApplied || (secretOwner && (text.length > maxSecretAnnotation || holdsSecret(text)))) return hidden(text);
  return redactUrlCredentials(text);
}

function redactEmbedded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactEmbedded);
  return isMapping(value) ? redactObject(value) : redactIn(value, undefined, true, false);
}

const isSecretFlag = (item: unknown): boolean => typeof item === 'string' && /^--?[\w.-]+$/.test(item) && looksSecretName(item);

/** A secret-named env var shows its name and reference only: its value, and typos such as `valuee`, as sizes. */
function redactEnvVar(entry: Mapping, secretOwner: boolean): Mapping {
  const shown = redactIn(entry, undefined, true, secretOwner) as Mapping;
  const name = entry['name'];
  const secret = typeof name === 'string' && looksSecretName(name);
  return mapValues(shown, (value, field) => {
    if (field === 'name' || field === 'valueFrom') return value;
    return secret || (field === 'value' && typeof value !== 'string') ? hidden(entry[field]) : value;
  });
}

/** A copy with URL credentials cut everywhere, tokens masked under secret-bearing keys, env vars and annotations redacted. */
function redactIn(value: unknown, key: string | undefined, masked: boolean, secretOwner: boolean): unknown {
  if (typeof value === 'string') {
    const text = redactUrlCredentials(value);
    return masked ? maskSecrets(text) : text;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      if (key === 'env' && isMapping(item)) return redactEnvVar(item, secretOwner);
      // `args: [--password, hunter2]`: the item after a secret-looking flag; anything but a string is a manifest's mistake.
      if ((key === 'args' || key === 'command') && (typeof item !== 'string' || isSecretFlag(value[index - 1]))) return hidden(item);
      return redactIn(item, undefined, masked, secretOwner);
    });
  }
  if (!isMapping(value)) return value;
  if (key === 'annotations') {
    return mapValues(value, (text, name) => {
      if (typeof text === 'string') return redactAnnotation(name, text, secretOwner);
      return secretOwner ? hidden(text) : redactIn(text, undefined, true, secretOwner);
    });
  }
  return mapValues(value, (child, name) => redactIn(child, name, masked || secretBearingKeys.has(name), secretOwner));
}

// What a Secret shows as it is: its identity and type. Every other field (data, stringData, typos such
// as `datta`, wrongly typed values) appears only as sizes or types.
const secretShown: Readonly<Record<string, (value: unknown) => boolean>> = {
  apiVersion: (value) => typeof value === 'string',
  kind: (value) => typeof value === 'string',
  metadata: isMapping,
  type: (value) => typeof value === 'string',
  immutable: (value) => typeof value === 'boolean',
};

function redactObject(object: Mapping): Mapping {
  const secret = isSecretLike(object);
  // A ConfigMap's payload (data, binaryData, wrongly typed fields beside them) is masked as data is.
  const payload = object['kind'] === 'ConfigMap';
  return mapValues(object, (value, field) => {
    if (secret && secretShown[field]?.(value) !== true) return isMapping(value) ? mapValues(value, hidden) : hidden(value);
    // A ConfigMap's values are strings; another type is a manifest's mistake and may be anything.
    if (payload && (field === 'data' || field === 'binaryData') && isMapping(value)) {
      return mapValues(value, (item) => (typeof item === 'string' ? redactIn(item, undefined, true, false) : hidden(item)));
    }
    return redactIn(value, field, secretBearingKeys.has(field) || (payload && field !== 'metadata'), secret);
  });
}

export function describeObject(object: unknown): unknown {
  if (!isMapping(object)) return object;
  const metadata = object['metadata'];
  const trimmed: Mapping = { ...object };
  if (isMapping(metadata)) {
    const { managedFields: _managed, ...rest } = metadata;
    trimmed['metadata'] = rest;
  }
  return redactObject(trimmed);
}
