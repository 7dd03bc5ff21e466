// The questions of Port Forward…: the remote port (the Service's or containers' declared ports as
// choices, or a number or port name typed) and the local port (the remote one when it is free here,
// else a free one; 0 lets the system choose). No 'vscode': the steps are data (step-flow.ts).
import { blocking, type PickStep, type Step, type TextStep } from '../commands/step-flow.ts';
import type { LocalPorts } from './local-ports.ts';
import type { DeclaredPort } from './pod-facts.ts';

export interface ForwardAnswers {
  readonly remote: number | string;
  readonly local: number;
}

// IANA_SVC_NAME, as the API server checks a container port's name.
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

function portNumber(text: string, min: number): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= min && port <= 65_535 ? port : undefined;
}

export function remotePortStep(declared: readonly DeclaredPort[]): PickStep<ForwardAnswers> {
  return {
    type: 'pick',
    name: 'remote port',
    prompt: () => (declared.length === 0 ? 'Remote port: none is declared, type a number (1–65535)' : 'Remote port (or type a number or port name)'),
    choices: () => declared.map((port) => ({ label: String(port.port), description: [port.name, port.where].filter((part) => part !== '').join(' · ') })),
    value: () => (declared[0] === undefined ? '' : String(declared[0].port)),
    typed: (text) => {
      if (portNumber(text, 1) !== undefined || PORT_NAME.test(text)) return { label: text, description: 'typed' };
      return blocking('A port number (1–65535) or a port name (lower-case letters, digits, "-", at most 15).');
    },
    apply: (state, choice) => ({ ...state, remote: portNumber(choice.label, 1) ?? choice.label }),
  };
}

/** The port a named remote port stands for, when a declared port has that name. */
function remoteNumber(remote: number | string, declared: readonly DeclaredPort[]): number | undefined {
  return typeof remote === 'number' ? remote : declared.find((port) => port.name === remote)?.port;
}

export function localPortStep(declared: readonly DeclaredPort[], ports: LocalPorts): TextStep<ForwardAnswers> {
  const offered = (state: ForwardAnswers): number => {
    const remote = remoteNumber(state.remote, declared);
    if (remote === undefined) return ports.spare;
    // A port checked and found taken gets the spare; one never checked (typed) is tried as it is.
    return ports.free.has(remote) || !declared.some((port) => port.port === remote) ? remote : ports.spare;
  };
  return {
    type: 'text',
    name: 'local port',
    prompt: (state) => {
      const remote = remoteNumber(state.remote, declared);
      const taken = remote !== undefined && offered(state) !== remote ? ` (${remote} is in use here)` : '';
      return `Local port on 127.0.0.1${taken}; 0 lets the system choose`;
    },
    value: (state) => String(offered(state)),
    check: (text) => (portNumber(text.trim(), 0) === undefined ? blocking('A port number from 0 to 65535.') : undefined),
    apply: (state, text) => ({ ...state, local: Number(text) }),
  };
}

export function forwardSteps(declared: readonly DeclaredPort[], ports: LocalPorts): Step<ForwardAnswers>[] {
  return [remotePortStep(declared), localPortStep(declared, ports)];
}
