// The extension-host test entry of the Restricted Mode run: a VS Code server with workspace trust on,
// opened on a folder it has never trusted (see test/harness/run-vscode-tests.ts).
import { runSuitesIn } from '../integration/index.ts';

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
