/**
 * Lists, streamed item by item with back-pressure so 150,000 pods never become one string, and paged
 * with `limit` + `continue` (an opaque token holding the list's resourceVersion and the last key).
 */
import type { ServerResponse } from 'node:http';
import { write } from './http-io.ts';
import type { KubeObject } from './objects.ts';
import { pacer } from './pacer.ts';
import { apiVersionOf, type ResourceType } from './resources.ts';
import type { Matcher } from './selectors.ts';
import { badRequest } from './status.ts';
import { tableHeader, tableRow, type Printer } from './tables.ts';

export interface ListOptions {
  readonly matcher: Matcher | undefined;
  readonly limit: number | undefined;
  readonly continueToken: string | undefined;
  readonly table: { readonly printer: Printer; readonly includeObject: string; readonly now: number } | undefined;
  /** Objects left after a page's last key; the server counts them only for an unfiltered list. */
  readonly remaining: (after: string) => number;
}

interface Position {
  readonly resourceVersion: string;
  readonly after: string;
  /** Sim-clock time of the list's first page: tokens expire with compaction. */
  readonly issued: number;
}

export function decodeContinue(token: string | undefined): Position | undefined {
  if (token === undefined || token === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Position>;
    if (typeof value.resourceVersion === 'string' && typeof value.after === 'string' && typeof value.issued === 'number') {
      return { resourceVersion: value.resourceVersion, after: value.after, issued: value.issued };
    }
  } catch {
    // Falls through to the server's own message for a token it did not issue.
  }
  throw badRequest('continue key is not valid: malformed continue token');
}

function encodeContinue(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export async function streamList(
  response: ServerResponse,
  type: ResourceType,
  items: Iterable<{ key: string; object: KubeObject }>,
  position: { resourceVersion: string; issued: number },
  options: ListOptions,
): Promise<void> {
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity;
  const page: KubeObject[] = [];
  let last = '';
  let more = false;
  for (const { key, object } of items) {
    if (page.length >= limit) {
      more = true;
      break;
    }
    if (options.matcher !== undefined && !options.matcher(object)) continue;
    page.push(object);
    last = key;
  }
  const { resourceVersion } = position;
  const continueToken = more ? encodeContinue({ ...position, after: last }) : undefined;
  const remainingItemCount = more && options.matcher === undefined ? options.remaining(last) : undefined;
  const metadata = { resourceVersion, ...(continueToken === undefined ? {} : { continue: continueToken, remainingItemCount }) };
  response.writeHead(200, { 'Content-Type': 'application/json' });
  const table = options.table;
  const head =
    table === undefined
      ? `{"kind":"${type.kind}List","apiVersion":"${apiVersionOf(type)}","metadata":${JSON.stringify(metadata)},"items":[`
      : tableHeader(table.printer, metadata);
  await write(response, head);
  // Paced as well: a client on the same machine reads as fast as the sim writes, so back-pressure alone never yields.
  const pause = pacer();
  for (let index = 0; index < page.length; index += 1) {
    const object = page[index] as KubeObject;
    const text = table === undefined ? JSON.stringify(object) : JSON.stringify(tableRow(table.printer, object, table.now, table.includeObject));
    const pending = write(response, index === 0 ? text : `,${text}`) ?? pause();
    if (pending !== undefined) await pending;
    if (response.destroyed) return;
  }
  response.end(']}');
}
