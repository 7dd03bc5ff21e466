/**
 * Synthetic CPU and memory usage per profile, a pure function of time so the metrics API needs no
 * stored history: steady hovers near 60 % of requests, diurnal follows a 24 h sine, spiky bursts to
 * 150 % for a minute every ten, leaking grows memory by 20 % of its request per hour since start.
 */
import type { Amounts } from '../amounts.ts';
import type { Profile } from './pod-behaviour.ts';

const day = 86_400;

/** A stable value in [0, 1) from a seed and a time bucket (a small integer hash, not cryptographic). */
export function noise(seed: number, bucket: number): number {
  let value = (seed ^ Math.imul(bucket, 0x9e3779b1)) >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b) >>> 0;
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35) >>> 0;
  return ((value ^ (value >>> 16)) >>> 0) / 2 ** 32;
}

/** Requests default to 50m / 64Mi for usage when a container sets none. */
const fallback = { cpu: 0.05, memory: 64 * 2 ** 20 };

export function usageAt(profile: Profile, requests: Amounts, seed: number, nowSeconds: number, startSeconds: number): Amounts {
  const cpu = requests.cpu > 0 ? requests.cpu : fallback.cpu;
  const memory = requests.memory > 0 ? requests.memory : fallback.memory;
  // 15 s buckets: metrics-server's default resolution.
  const jitter = noise(seed, Math.floor(nowSeconds / 15));
  switch (profile) {
    case 'steady':
      return { cpu: cpu * (0.55 + 0.1 * jitter), memory: memory * (0.7 + 0.02 * jitter) };
    case 'diurnal': {
      const phase = Math.sin((2 * Math.PI * (nowSeconds + (seed % day))) / day);
      return { cpu: cpu * (0.5 + 0.4 * phase + 0.05 * jitter), memory: memory * (0.6 + 0.15 * phase) };
    }
    case 'spiky': {
      const inSpike = noise(seed, Math.floor(nowSeconds / 600)) < 0.5 && nowSeconds % 600 < 60;
      return { cpu: cpu * (inSpike ? 1.5 : 0.2 + 0.1 * jitter), memory: memory * (inSpike ? 0.9 : 0.5) };
    }
    case 'leaking': {
      const hours = Math.max(0, nowSeconds - startSeconds) / 3600;
      return { cpu: cpu * (0.4 + 0.1 * jitter), memory: memory * (0.4 + 0.2 * hours) };
    }
  }
}
