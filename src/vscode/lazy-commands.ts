// Commands are registered at activation as stubs; the first one run requires dist/commands.js, swaps
// every stub for its real handler and runs again. Loading and compiling the handlers (about half of
// the extension's code) at activation would cost every VS Code start-up that opens a YAML file.
import * as vscode from 'vscode';

/**
 * Stubs for `ids` that, on the first call, load the real handlers (`load`, which throws when the bundle
 * is missing: the stubs then stay) and register them (`register`, which must register each of `ids`).
 */
export function registerLazyCommands(ids: readonly string[], load: () => () => vscode.Disposable): vscode.Disposable {
  let handlers: vscode.Disposable | undefined;
  const stubs: vscode.Disposable[] = ids.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      if (handlers === undefined) {
        const register = load();
        // A command id can be registered once: the stubs go before the handlers come.
        for (const stub of stubs) stub.dispose();
        handlers = register();
      }
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  return { dispose: () => (handlers ?? vscode.Disposable.from(...stubs)).dispose() };
}
