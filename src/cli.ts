// The `kube-workbench` executable (package.json `bin`): wires the process to runCli.
import { runCli } from './cli/main.ts';

void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
