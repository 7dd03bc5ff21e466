// The forwards a workspace keeps: each one started is saved (with the local port it got, so its URL
// stays the same), Stop forgets it, and Restart Saved Port Forwards starts them again.
import type * as vscode from 'vscode';
import type { ForwardSpec } from '../../cluster/index.ts';

const KEY = 'kubeWorkbench.portForwards';

/** The same forward: context, target and remote port (the local port may differ). */
export const sameForward = (left: ForwardSpec, right: ForwardSpec): boolean =>
  left.context === right.context && left.target.kind === right.target.kind && left.target.namespace === right.target.namespace && left.target.name === right.target.name && left.remotePort === right.remotePort;

export class SavedForwards {
  private readonly state: vscode.Memento;

  constructor(state: vscode.Memento) {
    this.state = state;
  }

  list(): ForwardSpec[] {
    return this.state.get<ForwardSpec[]>(KEY, []);
  }

  save(spec: ForwardSpec): Thenable<void> {
    return this.state.update(KEY, [...this.list().filter((saved) => !sameForward(saved, spec)), spec]);
  }

  forget(spec: ForwardSpec): Thenable<void> {
    return this.state.update(KEY, this.list().filter((saved) => !sameForward(saved, spec)));
  }
}
