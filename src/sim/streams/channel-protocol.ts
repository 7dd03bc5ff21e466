/**
 * The kubelet's stream channel protocols for exec and attach over WebSocket: every binary message
 * starts with its channel (0 stdin, 1 stdout, 2 stderr, 3 error, 4 resize; v5 adds 255, "close
 * channel N"). Versions differ in what channel 3 carries at the end: from v4 a metav1.Status whose
 * NonZeroExitCode cause holds the exit code, before it the error's text.
 */
export const channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

/** Newest first; the client's order of preference decides among them. */
export const execProtocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io'] as const;

export type ExecProtocol = (typeof execProtocols)[number];

/** The protocol for the offered list: the first the sim speaks, v1 when none is offered, undefined when none fits. */
export function chooseProtocol(offered: readonly string[]): ExecProtocol | undefined {
  if (offered.length === 0) return 'channel.k8s.io';
  return execProtocols.find((protocol) => protocol === offered.find((each) => (execProtocols as readonly string[]).includes(each)));
}

export type Outcome = { readonly exitCode: number } | { readonly failure: string; readonly reason: string; readonly code: number };

/** Channel 3's last message for `outcome`, as the kubelet writes it; undefined when nothing is written. */
export function errorChannelMessage(protocol: ExecProtocol, outcome: Outcome): string | undefined {
  const modern = protocol === 'v4.channel.k8s.io' || protocol === 'v5.channel.k8s.io';
  if ('failure' in outcome) return modern ? JSON.stringify({ metadata: {}, status: 'Failure', message: outcome.failure, reason: outcome.reason, code: outcome.code }) : outcome.failure;
  const { exitCode } = outcome;
  if (!modern) return exitCode === 0 ? undefined : `command terminated with non-zero exit code: exit status ${exitCode}`;
  if (exitCode === 0) return JSON.stringify({ metadata: {}, status: 'Success' });
  return JSON.stringify({
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  });
}

export interface TerminalSize {
  readonly width: number;
  readonly height: number;
}

/** A resize message: kubectl sends {"Width":…,"Height":…}, client-node {"width":…,"height":…}. */
export function parseResize(text: string): TerminalSize | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const width = Number(value['Width'] ?? value['width']);
    const height = Number(value['Height'] ?? value['height']);
    return Number.isInteger(width) && Number.isInteger(height) && width >= 0 && height >= 0 && width < 65536 && height < 65536 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}
