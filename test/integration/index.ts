// The extension-host test entry (extensionTestsPath): runs every *.test.cjs suite built beside it with
// mocha, prints "N passed, N failed", and rejects when anything failed so the host exits non-zero.
// Runner-agnostic: the server harness and @vscode/test-electron both call run().
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { REPORT_START } from '../harness/report-marker.ts';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

/** Runs every suite bundled into `folder`; the restricted-mode entry shares it. */
export async function runSuitesIn(folder: string): Promise<void> {
  console.log(REPORT_START);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const suites = readdirSync(folder).filter((name) => name.endsWith('.test.cjs'));
  for (const suite of suites.sort()) mocha.addFile(join(folder, suite));
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1 } as Mocha.Stats));
  });
  console.log(`${stats.passes} passed, ${stats.failures} failed`);
  if (stats.failures > 0 || stats.passes === 0) throw new Error(`${stats.failures} extension test(s) failed`);
}
