// The `kube-workbench` executable (package.json `bin`): wires the process to runCli. The same bundle
// is the script of `lint`'s worker threads (lint-pool.ts), started with lintWorkerArgument: they serve
// the pool instead (an argument, not node:worker_threads' isMainThread, which would load for every run).
import { lintWorkerArgument } from './cli/lint-worker-argument.ts';
import { internalErrorLine, runCli } from './cli/main.ts';
import { stdoutWriter } from './cli/stdout.ts';
import { subcommands } from './cli/subcommand-table.ts';

if (process.argv[2] === lintWorkerArgument) void import('./cli/lint-worker.ts');
else main();

function main(): void {
  // Subcommands return exit codes and never throw; should a bug throw outside them all the same,
  // the user gets one line and exit 2, as for any other failure.
  const fail = (error: unknown): void => {
    process.stderr.write(internalErrorLine(error));
    process.exit(2);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);

  void runCli(
    process.argv.slice(2),
    {
      stdout: stdoutWriter(),
      stderr: (text) => process.stderr.write(text),
    },
    subcommands,
  ).then((code) => {
    process.exitCode = code;
  });
}
