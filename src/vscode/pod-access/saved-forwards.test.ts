import assert from 'node:assert/strict';
import { it } from 'node:test';
import type * as vscode from 'vscode';
import type { ForwardSpec } from '../../cluster/index.ts';
import { SavedForwards } from './saved-forwards.ts';

/** workspaceState as VS Code keeps it: values by key. */
function memento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento;
}

const web: ForwardSpec = { context: 'dev', target: { kind: 'Service', namespace: 'shop', name: 'web' }, remotePort: 80, localPort: 8080 };

it('keeps one entry per context, target and remote port, the newest local port winning, until forgotten', async () => {
  const saved = new SavedForwards(memento());
  assert.deepEqual(saved.list(), []);
  await saved.save(web);
  await saved.save({ ...web, localPort: 8081 });
  await saved.save({ ...web, remotePort: 443, localPort: 8443 });
  await saved.save({ ...web, context: 'prod' });
  assert.deepEqual(
    saved.list().map((spec) => [spec.context, spec.remotePort, spec.localPort]),
    [
      ['dev', 80, 8081],
      ['dev', 443, 8443],
      ['prod', 80, 8080],
    ],
  );
  await saved.forget({ ...web, localPort: 0 });
  assert.deepEqual(
    saved.list().map((spec) => [spec.context, spec.remotePort]),
    [
      ['dev', 443],
      ['prod', 80],
    ],
  );
});
