import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createLintCommand } from './lint.ts';
import { runCaptured } from './run-captured.ts';

// The real kubectl renders (tests of ring 2 run it, as the sim's tests do).
const folder = mkdtempSync(join(tmpdir(), 'kwb-kustomize-'));
after(() => rmSync(folder, { recursive: true, force: true }));

const write = (path: string, text: string): void => {
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), text);
};
write('app/base/kustomization.yaml', 'resources:\n- deploy.yaml\n');
write('app/base/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        securityContext:\n          privileged: true\n');
write('app/overlay/kustomization.yaml', 'namePrefix: prod-\nnamespace: prod\nresources:\n- ../base\npatches:\n- path: "web patch.yaml"\n');
write('app/overlay/web patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:latest\n');
write('broken/kustomization.yaml', 'resources:\n- missing.yaml\n');
write('broken/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx:latest\n');

const lint = (args: string[], kubectl?: string) => runCaptured(createLintCommand({ cwd: folder, readStdin: async () => '', colour: false, ...(kubectl === undefined ? {} : { kubectl }) }), args);
const lines = (stdout: string, rule: string) => stdout.split('\n').flatMap((line) => line.match(new RegExp(`^(.*:\\d+:\\d+) \\w+ ${rule} `))?.[1] ?? []);

describe('lint DIR with kustomizations', () => {
  it('lints the overlay as rendered, each finding on the file and line it came from, the base once', async () => {
    const result = await lint(['app']);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    assert.deepEqual(lines(result.stdout, 'privileged-container'), ['app/base/deploy.yaml:14:23']);
    assert.deepEqual(lines(result.stdout, 'latest-tag'), ['app/overlay/kustomization.yaml:6:9'], 'the line naming the patch');
    assert.match(result.stdout, /^app\/base\/deploy\.yaml:4:9 info single-replica Deployment prod-web \(namespace prod\)/m);
    assert.doesNotMatch(result.stdout, /rendered|web patch\.yaml|duplicate-object/);
  });

  it('without kubectl says so once and lints the files as they are: the patch is a partial object, not a duplicate', async () => {
    const result = await lint(['app'], join(folder, 'no-such-kubectl'));
    assert.equal(result.stderr, `kube-workbench lint: ${join(folder, 'no-such-kubectl')} not found: kustomizations are linted as their files, not rendered\n`);
    assert.deepEqual(lines(result.stdout, 'latest-tag'), ['app/overlay/web patch.yaml:10:16']);
    assert.doesNotMatch(result.stdout, /duplicate-object|schema-required-field/);
  });

  it('a render that fails is named in one line, and its folder is linted as it is', async () => {
    const result = await lint(['broken']);
    assert.match(result.stderr, /^broken\/kustomization\.yaml: not rendered \(.*missing\.yaml.*\): its files are linted as they are\n$/);
    assert.deepEqual(lines(result.stdout, 'latest-tag'), ['broken/pod.yaml:7:12']);
  });
});
