// Runs a benchmark's extension-host entry (test/bench/host/*.ts) in VS Code's server build and returns
// the JSON the entry printed after its marker, once per run, each run in a fresh extension host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { launchChromium } from '../harness/browser.ts';
import { runInExtensionHost } from '../harness/extension-host-run.ts';
import { ensureTools, repoRoot } from '../harness/tools.ts';
import { startVscodeServer } from '../harness/vscode-server.ts';

export async function runHostEntry<T>(entry: string, marker: string, runs: number, env: NodeJS.ProcessEnv = {}): Promise<T[]> {
  await ensureTools();
  const workspace = mkdtempSync(`${tmpdir()}/kwb-bench-workspace-`);
  const server = await startVscodeServer({ testDriver: true, env: { KUBECONFIG: `${workspace}/absent`, ...env } });
  const browser = await launchChromium();
  const results: T[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const result = await runInExtensionHost({
        server,
        browser,
        extensionPath: repoRoot,
        testsEntry: `${repoRoot}/out/test/bench/host/${entry}.cjs`,
        workspace,
        timeoutMs: 600_000,
        failureScreenshot: `${repoRoot}/out/test-failures/${entry}.png`,
        onLog: () => undefined,
      });
      const line = result.lines.find((candidate) => candidate.startsWith(marker));
      if (result.exitCode !== 0 || line === undefined) {
        const log = `${repoRoot}/out/test-logs/${entry}.log`;
        mkdirSync(`${repoRoot}/out/test-logs`, { recursive: true });
        writeFileSync(log, result.lines.join('\n'));
        throw new Error(`${entry} run ${run + 1} failed; the extension host's log is in ${log}`);
      }
      results.push(JSON.parse(line.slice(marker.length)) as T);
    }
  } finally {
    await browser.close();
    server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
  return results;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
