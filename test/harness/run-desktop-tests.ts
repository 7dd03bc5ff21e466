// `npm run test:desktop`: the same extension-host suites in a desktop VS Code downloaded by
// @vscode/test-electron. Needs internet (or a cached download) and a display; it cannot run on our
// CI machines, where `npm test` runs the suites in VS Code's server build instead.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runTests } from '@vscode/test-electron';
import packageJson from '../../package.json' with { type: 'json' };
import { companionExtensions, repoRoot } from './tools.ts';

const workspace = mkdtempSync(`${tmpdir()}/kwb-workspace-`);
cpSync(`${repoRoot}/test/fixtures/workspace`, workspace, { recursive: true });
const version = packageJson.engines.vscode.replace(/^\^/, '');
process.exitCode = await runTests({
  version,
  extensionDevelopmentPath: [repoRoot, ...companionExtensions],
  extensionTestsPath: `${repoRoot}/out/test/integration/index.cjs`,
  launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
}).catch((error: unknown) => {
  console.error(`test:desktop: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
