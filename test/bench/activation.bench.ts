// Activation time of the built bundle in the real extension host (VS Code's server build), against
// VS Code's own npm extension activated in the same host. Median of three fresh hosts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { launchChromium } from '../harness/browser.ts';
import { runInExtensionHost } from '../harness/extension-host-run.ts';
import { ACTIVATION_TIMING } from '../harness/report-marker.ts';
import { ensureTools, repoRoot } from '../harness/tools.ts';
import { startVscodeServer } from '../harness/vscode-server.ts';
import type { Bench } from './report.ts';

const runs = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export const bench: Bench = {
  name: 'activation',
  async run(report) {
    await ensureTools();
    const workspace = mkdtempSync(`${tmpdir()}/kwb-bench-workspace-`);
    const server = await startVscodeServer({ testDriver: true });
    const browser = await launchChromium();
    const ours: number[] = [];
    const baseline: number[] = [];
    try {
      for (let run = 0; run < runs; run += 1) {
        const result = await runInExtensionHost({
          server,
          browser,
          extensionPath: repoRoot,
          testsEntry: `${repoRoot}/out/test/bench/host/activation-timing.cjs`,
          workspace,
          timeoutMs: 120_000,
          failureScreenshot: `${repoRoot}/out/test-failures/activation-bench.png`,
          onLog: () => undefined,
        });
        const line = result.lines.find((candidate) => candidate.startsWith(ACTIVATION_TIMING));
        if (result.exitCode !== 0 || line === undefined) throw new Error(`activation timing run ${run + 1} failed`);
        const timing = JSON.parse(line.slice(ACTIVATION_TIMING.length)) as { ours: number; baseline: number };
        ours.push(timing.ours);
        baseline.push(timing.baseline);
      }
    } finally {
      await browser.close();
      server.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
    report({
      name: `activate() in the extension host (median of ${runs})`,
      value: median(ours),
      unit: 'ms',
      target: { op: '<', value: 50 },
      baseline: { name: "VS Code's npm extension", value: median(baseline) },
    });
  },
};
