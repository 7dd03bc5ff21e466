import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsCommand } from './events.ts';
import { fitCommand } from './fit.ts';
import { healthCommand } from './health.ts';
import { lintCommand } from './lint.ts';
import { portForwardCommand } from './port-forward.ts';
import { rulesCommand } from './rules.ts';
import { simCommand } from './sim.ts';
import { suggestCommand } from './suggest.ts';
import { subcommands } from './subcommand-table.ts';

test('the lazy table names every subcommand with its own summary, in the help order', () => {
  const modules = [lintCommand, rulesCommand, healthCommand, eventsCommand, suggestCommand, fitCommand, portForwardCommand, simCommand];
  assert.deepEqual(
    subcommands.map(({ name, summary }) => ({ name, summary })),
    modules.map(({ name, summary }) => ({ name, summary })),
  );
});

test('a lazy subcommand runs the loaded module with the arguments and streams', async () => {
  const rules = subcommands.find((command) => command.name === 'rules');
  let out = '';
  const code = await rules?.run(['--format', 'json'], { stdout: (text) => (out += text), stderr: () => undefined });
  assert.equal(code, 0);
  assert.ok(Array.isArray(JSON.parse(out)));
});
