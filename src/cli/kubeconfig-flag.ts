// The kubeconfig files a CLI command reads: --kubeconfig, else KUBECONFIG, else ~/.kube/config, in
// kubectl's precedence (core/cluster/kubeconfig-paths.ts).
import { homedir } from 'node:os';
import { delimiter, sep } from 'node:path';
import { kubeconfigPaths } from '../core/cluster/kubeconfig-paths.ts';

export function cliKubeconfigPaths(flag: string | undefined): string[] {
  return kubeconfigPaths({ setting: flag ?? '', kubeconfigVariable: process.env['KUBECONFIG'], homeDirectory: homedir(), delimiter, separator: sep });
}
