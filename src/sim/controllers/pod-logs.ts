/**
 * Container logs, generated from the pod's own timeline (a line every 2 s while it runs, a last
 * line when it exits) so nothing is stored; `follow=true` keeps writing as the sim clock moves.
 */
import type { ServerResponse } from 'node:http';
import type { LogOptions } from '../api-context.ts';
import { sendError } from '../http-io.ts';
import type { ContainerStatus, Pod } from '../objects.ts';
import { fnv32 } from '../names.ts';
import { badRequest } from '../status.ts';
import type { ControllerEnvironment } from './environment.ts';
import { behaviourOf } from './pod-behaviour.ts';
import { noise } from './usage-profiles.ts';

const lineEveryMs = 2_000;
/**
 * At most this many of the latest lines, whatever tailLines asks: a long-running pod (or a clock
 * advanced by a year) has millions, and a kubelet too keeps only the current, rotated log file.
 */
const maxLines = 10_000;
/** How often a follower looks for new lines, in real time. */
const followPollMs = 200;
/** A follower this far behind gets no new lines until it reads: lines are regenerated from their index, so none is lost. */
const followBufferBytes = 1024 * 1024;

interface Timeline {
  readonly start: number;
  readonly end: number | undefined;
  readonly exitCode: number | undefined;
}

function timeline(status: ContainerStatus | undefined, previous: boolean): Timeline | undefined {
  const source = previous ? status?.lastState : status?.state;
  const running = source?.['running'];
  const terminated = source?.['terminated'];
  if (running !== undefined) return { start: Date.parse(String(running['startedAt'])), end: undefined, exitCode: undefined };
  if (terminated !== undefined) return { start: Date.parse(String(terminated['startedAt'])), end: Date.parse(String(terminated['finishedAt'])), exitCode: Number(terminated['exitCode']) };
  return undefined;
}

/** What `echo` commands in the container's command line print (`sh -c "echo a; echo b"` → a, b). */
function echoes(pod: Pod, container: string): string[] {
  const spec = pod.spec.containers.find((each) => each.name === container);
  const words = [...(spec?.command ?? []), ...(spec?.args ?? [])].join(' ');
  return [...words.matchAll(/\becho\s+([^;&|]*)/g)].map((match) => (match[1] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2'));
}

function line(pod: Pod, container: string, index: number, completes: boolean): string {
  const seed = fnv32(`${pod.metadata.uid ?? ''}${container}`);
  if (index === 0) return `starting ${container} (${pod.spec.containers.find((each) => each.name === container)?.image ?? ''})`;
  const echoed = echoes(pod, container);
  if (index <= echoed.length) return echoed[index - 1] ?? '';
  if (completes) return `processed item ${index}`;
  const latency = Math.round(5 + 200 * noise(seed, index));
  return `GET /api/items/${Math.round(1000 * noise(seed + 1, index))} 200 ${latency}ms`;
}

/** Writes within limitBytes, cut at that byte as the kubelet's LimitWriter does; false once the limit is reached. */
function limitedWriter(response: ServerResponse, limitBytes: number | undefined): (text: string) => boolean {
  let left = limitBytes ?? Infinity;
  return (text) => {
    if (left === Infinity) {
      response.write(text);
      return true;
    }
    const bytes = Buffer.from(text).subarray(0, left);
    left -= bytes.length;
    response.write(bytes);
    return left > 0;
  };
}

export class PodLogs {
  private readonly environment: ControllerEnvironment;

  constructor(environment: ControllerEnvironment) {
    this.environment = environment;
  }

  serve(pod: Pod, options: LogOptions, response: ServerResponse): void {
    const container = options.container ?? '';
    const status = pod.status?.containerStatuses?.find((each) => each.name === container);
    const span = timeline(status, options.previous);
    if (span === undefined) {
      const reason = String(status?.state['waiting']?.['reason'] ?? 'ContainerCreating');
      const message = options.previous ? `previous terminated container "${container}" in pod "${pod.metadata.name ?? ''}" not found` : `container "${container}" in pod "${pod.metadata.name ?? ''}" is waiting to start: ${reason}`;
      sendError(response, badRequest(message));
      return;
    }
    const completes = behaviourOf(pod).runSeconds !== undefined;
    const now = this.environment.clock.now();
    const until = span.end ?? now;
    const count = Math.floor((until - span.start) / lineEveryMs) + 1;
    const since = options.sinceSeconds === undefined ? 0 : Math.max(0, Math.ceil((now - options.sinceSeconds * 1000 - span.start) / lineEveryMs));
    const first = Math.max(since, count - Math.min(options.tailLines ?? maxLines, maxLines));
    const render = (text: string, at: number): string => `${options.timestamps ? `${new Date(at).toISOString()} ` : ''}${text}\n`;
    const lines = (from: number, to: number): string => {
      let text = '';
      for (let index = Math.max(from, to - maxLines); index < to; index += 1) text += render(line(pod, container, index, completes), span.start + index * lineEveryMs);
      return text;
    };
    const ending = (end: number, exitCode: number): string => render(exitCode === 0 ? 'done' : `error: exited with code ${exitCode}`, end);
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
    const emit = limitedWriter(response, options.limitBytes);
    const open = emit(lines(first, count) + (span.end === undefined ? '' : ending(span.end, span.exitCode ?? 0)));
    if (!open || !options.follow || span.end !== undefined) {
      response.end();
      return;
    }
    response.flushHeaders();
    let written = count;
    const poll = setInterval(() => {
      if (response.writableLength > followBufferBytes) return;
      const current = this.environment.store.get(this.environment.types.pod, pod.metadata.namespace, pod.metadata.name ?? '') as Pod | undefined;
      const latest = current?.metadata.uid === pod.metadata.uid ? timeline(current?.status?.containerStatuses?.find((each) => each.name === container), false) : undefined;
      const end = latest?.end ?? (latest === undefined ? this.environment.clock.now() : undefined);
      const upTo = Math.floor(((end ?? this.environment.clock.now()) - span.start) / lineEveryMs) + 1;
      const more = upTo > written ? emit(lines(written, upTo)) : true;
      written = Math.max(written, upTo);
      if (more && end !== undefined && latest?.end !== undefined) emit(ending(latest.end, latest.exitCode ?? 0));
      if (!more || end !== undefined) {
        clearInterval(poll);
        response.end();
      }
    }, followPollMs);
    response.on('close', () => clearInterval(poll));
  }
}
