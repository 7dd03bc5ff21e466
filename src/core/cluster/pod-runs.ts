// What the usage history needs from a pod's container statuses, kept on the slim pod: when its
// containers last started (their first minutes are start-up usage) and the containers whose last
// run ended OOMKilled (rare: the field is left out otherwise, so 150,000 slim pods stay small).
import { parseQuantity, toNumber } from '../allocator/quantity.ts';
import { array, record, text, type Json } from './object-fields.ts';

export interface PodOomKill {
  readonly container: string;
  /** lastState.terminated.finishedAt, RFC 3339. */
  readonly finishedAt: string;
  /**
   * The memory the container had when the kernel killed it: its limit (where the kill happens),
   * else its request (what the VPA's OOM observer passes), else undefined.
   */
  readonly memoryBytes: number | undefined;
}

export interface PodRuns {
  /** The newest state.running.startedAt of its containers, RFC 3339, kept as the API's string. */
  readonly startedAt?: string;
  readonly oomKills?: readonly PodOomKill[];
}

function memoryOf(spec: Json, container: string): number | undefined {
  const found = array(spec['containers']).map(record).find((entry) => entry['name'] === container);
  const { limits, requests } = record(found?.['resources']);
  for (const amounts of [limits, requests]) {
    const parsed = parseQuantity(text(record(amounts)['memory']));
    if (parsed.ok) return toNumber(parsed.quantity);
  }
  return undefined;
}

export function podRuns(spec: Json, statuses: readonly Json[]): PodRuns {
  let startedAt = '';
  let oomKills: PodOomKill[] | undefined;
  for (const status of statuses) {
    // Same-format RFC 3339 strings order as their times: no parse per pod on a big sync.
    const started = text(record(record(status['state'])['running'])['startedAt']);
    if (started > startedAt) startedAt = started;
    const terminated = record(record(status['lastState'])['terminated']);
    if (terminated['reason'] !== 'OOMKilled') continue;
    const container = text(status['name']);
    (oomKills ??= []).push({ container, finishedAt: text(terminated['finishedAt']), memoryBytes: memoryOf(spec, container) });
  }
  return { ...(startedAt === '' ? {} : { startedAt }), ...(oomKills === undefined ? {} : { oomKills }) };
}
