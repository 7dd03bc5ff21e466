/**
 * Request bodies as values, within the limits a real server has, so that no body can make the sim
 * spend seconds or gigabytes: JSON as JSON (nesting depth checked before JSON.parse, which takes
 * seconds over a 3 MiB `[[[[…`), YAML through the linter's parser (src/core/yaml: one document, alias
 * bombs refused), and then one walk that refuses non-finite numbers, deep nesting and alias
 * expansion past what the largest JSON body could hold.
 */
import { parseYaml } from '../core/yaml/parse.ts';
import { maxBodyBytes } from './http-io.ts';
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';
import { decodeProtobufObject } from './protobuf.ts';
import { ApiError, badRequest, unsupportedMediaType } from './status.ts';

/**
 * Go's encoding/json refuses nesting deeper than 10,000; the sim's own recursion (structuredClone,
 * JSON.stringify, managedFields) runs out of stack at a few thousand, so it stops at 1,000: a 400
 * instead of a 500, and still far deeper than any real object.
 */
export const maxNestingDepth = 1_000;
/** A JSON body of the maximum size holds at most this many values (`[0,0,…]`); YAML aliases may not make more. */
export const maxBodyNodes = maxBodyBytes / 2;

/** The deepest nesting of a JSON text, by one pass over it (brackets in strings do not count). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return deepest;
}

/**
 * Walks a decoded value without recursion. YAML aliases share one value, so a node is counted as
 * often as it is reached: the count is the size of the expanded document, bounded before it costs.
 */
function checkTree(root: unknown): unknown {
  const pending: [unknown, number][] = [[root, 1]];
  let nodes = 0;
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const [node, depth] = entry;
    nodes += 1;
    if (nodes > maxBodyNodes) throw new Error(`the document expands to more than ${maxBodyNodes} values`);
    if (typeof node === 'number' && !Number.isFinite(node)) throw new Error('number out of range');
    if (typeof node !== 'object' || node === null) continue;
    if (depth > maxNestingDepth) throw new Error(`exceeded max depth of ${maxNestingDepth}`);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return root;
}

function decodeJson(text: string): unknown {
  if (jsonDepth(text) > maxNestingDepth) throw new Error(`exceeded max depth of ${maxNestingDepth}`);
  return checkTree(JSON.parse(text));
}

function decodeYaml(text: string): unknown {
  const parsed = parseYaml(text);
  if (parsed.skipped !== undefined) throw new Error(parsed.skipped);
  const [document, extra] = parsed.documents;
  if (extra !== undefined) throw new Error('expected a single document, found more');
  if (document?.error !== undefined) throw new Error(document.error.message);
  return checkTree(document?.value ?? null);
}

/** Server-side apply bodies are YAML by type but JSON in practice (kubectl, client-node), and JSON is YAML: JSON first. */
function decodeYamlBody(text: string): unknown {
  if (/^\s*[{[]/.test(text)) {
    try {
      return decodeJson(text);
    } catch (error) {
      // YAML's flow style (`{a: 1}`) is not JSON: the YAML parser has the last word.
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  return decodeYaml(text);
}

function decode(body: Buffer, what: 'JSON' | 'YAML'): unknown {
  try {
    const text = body.toString('utf8');
    return what === 'JSON' ? decodeJson(text) : decodeYamlBody(text);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw badRequest(`the body of the request could not be decoded as ${what}: ${detail}`);
  }
}

/** A body that must be JSON of any shape (a JSON patch is a list). */
export function parseJson(body: Buffer): unknown {
  return decode(body, 'JSON');
}

/** A body as an object: JSON for the JSON types, YAML for the YAML ones (JSON first when it is JSON). */
export function parseObject(body: Buffer, type: string): Record<string, unknown> {
  let value: unknown;
  if (type === 'application/vnd.kubernetes.protobuf') value = decodeProtobufObject(body);
  else if (type.endsWith('json')) value = decode(body, 'JSON');
  else if (type.endsWith('yaml')) value = decode(body, 'YAML');
  else throw unsupportedMediaType(type);
  if (!isObject(value)) throw badRequest(`the body of the request must be an object, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  return value;
}

/** A body that must be a Kubernetes object (metadata an object, if present). */
export function parseKubeObject(body: Buffer, type: string): KubeObject {
  const value = parseObject(body, type);
  const metadata = value['metadata'] ?? {};
  if (!isObject(metadata)) throw badRequest('metadata must be an object');
  // What Go's decoder rejects before any validation: a non-string where ObjectMeta has a string.
  for (const field of ['name', 'generateName', 'namespace', 'resourceVersion', 'uid']) {
    const given = metadata[field];
    if (given !== undefined && given !== null && typeof given !== 'string') {
      throw badRequest(`json: cannot unmarshal ${typeof given} into Go struct field ObjectMeta.metadata.${field} of type string`);
    }
  }
  return { ...value, metadata } as KubeObject;
}
