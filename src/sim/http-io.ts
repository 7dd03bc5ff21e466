/** Reading request bodies and writing JSON answers, with kube-apiserver's limits (body-parse.ts decodes them). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApiError, tooLarge } from './status.ts';

/** kube-apiserver's --max-request-bytes default for JSON/YAML bodies: 3 MiB. */
export const maxBodyBytes = 3 * 1024 * 1024;

/** Reads the whole body; past the limit answers 413 and discards the rest without buffering it. */
export function readBody(request: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) {
      request.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(tooLarge(limit));
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
