import packageJson from '../../package.json' with { type: 'json' };
import { terminalLines } from '../core/text/terminal-text.ts';
import { redactUrlCredentials } from '../core/text/url-credentials.ts';

/** Exit codes shared by every subcommand. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Where the CLI writes; tests pass collectors, `cli.ts` passes the process streams. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Subcommand {
  readonly name: string;
  readonly summary: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<ExitCode>;
}

export function usage(subcommands: readonly Subcommand[]): string {
  const width = subcommands.reduce((widest, command) => Math.max(widest, command.name.length), 0);
  const lines = subcommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    `kube-workbench ${packageJson.version}: Kubernetes manifests and clusters from the command line`,
    '',
    'Usage: kube-workbench <command> [options]',
    '       kube-workbench --help | --version',
    '',
    lines.length > 0 ? 'Commands:' : 'Commands: none yet',
    ...lines,
    '',
    'Exit codes: 0 success, 1 findings or failure, 2 usage, input or I/O error (an input too large',
    'or invalid, a file not checked, a cluster unreachable); errors are one line on stderr.',
    '',
  ].join('\n');
}

/**
 * Every stderr line names files, objects and servers: control characters from them are made
 * visible and URL credentials cut, whichever message carries them. (stdout is made safe where each
 * format is written: text fields escaped, JSON escaped by JSON.stringify.)
 */
function safeIo(io: CliIo): CliIo {
  return { stdout: io.stdout, stderr: (text) => io.stderr(terminalLines(redactUrlCredentials(text))) };
}

/** Runs one CLI invocation against the given subcommands; never throws: failures become a one-line message and an exit code. */
export async function runCli(args: readonly string[], rawIo: CliIo, subcommands: readonly Subcommand[]): Promise<ExitCode> {
  const io = safeIo(rawIo);
  const [first, ...rest] = args;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(usage(subcommands));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return ExitCode.ok;
  }
  const command = subcommands.find((candidate) => candidate.name === first);
  if (command === undefined) {
    io.stderr(`kube-workbench: unknown command '${first}' (see kube-workbench --help)\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`kube-workbench ${command.name}: ${oneLine(error)}\n`);
    return ExitCode.usage;
  }
}

/** The line for a fault that escaped every Result (a bug): no stack trace, which could quote a URL with its password. */
export function internalErrorLine(error: unknown): string {
  return `kube-workbench: internal error: ${terminalLines(redactUrlCredentials(oneLine(error)))}\n`;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
