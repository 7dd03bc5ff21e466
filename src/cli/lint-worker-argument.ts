/** The argument a lint pool worker is started with (after the CLI bundle's path), so that it serves the pool. */
export const lintWorkerArgument = '--kube-workbench-lint-worker';
