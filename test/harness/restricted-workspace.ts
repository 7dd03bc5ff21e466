// The workspace of the Restricted Mode run: the usual fixtures plus workspace settings that ask for a
// kubeconfig of the workspace's own, whose exec credential plugin would leave a marker file if run,
// and for a Prometheus URL. Trusted, both would apply; untrusted, neither may.
import { readFileSync, writeFileSync } from 'node:fs';

export function writeRestrictedWorkspaceSettings(workspace: string): void {
  const kubeconfig = `${workspace}/restricted-kubeconfig.yaml`;
  writeFileSync(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: workspace-plugin',
      'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:9" } }]',
      'contexts: [{ name: workspace-plugin, context: { cluster: c, user: u } }]',
      'users:',
      '- name: u',
      '  user:',
      '    exec:',
      '      apiVersion: client.authentication.k8s.io/v1',
      '      command: /usr/bin/touch',
      `      args: ["${workspace}/exec-plugin-ran"]`,
      '      interactiveMode: Never',
      '',
    ].join('\n'),
  );
  const settingsPath = `${workspace}/.vscode/settings.json`;
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8')) as Record<string, unknown>;
  settings['kubeWorkbench.kubeconfig'] = kubeconfig;
  settings['kubeWorkbench.allocator.prometheusUrl'] = 'http://127.0.0.1:9/';
  writeFileSync(settingsPath, `${JSON.stringify(settings, null, 2)}\n`);
}
