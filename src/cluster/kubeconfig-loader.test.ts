import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, describe, it } from 'node:test';
import { loadKubeconfig, resolveContext } from './kubeconfig-loader.ts';

const folder = mkdtempSync(`${tmpdir()}/kwb-kubeconfig-`);
after(() => rmSync(folder, { recursive: true, force: true }));

function kubeconfig(file: string, clusters: string[], current: string, token = 'not-a-real-token'): string {
  const path = `${folder}/${file}`;
  const entries = clusters.map((name) => ({
    cluster: `  - name: ${name}\n    cluster:\n      server: https://${name}.example:6443\n      certificate-authority: ca/${name}.crt`,
    user: `  - name: ${name}-user\n    user:\n      token: ${token}`,
    context: `  - name: ${name}\n    context:\n      cluster: ${name}\n      user: ${name}-user\n      namespace: ns-${name}`,
  }));
  writeFileSync(
    path,
    [
      'apiVersion: v1',
      'kind: Config',
      `current-context: ${current}`,
      'clusters:',
      ...entries.map((entry) => entry.cluster),
      'users:',
      ...entries.map((entry) => entry.user),
      'contexts:',
      ...entries.map((entry) => entry.context),
      '',
    ].join('\n'),
  );
  return path;
}

describe('loadKubeconfig', () => {
  it('merges several files as kubectl does: first name and first current-context win', () => {
    const first = kubeconfig('a.yaml', ['dev', 'shared'], 'dev');
    const second = kubeconfig('b.yaml', ['prod', 'shared'], 'prod');
    const result = loadKubeconfig([first, `${folder}/missing.yaml`, second]);
    assert.ok(result.ok);
    assert.deepEqual(result.value.files, [first, second]);
    assert.equal(result.value.currentContext, 'dev');
    assert.deepEqual(result.value.contexts.map((context) => context.name), ['dev', 'shared', 'prod']);
    const shared = result.value.contexts.find((context) => context.name === 'shared');
    assert.equal(shared?.server, 'https://shared.example:6443');
    assert.equal(shared?.namespace, 'ns-shared');
  });

  it('makes a context current in the KubeConfig it hands out, with paths absolute to the file', () => {
    const result = loadKubeconfig([kubeconfig('c.yaml', ['one', 'two'], 'one')]);
    assert.ok(result.ok);
    const config = result.value.forContext('two');
    assert.equal(config.getCurrentCluster()?.server, 'https://two.example:6443');
    assert.equal(config.getCurrentCluster()?.caFile, `${folder}/ca/two.crt`);
  });

  it('gives an empty list, not an error, when no file exists', () => {
    const result = loadKubeconfig([`${folder}/none.yaml`]);
    assert.ok(result.ok);
    assert.deepEqual(result.value.contexts, []);
    assert.equal(result.value.currentContext, '');
  });

  it('names the file and line of a kubeconfig that does not parse, without quoting its content', () => {
    const path = `${folder}/broken.yaml`;
    writeFileSync(path, 'apiVersion: v1\nusers:\n  - name: x\n    user:\n      token: secret-token-value\n   bad: [\n');
    const result = loadKubeconfig([path]);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'kubeconfig');
    assert.match(result.error.message, new RegExp(`^kubeconfig does not parse: ${path}:\\d+: `));
    assert.ok(!result.error.message.includes('secret-token-value'), result.error.message);
  });

  it('reports a structurally invalid kubeconfig with its file', () => {
    const path = `${folder}/invalid.yaml`;
    writeFileSync(path, 'clusters:\n  - cluster: {}\n');
    const result = loadKubeconfig([path]);
    assert.ok(!result.ok);
    assert.match(result.error.message, new RegExp(`${path}: `));
  });

  it('names the files that do not exist when none does, instead of "no current context"', () => {
    const loaded = loadKubeconfig([`${folder}/none.yaml`, `${folder}/other.yaml`]);
    assert.ok(loaded.ok);
    const resolved = resolveContext(loaded.value, '');
    assert.ok(!resolved.ok);
    assert.equal(resolved.error.message, `no kubeconfig file: ${folder}/none.yaml, ${folder}/other.yaml do not exist`);
  });

  it('shows the server URL without a user name and password', () => {
    const path = kubeconfig('password.yaml', ['pw'], 'pw');
    writeFileSync(path, readFileSync(path, 'utf8').replace('https://pw.example:6443', 'https://admin:hunter2@pw.example:6443'));
    const result = loadKubeconfig([path]);
    assert.ok(result.ok);
    assert.equal(result.value.contexts[0]?.server, 'https://pw.example:6443');
  });

  it('stops reading a kubeconfig that never ends (/dev/zero) at its size bound', () => {
    const result = loadKubeconfig(['/dev/zero']);
    assert.ok(!result.ok);
    assert.equal(result.error.message, 'cannot read kubeconfig /dev/zero: larger than 64 MB');
  });
});
