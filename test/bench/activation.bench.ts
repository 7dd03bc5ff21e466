// Activation time of the built bundle in the real extension host (VS Code's server build), against
// VS Code's own References view extension activated in the same host. Median of three fresh hosts.
import { ACTIVATION_TIMING } from '../harness/report-marker.ts';
import { median, runHostEntry } from './host-entry.ts';
import type { Bench } from './report.ts';

const RUNS = 3;

export const bench: Bench = {
  name: 'activation',
  async run(report) {
    const timings = await runHostEntry<{ ours: number; baseline: number }>('activation-timing', ACTIVATION_TIMING, RUNS);
    report({
      name: `activate() in the extension host (median of ${RUNS})`,
      value: median(timings.map((timing) => timing.ours)),
      unit: 'ms',
      target: { op: '<', value: 40 },
      baseline: { name: "VS Code's References view extension", value: median(timings.map((timing) => timing.baseline)) },
    });
  },
};
