/**
 * pods/exec and pods/attach behind an authorised upgrade (connect.ts): the container and its state
 * checked as kube-apiserver and the kubelet check them, then a WebSocket session with the
 * container's process. A refusal before the upgrade is a Status, answered by connect's caller.
 */
import type { IncomingMessage } from 'node:http';
import type { ApiContext } from '../api-context.ts';
import type { Upgrade } from '../connect.ts';
import type { Container, Pod } from '../objects.ts';
import { booleanParam } from '../query-params.ts';
import { ApiError, badRequest } from '../status.ts';
import { chooseProtocol } from './channel-protocol.ts';
import { runSession } from './exec-session.ts';
import { containerEnvironment } from './pod-env.ts';
import { isWebSocketRequest, offeredProtocols } from './websocket.ts';


function pickContainer(pod: Pod, query: URLSearchParams): Container {
  const name = query.get('container') ?? '';
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  if (name === '') {
    const [only, ...others] = pod.spec.containers;
    if (only !== undefined && others.length === 0) return only;
    throw badRequest(`a container name must be specified for pod ${pod.metadata.name ?? ''}, choose one of: [${pod.spec.containers.map((each) => each.name).join(' ')}]`);
  }
  const found = all.find((each) => each.name === name);
  if (found === undefined) throw badRequest(`container ${name} is not valid for pod ${pod.metadata.name ?? ''}`);
  return found;
}

function checkRunning(pod: Pod, container: Container): void {
  if (pod.spec.nodeName === undefined || pod.spec.nodeName === '') throw badRequest(`pod ${pod.metadata.name ?? ''} does not have a host assigned`);
  const status = pod.status?.containerStatuses?.find((each) => each.name === container.name);
  // The kubelet's words, which the API server relays (as kubectl prints them after "unable to upgrade connection").
  if (status?.state['running'] === undefined) throw new ApiError(500, 'InternalError', `container not found ("${container.name}")`);
}

/** Serves `pods/{name}/exec` or `/attach` for `pod` (authorised as create); throws an ApiError before upgrading when it cannot. */
export function serveExecOrAttach(subresource: 'exec' | 'attach', request: IncomingMessage, upgrade: Upgrade, query: URLSearchParams, pod: Pod, context: ApiContext): void {
  const container = pickContainer(pod, query);
  const options = { stdin: booleanParam(query, 'stdin'), stdout: booleanParam(query, 'stdout'), stderr: booleanParam(query, 'stderr'), tty: booleanParam(query, 'tty') };
  if (!options.stdin && !options.stdout && !options.stderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
  const argv = query.getAll('command');
  if (subresource === 'exec' && argv.length === 0) throw badRequest('you must specify at least 1 command');
  checkRunning(pod, container);
  if (!isWebSocketRequest(request)) throw badRequest('the simulated cluster serves exec and attach over WebSocket only (v5.channel.k8s.io to channel.k8s.io), not SPDY');
  const protocol = chooseProtocol(offeredProtocols(request));
  if (protocol === undefined) throw badRequest(`unable to upgrade: none of the offered subprotocols ${JSON.stringify(offeredProtocols(request))} is supported`);
  const env = containerEnvironment(pod, container, context.containers.lookup);
  if (options.tty) env.set('TERM', 'xterm');
  // attach joins the container's main process: a shell when the container keeps stdin open, else a process that only waits.
  const attachArgv = (container as { stdin?: unknown }).stdin === true ? ['sh'] : ['sleep', 'infinity'];
  const resized = (width: number, height: number): void => void env.set('COLUMNS', String(width)).set('LINES', String(height));
  void runSession(request, upgrade.socket, upgrade.head, { ...options, protocol, resized }, (io) => context.containers.run({ pod, container, argv: subresource === 'exec' ? argv : attachArgv, env }, io));
}
