// One line of a usage file (`kube-workbench suggest --usage FILE`), JSON Lines such as
// {"ts":"2026-11-20T10:00:00Z","namespace":"shop","pod":"web-7d9f-abc","container":"web","cpu":"250m","memory":"300Mi"}
// with an optional "oom": true (an OOM kill) and "workload" (the owner, else derived from the pod).
import { parseQuantity, quantityText, toNumber } from './quantity.ts';

export interface UsageSample {
  readonly timeMs: number;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly workload: string | undefined;
  /** Cores; NaN when the line has no CPU figure. */
  readonly cpuCores: number;
  /** Bytes; NaN when the line has no memory figure. */
  readonly memoryBytes: number;
  readonly oom: boolean;
}

export type UsageLineResult = { readonly ok: true; readonly sample: UsageSample } | { readonly ok: false; readonly reason: string };

type Fields = Readonly<Record<string, unknown>>;

function name(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** NaN when absent, undefined when present but not a quantity ≥ 0. */
function amount(fields: Fields, key: string): number | undefined {
  if (fields[key] === undefined || fields[key] === null) return Number.NaN;
  const text = quantityText(fields[key]);
  const parsed = text === undefined ? undefined : parseQuantity(text);
  if (parsed?.ok !== true || parsed.quantity.nanos < 0n) return undefined;
  return toNumber(parsed.quantity);
}

export function parseUsageLine(line: string): UsageLineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const fields = value as Fields;
  const timeMs = typeof fields.ts === 'string' ? Date.parse(fields.ts) : Number.NaN;
  if (Number.isNaN(timeMs)) return { ok: false, reason: '"ts" is not an ISO timestamp' };
  const pod = name(fields, 'pod');
  const container = name(fields, 'container');
  if (pod === undefined || container === undefined) return { ok: false, reason: '"pod" and "container" are required' };
  const cpuCores = amount(fields, 'cpu');
  if (cpuCores === undefined) return { ok: false, reason: `"cpu" is not a quantity: ${JSON.stringify(fields.cpu)}` };
  const memoryBytes = amount(fields, 'memory');
  if (memoryBytes === undefined) return { ok: false, reason: `"memory" is not a quantity: ${JSON.stringify(fields.memory)}` };
  if (Number.isNaN(cpuCores) && Number.isNaN(memoryBytes)) return { ok: false, reason: 'neither "cpu" nor "memory" given' };
  return {
    ok: true,
    sample: {
      timeMs,
      namespace: name(fields, 'namespace') ?? 'default',
      pod,
      container,
      workload: name(fields, 'workload'),
      cpuCores,
      memoryBytes,
      oom: fields.oom === true,
    },
  };
}
