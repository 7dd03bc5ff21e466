/** Reading request bodies and writing JSON answers, with kube-apiserver's limits. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { load } from 'js-yaml';
import type { KubeObject } from './objects.ts';
import { isObject } from './objects.ts';
import { decodeProtobufObject } from './protobuf.ts';
import { ApiError, badRequest, tooLarge, unsupportedMediaType } from './status.ts';

/** kube-apiserver's --max-request-bytes default for JSON/YAML bodies: 3 MiB. */
export const maxBodyBytes = 3 * 1024 * 1024;

/** Reads the whole body; past the limit answers 413 and discards the rest without buffering it. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > maxBodyBytes) {
      request.resume();
      reject(tooLarge(maxBodyBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBodyBytes) {
        over = true;
        chunks.length = 0;
        reject(tooLarge(maxBodyBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

export function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** JSON.parse reviver: a number too large for a float (1e999) is an error, as Go's decoder says "out of range". */
function finite(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new SyntaxError('number out of range');
  return value;
}

/** The same check over a parsed YAML tree (YAML has .inf and 1e999 too), without recursion. */
function finiteTree(root: unknown): unknown {
  const pending: unknown[] = [root];
  for (let node = pending.pop(); pending.length > 0 || node !== undefined; node = pending.pop()) {
    if (typeof node === 'number') finite('', node);
    else if (typeof node === 'object' && node !== null) pending.push(...Object.values(node));
  }
  return root;
}

/** A body that must be JSON of any shape (a JSON patch is a list). */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'), finite);
  } catch (error) {
    throw badRequest(`the body of the request could not be decoded as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A body as an object: JSON for the JSON types, YAML (a superset) for the YAML ones. */
export function parseObject(body: Buffer, type: string): Record<string, unknown> {
  const text = body.toString('utf8');
  let value: unknown;
  try {
    if (type === 'application/vnd.kubernetes.protobuf') value = decodeProtobufObject(body);
    else if (type.endsWith('json')) value = JSON.parse(text, finite);
    else if (type.endsWith('yaml')) value = finiteTree(load(text));
    else throw unsupportedMediaType(type);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw badRequest(`the body of the request could not be decoded as ${type.endsWith('yaml') ? 'YAML' : 'JSON'}: ${detail}`);
  }
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

export function sendJson(response: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export function sendError(response: ServerResponse, error: ApiError): void {
  const headers: Record<string, string> = {};
  if (error.details?.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.details.retryAfterSeconds);
  // After a 413 the rest of the body is not read: close so the client does not reuse the connection.
  if (error.code === 413) headers['Connection'] = 'close';
  sendJson(response, error.code, error.toStatus(), headers);
}

/** Writes a chunk, waiting for 'drain' when the socket's buffer is full (bounded memory for big lists). */
export function write(response: ServerResponse, chunk: string): Promise<void> | undefined {
  if (response.write(chunk)) return undefined;
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
