/**
 * How a simulated container behaves, read from the pod: annotations first (tests and the demo set
 * them on templates), else guessed from the command (`false`, `exit 3`, `sleep 20`), else defaults:
 * run-to-completion pods (Jobs) finish with 0 after 5 s, others run until deleted.
 */
import type { Pod } from '../objects.ts';

export const behaviourAnnotations = {
  /** steady | diurnal | spiky | leaking: the synthetic usage curve the metrics API serves. */
  profile: 'sim.kube-workbench.io/profile',
  /** The container's exit code when it ends. */
  exitCode: 'sim.kube-workbench.io/exit-code',
  /** Seconds from start until the container exits. */
  runSeconds: 'sim.kube-workbench.io/run-seconds',
  /**
   * Seconds from start until the kernel OOM-kills the container: its memory climbs from 40% of its
   * request to its limit over that time, then it restarts with lastState OOMKilled, again and again.
   */
  oomKillSeconds: 'sim.kube-workbench.io/oom-kill-seconds',
} as const;

export const profiles = ['steady', 'diurnal', 'spiky', 'leaking'] as const;
export type Profile = (typeof profiles)[number];

export interface Behaviour {
  readonly profile: Profile;
  readonly exitCode: number;
  /** undefined: runs until deleted. */
  readonly runSeconds: number | undefined;
  /** An image no registry has: ErrImagePull, then ImagePullBackOff. */
  readonly imagePullFails: boolean;
  /** undefined: never OOM-killed. */
  readonly oomKillSeconds: number | undefined;
}

/** A run-to-completion pod's default lifetime (long enough to watch it Running, short for tests). */
const defaultRunSeconds = 5;

function numberFrom(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function fromCommand(pod: Pod): { exitCode?: number; runSeconds?: number } {
  const container = pod.spec.containers[0];
  const words = [...(container?.command ?? []), ...(container?.args ?? [])].join(' ');
  const result: { exitCode?: number; runSeconds?: number } = {};
  const exit = /\bexit\s+(\d+)/.exec(words);
  const first = words.trim().split(/\s+/)[0]?.split('/').pop();
  if (exit !== null) result.exitCode = Number(exit[1]);
  else if (first === 'false') result.exitCode = 1;
  const sleep = /\bsleep\s+(\d+)/.exec(words);
  if (sleep !== null) result.runSeconds = Number(sleep[1]);
  return result;
}

export function behaviourOf(pod: Pod): Behaviour {
  const annotations = pod.metadata.annotations ?? {};
  const labels = pod.metadata.labels ?? {};
  const named = annotations[behaviourAnnotations.profile] ?? labels[behaviourAnnotations.profile];
  const profile = profiles.find((each) => each === named) ?? 'steady';
  const guessed = fromCommand(pod);
  const exitCode = numberFrom(annotations[behaviourAnnotations.exitCode]) ?? guessed.exitCode ?? 0;
  const completes = pod.spec.restartPolicy !== undefined && pod.spec.restartPolicy !== 'Always';
  const explicit = numberFrom(annotations[behaviourAnnotations.runSeconds]) ?? guessed.runSeconds;
  const runSeconds = explicit ?? (completes || exitCode !== 0 ? defaultRunSeconds : undefined);
  const imagePullFails = pod.spec.containers.some((container) => /(does-?not-?exist|nonexistent|invalid-image)/.test(container.image ?? ''));
  const oomKillSeconds = numberFrom(annotations[behaviourAnnotations.oomKillSeconds]);
  return { profile, exitCode, runSeconds, imagePullFails, oomKillSeconds: oomKillSeconds !== undefined && oomKillSeconds > 0 ? oomKillSeconds : undefined };
}
