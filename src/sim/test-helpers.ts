/** Shared by the sim's tests: raw HTTPS requests to a running sim, and the real kubectl against it. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Result } from '../core/result.ts';
import { startSim, type Sim, type SimOptions } from './sim.ts';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

export interface RequestOptions {
  readonly method?: string;
  readonly body?: string | Buffer;
  readonly contentType?: string;
  /** 'admin' (default), 'readOnly', 'none' or a literal token. */
  readonly token?: string;
  readonly accept?: string;
}

export function call(sim: Sim, path: string, options: RequestOptions = {}): Promise<Reply> {
  const token = options.token ?? 'admin';
  const bearer = token === 'admin' ? sim.tokens.admin : token === 'readOnly' ? sim.tokens.readOnly : token === 'none' ? undefined : token;
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      `${sim.url}${path}`,
      {
        method: options.method ?? 'GET',
        ca: sim.caPem,
        headers: {
          ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }),
          // Node sends a DELETE body without chunking: the length must be given.
          ...(options.body === undefined ? {} : { 'Content-Type': options.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(options.body) }),
          ...(options.accept === undefined ? {} : { Accept: options.accept }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // Not JSON (logs, watch streams): callers read `text`.
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A private HOME per suite, so kubectl's discovery cache never leaks between sims. */
export async function kubectlHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kube-workbench-kubectl-'));
}

/**
 * The kubectl binaries to test: the machine's (1.32 on ours) and any listed in
 * KUBE_WORKBENCH_EXTRA_KUBECTL (colon-separated, e.g. Debian's 1.20 extracted by .ci/run).
 */
export function kubectlBinaries(): string[] {
  const extra = (process.env['KUBE_WORKBENCH_EXTRA_KUBECTL'] ?? '').split(':').filter((path) => path !== '');
  return ['/usr/bin/kubectl', ...extra];
}

export function kubectl(sim: Sim, home: string, args: readonly string[], binary = '/usr/bin/kubectl', timeoutMs = 60_000): Promise<KubectlResult> {
  return new Promise((resolve) => {
    execFile(binary, [...args], { env: { HOME: home, KUBECONFIG: sim.kubeconfigPath, PATH: process.env['PATH'] ?? '' }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface KubectlSuite {
  /** The suite's sim (started by its `before` hook). */
  readonly sim: Sim;
  /** Its private kubectl HOME. */
  readonly home: string;
  /** The binary's minor version (20 for Debian's 1.20), for flags and defaults older kubectls lack. */
  readonly minor: number;
  run(...args: string[]): Promise<KubectlResult>;
  /** Runs kubectl, failing the test unless it exits 0; its stdout. */
  ok(...args: string[]): Promise<string>;
}

/** Hooks a describe block to its own sim and kubectl HOME, removed after it; call inside `describe`. */
export function kubectlSuite(binary: string, options: SimOptions): KubectlSuite {
  let started: Sim | undefined;
  let home = '';
  let minor = 0;
  before(async () => {
    started = await startSim(options);
    home = await kubectlHome();
    const version = await kubectl(started, home, ['version', '--client', '-o', 'json'], binary);
    minor = Number.parseInt((JSON.parse(version.stdout) as { clientVersion: { minor: string } }).clientVersion.minor, 10);
  });
  after(async () => {
    await started?.close();
    await rm(home, { recursive: true, force: true });
  });
  const suite: KubectlSuite = {
    get sim(): Sim {
      if (started === undefined) throw new Error('the suite\'s sim is not started yet: use it inside a test');
      return started;
    },
    get home(): string {
      return home;
    },
    get minor(): number {
      return minor;
    },
    run: (...args) => kubectl(suite.sim, home, args, binary),
    ok: async (...args) => {
      const result = await suite.run(...args);
      assert.equal(result.code, 0, `kubectl ${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    },
  };
  return suite;
}

/** Opens a watch and collects its first `count` JSON events (bare keep-alive newlines skipped), then closes it. */
export function watchEvents(sim: Sim, path: string, count: number, act?: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const events: Record<string, unknown>[] = [];
    const request = httpsRequest(`${sim.url}${path}`, { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.tokens.admin}` } }, (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.trim() !== '') events.push(JSON.parse(line) as Record<string, unknown>);
        if (events.length >= count) {
          request.destroy();
          resolve(events.slice(0, count));
        }
      });
      // A watch the server drops ends with 'close' (no 'end'): what arrived is the answer.
      response.on('close', () => resolve(events));
      // The headers arrive at once (flushHeaders): act only once the watch is registered.
      if (act !== undefined) act().catch(reject);
    });
    request.on('error', (error) => {
      if (events.length < count) reject(error);
    });
    request.on('close', () => resolve(events));
    request.end();
  });
}

/** A YAML alias bomb: ten aliases per level, so 10^(levels+1) strings from a few hundred bytes. */
export function aliasBomb(levels: number): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= levels; level += 1) lines.push(`l${level}: &l${level} [${Array.from({ length: 10 }, () => `*l${level - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

/** `count` sequential /version round trips with the admin token, in milliseconds, sorted. */
export async function versionTimes(sim: Sim, count = 50): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const reply = await call(sim, '/version');
    if (reply.status !== 200) throw new Error(`/version answered ${reply.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((left, right) => left - right);
}

/** The 99th percentile of sorted times. */
export function p99(sorted: readonly number[]): number {
  return sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Infinity;
}

/** Runs `attack` over and over in `workers` loops until `measure` is done, then waits for the loops to stop. */
export async function whileAttacking<T>(attack: () => Promise<unknown>, measure: () => Promise<T>, workers = 2): Promise<{ result: T; attacks: number }> {
  let done = false;
  let attacks = 0;
  const loop = async (): Promise<void> => {
    while (!done) {
      await attack();
      attacks += 1;
    }
  };
  const loops = Array.from({ length: workers }, loop);
  try {
    return { result: await measure(), attacks };
  } finally {
    done = true;
    await Promise.all(loops);
  }
}

/** The value of a Result that must have succeeded; the test fails with its error otherwise. */
export function okValue<T, E>(result: Result<T, E>): T {
  assert.ok(result.ok, result.ok ? '' : String(result.error));
  return result.value;
}

/** The error of a Result that must have failed. */
export function errorOf<T, E>(result: Result<T, E>, what: string): E {
  assert.ok(!result.ok, `expected ${what} to be rejected`);
  return result.error;
}
