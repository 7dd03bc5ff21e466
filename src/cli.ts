// The `kube-workbench` executable (package.json `bin`): wires the process to runCli.
import { fitCommand } from './cli/fit.ts';
import { healthCommand } from './cli/health.ts';
import { lintCommand } from './cli/lint.ts';
import { internalErrorLine, runCli } from './cli/main.ts';
import { portForwardCommand } from './cli/port-forward.ts';
import { rulesCommand } from './cli/rules.ts';
import { simCommand } from './cli/sim.ts';
import { suggestCommand } from './cli/suggest.ts';

const subcommands = [lintCommand, rulesCommand, healthCommand, suggestCommand, fitCommand, portForwardCommand, simCommand];

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
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  subcommands,
).then((code) => {
  process.exitCode = code;
});
