/** Injected faults: what tests and `--fault` flags can break, and the counters the server consumes. */
import { isObject } from './objects.ts';
import { badRequest } from './status.ts';

export type Fault =
  | { readonly type: 'stopHeartbeat'; readonly node: string }
  | { readonly type: 'resumeHeartbeat'; readonly node: string }
  | { readonly type: 'dropWatches' }
  | { readonly type: 'goneNextWatch' }
  | { readonly type: 'throttle'; readonly count: number; readonly retryAfterSeconds: number }
  | { readonly type: 'errors'; readonly count: number }
  | { readonly type: 'latency'; readonly ms: number }
  | { readonly type: 'refuseConnections'; readonly ms: number }
  | { readonly type: 'expireToken' }
  | { readonly type: 'clear' };

export const faultTypes = ['stopHeartbeat', 'resumeHeartbeat', 'dropWatches', 'goneNextWatch', 'throttle', 'errors', 'latency', 'refuseConnections', 'expireToken', 'clear'] as const;

/** Counters the request path consumes. */
export class FaultState {
  throttled = 0;
  retryAfterSeconds = 1;
  failing = 0;
  latencyMs = 0;
  goneWatches = 0;
  tokenExpired = false;

  clear(): void {
    this.throttled = 0;
    this.failing = 0;
    this.latencyMs = 0;
    this.goneWatches = 0;
    this.tokenExpired = false;
  }
}

function count(value: unknown, name: string, fallback?: number): number {
  const number = value === undefined ? fallback : typeof value === 'number' ? value : Number(value);
  if (number === undefined || !Number.isFinite(number) || number < 0) throw badRequest(`fault ${name}: expected a non-negative number, got ${String(value)}`);
  return number;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`fault ${name}: expected a node name`);
  return value;
}

/** A fault and when to apply it: now, or after that many seconds of sim time (a demo's node that dies after a minute). */
export interface TimedFault {
  readonly fault: Fault;
  readonly afterSeconds: number;
}

/** A fault from the admin endpoint's JSON body: {"type": "throttle", "count": 5, "retryAfterSeconds": 2, "afterSeconds": 60}. */
export function timedFaultFromJson(body: unknown): TimedFault {
  const afterSeconds = isObject(body) && body['afterSeconds'] !== undefined ? count(body['afterSeconds'], 'afterSeconds') : 0;
  return { fault: faultFromJson(body), afterSeconds };
}

function faultFromJson(body: unknown): Fault {
  if (!isObject(body) || typeof body['type'] !== 'string') throw badRequest(`a fault needs a "type", one of ${faultTypes.join(', ')}`);
  const type = body['type'];
  switch (type) {
    case 'stopHeartbeat':
    case 'resumeHeartbeat':
      return { type, node: text(body['node'], type) };
    case 'throttle':
      return { type, count: count(body['count'], type, 1), retryAfterSeconds: count(body['retryAfterSeconds'], type, 1) };
    case 'errors':
      return { type, count: count(body['count'], type, 1) };
    case 'latency':
    case 'refuseConnections':
      return { type, ms: count(body['ms'], type) };
    case 'dropWatches':
    case 'goneNextWatch':
    case 'expireToken':
    case 'clear':
      return { type };
    default:
      throw badRequest(`unknown fault type "${type}", expected one of ${faultTypes.join(', ')}`);
  }
}

/** A fault from a `--fault` flag: `stopHeartbeat=node-0001`, `throttle=5`, `latency=200`, `goneNextWatch`, each with an optional `@SECONDS` delay. */
export function faultFromFlag(flag: string): TimedFault {
  const [body = '', delay] = flag.split('@', 2);
  const [type = '', value] = body.split('=', 2);
  const key = { stopHeartbeat: 'node', resumeHeartbeat: 'node', throttle: 'count', errors: 'count', latency: 'ms', refuseConnections: 'ms' }[type];
  return timedFaultFromJson({ ...(key === undefined || value === undefined ? { type } : { type, [key]: value }), ...(delay === undefined ? {} : { afterSeconds: delay }) });
}
