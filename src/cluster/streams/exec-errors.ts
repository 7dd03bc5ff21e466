// What a failed exec or attach means, in words a user can act on. A refusal of the WebSocket
// upgrade carries the API server's Status (forbidden, an unknown container) or the kubelet's text
// ("container not found": it is not running); a body that is neither is a proxy or an old server
// refusing WebSocket streams. After the upgrade, the error channel's Status says why the process
// did not start (an executable missing from the image) or how it ended (the exit code).
import { detailText, errorFromException, errorFromResponse, type ClusterError, type Operation } from '../cluster-error.ts';

export interface ExecWhere {
  readonly context: string;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** 'exec' or 'attach'. */
  readonly subresource: string;
}

export interface Refusal {
  readonly code: number;
  readonly body: string;
}

const operationOf = (where: ExecWhere): Operation => ({ context: where.context, verb: 'create', resource: `pods/${where.subresource} ${where.namespace}/${where.pod}` });

function parsedStatus(body: string): { kind?: unknown; message?: unknown } | undefined {
  try {
    const value = JSON.parse(body) as unknown;
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

export function refusalError(where: ExecWhere, refusal: Refusal): ClusterError {
  const status = parsedStatus(refusal.body);
  const text = typeof status?.message === 'string' ? status.message : refusal.body;
  if (/container not found/.test(text)) {
    return { kind: 'notFound', code: refusal.code, message: `container "${where.container}" of pod ${where.namespace}/${where.pod} is not running (context "${where.context}"): ${detailText(text)}` };
  }
  if (status?.kind === 'Status') return errorFromResponse(operationOf(where), refusal.code, status, null);
  return {
    kind: 'server',
    code: refusal.code,
    message: `the cluster of context "${where.context}" refused the WebSocket upgrade for ${where.subresource} (HTTP ${refusal.code}): a proxy in front of the API server may not pass WebSocket connections, or the server only speaks SPDY streams${refusal.body.trim() === '' ? '' : `: ${detailText(refusal.body)}`}`,
  };
}

export function connectError(where: ExecWhere, refusal: Refusal | undefined, error: unknown): ClusterError {
  if (refusal !== undefined) return refusalError(where, refusal);
  const cause = typeof error === 'object' && error !== null && 'error' in error ? (error as { error: unknown }).error : error;
  return errorFromException(operationOf(where), cause);
}

/** The error channel's Status: an exit code, or the error for a process that could not start. */
export type ExecEnd = { readonly exitCode: number } | { readonly error: ClusterError };

export function endOf(where: ExecWhere, command: readonly string[], status: { status?: unknown; reason?: unknown; message?: unknown; details?: { causes?: readonly { reason?: unknown; message?: unknown }[] } }): ExecEnd {
  if (status.status === 'Success') return { exitCode: 0 };
  const exitCause = status.details?.causes?.find((cause) => cause.reason === 'ExitCode');
  if (status.reason === 'NonZeroExitCode' && exitCause !== undefined && /^\d+$/.test(String(exitCause.message))) return { exitCode: Number(exitCause.message) };
  const message = typeof status.message === 'string' ? status.message : 'the command failed to start';
  const missing = /exec: "([^"]*)": executable file not found|no such file or directory/.exec(message);
  if (missing !== null) {
    const program = missing[1] ?? command[0] ?? '';
    return { error: { kind: 'notFound', message: `the image of container "${where.container}" (pod ${where.namespace}/${where.pod}) has no "${program}": ${detailText(message)}` } };
  }
  return { error: { kind: 'server', message: `${where.subresource} in container "${where.container}" of pod ${where.namespace}/${where.pod} failed: ${detailText(message)}` } };
}

/** True for the error of a program missing from the image (try another shell). */
export function isMissingProgram(error: ClusterError): boolean {
  return error.kind === 'notFound' && / has no "/.test(error.message);
}
