// Runs a subcommand with its output captured, for tests: the exit code and what went to each stream,
// through runCli as the executable does, so a test sees what a user sees.
import { runCli, type Subcommand } from './main.ts';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCaptured(command: Subcommand, args: readonly string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([command.name, ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) }, [command]);
  return { code, stdout, stderr };
}
