/** Where the environment says kubeconfig files live; passed in because core reads no environment. */
export interface KubeconfigEnvironment {
  /** The `kubeWorkbench.kubeconfig` setting; empty when unset. */
  readonly setting: string;
  /** The `KUBECONFIG` variable, a list joined by `delimiter`; undefined when unset. */
  readonly kubeconfigVariable: string | undefined;
  readonly homeDirectory: string;
  /** `:` on POSIX, `;` on Windows (path.delimiter). */
  readonly delimiter: string;
  /** `/` or `\` (path.sep). */
  readonly separator: string;
}

/**
 * The kubeconfig files to merge, in kubectl's precedence: the setting wins, then every entry of
 * `KUBECONFIG` (empty entries ignored, duplicates dropped, first one wins on conflicts, as kubectl
 * merges them), then `~/.kube/config`.
 */
export function kubeconfigPaths(env: KubeconfigEnvironment): string[] {
  const setting = env.setting.trim();
  if (setting !== '') return [expandHome(setting, env)];
  const fromVariable = (env.kubeconfigVariable ?? '')
    .split(env.delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => expandHome(entry, env));
  if (fromVariable.length > 0) return [...new Set(fromVariable)];
  return [[env.homeDirectory, '.kube', 'config'].join(env.separator)];
}

function expandHome(path: string, env: KubeconfigEnvironment): string {
  if (path === '~') return env.homeDirectory;
  if (path.startsWith('~/') || path.startsWith(`~${env.separator}`)) {
    return env.homeDirectory + env.separator + path.slice(2);
  }
  return path;
}
