// `npm run demo`: the extension in VS Code against a simulated cluster (demo-cluster.ts), with KUBECONFIG
// pointing at the simulator's kubeconfig, never the user's. The extension is the packaged .vsix,
// installed into a private extensions folder, as a user gets it. With a desktop `code` on PATH it opens a
// window of its own; otherwise it serves VS Code's server build on a loopback port (no smoke-test
// driver: that mode hides notification toasts) and prints the URL to open in a browser. Ctrl+C stops
// everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startDemoCluster } from './demo-cluster.ts';
import { ensureTools, repoRoot } from './tools.ts';
import { startVscodeServer } from './vscode-server.ts';

function hasDesktopCode(): boolean {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const vsix = `${repoRoot}/dist/kube-workbench.vsix`;
  if (!existsSync(vsix)) throw new Error('no dist/kube-workbench.vsix: npm run demo packages it first');
  const workspace = mkdtempSync(`${tmpdir()}/kwb-demo-`);
  cpSync(`${repoRoot}/test/fixtures/workspace`, workspace, { recursive: true });
  const cluster = await startDemoCluster((line) => console.log(line));
  console.log(`demo: simulated cluster at ${cluster.sim.url} (kubectl --kubeconfig ${cluster.sim.kubeconfigPath} get nodes)`);
  // The sim's Prometheus gives the allocator eight days of history at once.
  const settingsPath = `${workspace}/.vscode/settings.json`;
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(settingsPath, JSON.stringify({ ...settings, 'kubeWorkbench.allocator.prometheusUrl': cluster.sim.prometheusUrl }, undefined, 2));
  const env = { KUBECONFIG: cluster.sim.kubeconfigPath };
  const cleanUp = async (): Promise<void> => {
    await cluster.stop();
    rmSync(workspace, { recursive: true, force: true });
  };

  if (hasDesktopCode() && !process.argv.includes('--browser')) {
    console.log(`demo: opening desktop VS Code with the extension from ${vsix}`);
    // A private profile: the user's own extensions and settings stay untouched.
    const profile = [`--extensions-dir=${workspace}/.demo-profile/extensions`, `--user-data-dir=${workspace}/.demo-profile/data`];
    spawnSync('code', [...profile, '--install-extension', vsix], { stdio: 'inherit' });
    const code = spawn('code', [...profile, '--new-window', '--wait', workspace], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    code.once('exit', () => void cleanUp());
    return;
  }

  await ensureTools();
  const server = await startVscodeServer({ testDriver: false, env, vsix });
  const url = server.workbenchUrl(workspace, []);
  console.log('demo: VS Code with Kubernetes Workbench is at');
  console.log(url);
  console.log('demo: open it in a browser on this machine; Ctrl+C stops the server.');
  const stop = (): void => {
    server.stop();
    void cleanUp().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
