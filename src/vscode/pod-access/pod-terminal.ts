// A terminal into a container: a Pseudoterminal over one exec (or attach) stream with a TTY. Input
// goes through raw, the terminal's size goes on the resize channel, the shell is bash or else sh
// (the cluster service's ExecService picks); when the session ends the exit code (or why it ended)
// is shown and Enter connects again. Closing the terminal, or dispose(), closes the stream; so does
// the cluster service when the context leaves the kubeconfig or the extension deactivates.
import * as vscode from 'vscode';
import type { ExecTarget, SessionEnd, StreamSession } from '../../cluster/index.ts';
import type { Result } from '../../core/result.ts';
import { err, ok } from '../../core/result.ts';
import type { ClusterError } from '../bundle-loader.ts';
import type { ClusterServiceHolder } from '../cluster-service-holder.ts';

export type TerminalMode = 'exec' | 'attach';

const CRLF = '\r\n';

/** Text for the terminal: bare newlines would leave the cursor in its column. */
const terminalText = (text: string): string => text.replace(/\r?\n/g, CRLF);

function endText(end: SessionEnd): string {
  if ('exitCode' in end) return `[process exited with code ${end.exitCode}]`;
  if ('error' in end) return `[${end.error.message}]`;
  return '[connection closed]';
}

export function terminalName(target: ExecTarget, mode: TerminalMode): string {
  return `${target.context}/${target.namespace}/${target.pod}/${target.container}${mode === 'attach' ? ' (attach)' : ''}`;
}

export class PodTerminal implements vscode.Pseudoterminal {
  private readonly writes = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.writes.event;
  private session: StreamSession | undefined;
  private size = { width: 80, height: 24 };
  /** Waiting for Enter to connect again. */
  private ended = false;
  private disposed = false;
  private firstResult: ((result: Result<void, ClusterError>) => void) | undefined;
  /** How the first connection went: the command's outcome. */
  readonly firstConnection: Promise<Result<void, ClusterError>>;

  private readonly clusters: ClusterServiceHolder;
  readonly target: ExecTarget;
  private readonly mode: TerminalMode;

  constructor(clusters: ClusterServiceHolder, target: ExecTarget, mode: TerminalMode) {
    this.clusters = clusters;
    this.target = target;
    this.mode = mode;
    this.firstConnection = new Promise((resolve) => (this.firstResult = resolve));
  }

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    if (dimensions !== undefined) this.size = { width: dimensions.columns, height: dimensions.rows };
    void this.connect();
  }

  handleInput(data: string): void {
    if (this.session !== undefined) this.session.write(data);
    else if (this.ended && data.includes('\r')) {
      this.ended = false;
      this.writes.fire(CRLF);
      void this.connect();
    }
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.size = { width: dimensions.columns, height: dimensions.rows };
    this.session?.resize(dimensions.columns, dimensions.rows);
  }

  close(): void {
    this.dispose();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.session?.dispose();
    this.session = undefined;
    this.settle(err({ kind: 'invalid', message: 'the terminal closed before it connected' }));
    this.writes.dispose();
  }

  private settle(result: Result<void, ClusterError>): void {
    this.firstResult?.(result);
    this.firstResult = undefined;
  }

  private async connect(): Promise<void> {
    const exec = this.clusters.get().exec;
    let received = false;
    const options = {
      tty: true,
      stdin: true,
      size: this.size,
      onStdout: (data: Buffer) => {
        received = true;
        if (!this.disposed) this.writes.fire(data.toString('utf8'));
      },
    };
    // bash, else sh: the service tells a missing shell from a running one by its first output.
    const started = this.mode === 'exec' ? await exec.shell(this.target, options) : await exec.attach(this.target, options);
    if (!started.ok) return this.finish({ error: started.error }, false);
    const session = 'session' in started.value ? started.value.session : started.value;
    if (this.disposed) return session.dispose();
    this.session = session;
    // A shell that printed runs; one that did not has ended (finish says why). Attach may stay silent.
    if (received || this.mode === 'attach') this.settle(ok(undefined));
    const end = await session.ended;
    session.dispose();
    if (this.disposed) return;
    this.session = undefined;
    this.finish(end, received || this.mode === 'attach');
  }

  private finish(end: SessionEnd, connected: boolean): void {
    if ('error' in end && !connected) this.settle(err(end.error));
    else this.settle(ok(undefined));
    this.ended = true;
    this.writes.fire(`${CRLF}${terminalText(endText(end))}${CRLF}Press Enter to reconnect, or close the terminal.${CRLF}`);
  }
}
