// Keeps package.json's contributions and src/vscode/ids.ts in step, and activation lean.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { Commands, CONFIG_SECTION, EXTENSION_ID, Settings, VIEW_CONTAINER, Views } from '../../src/vscode/ids.ts';

const contributes = packageJson.contributes;

describe('package.json extension manifest', () => {
  it('names the extension as ids.ts does', () => {
    assert.equal(`${packageJson.publisher}.${packageJson.name}`, EXTENSION_ID);
    assert.equal(packageJson.main, './dist/extension.js');
    assert.equal(packageJson.bin['kube-workbench'], 'dist/cli.js');
  });

  it('declares exactly the commands of ids.ts, all in category Kubernetes', () => {
    const declared = contributes.commands.map((command) => command.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const command of contributes.commands) assert.equal(command.category, 'Kubernetes', command.command);
  });

  it('puts only existing commands and views in menus', () => {
    const commands = new Set<string>(Object.values(Commands));
    for (const [menu, entries] of Object.entries(contributes.menus)) {
      for (const entry of entries) assert.ok(commands.has(entry.command), `${menu}: ${entry.command}`);
    }
  });

  it('works in Restricted Mode, where a workspace may not choose what runs a program or gets requests', () => {
    const trust = packageJson.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description.length > 0);
    const restricted = [Settings.kubeconfig, Settings.allocatorPrometheusUrl].map((setting) => `${CONFIG_SECTION}.${setting}`);
    assert.deepEqual([...trust.restrictedConfigurations].sort(), restricted.sort());
  });

  it('declares the container, the view and its welcome content', () => {
    const [container] = contributes.viewsContainers.activitybar;
    assert.equal(container?.id, VIEW_CONTAINER);
    assert.equal(container?.title, 'Kubernetes');
    assert.ok(existsSync(new URL(`../../${container?.icon}`, import.meta.url)), 'container icon exists');
    assert.deepEqual(
      contributes.views[VIEW_CONTAINER].map((view) => view.id),
      Object.values(Views),
    );
    assert.ok(contributes.viewsWelcome.some((welcome) => welcome.view === Views.explorer));
  });

  it('declares exactly the settings of ids.ts under kubeWorkbench.*', () => {
    const declared = Object.keys(contributes.configuration.properties).sort();
    assert.deepEqual(declared, Object.values(Settings).map((name) => `${CONFIG_SECTION}.${name}`).sort());
  });

  it('activates on the view, YAML and a live object restored in an editor only, never at start-up', () => {
    for (const event of packageJson.activationEvents) {
      assert.ok(!['*', 'onStartupFinished'].includes(event), event);
      assert.match(event, /^(onView:kubeWorkbench\.|onLanguage:yaml$|onFileSystem:kubernetes$|onCommand:kubeWorkbench\.)/);
    }
  });

  it('pins @types/vscode to the engine version', () => {
    const engine = packageJson.engines.vscode.replace(/^\^/, '');
    assert.equal(packageJson.devDependencies['@types/vscode'], engine);
  });
});
