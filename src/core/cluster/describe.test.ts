import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeObject } from './describe.ts';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';
type Shown = { metadata: { annotations: Record<string, string> } } & Record<string, unknown>;
const shown = (object: unknown) => describeObject(object) as Shown;

describe('describeObject', () => {
  it('drops managedFields and keeps the rest', () => {
    const result = describeObject({ kind: 'Deployment', metadata: { name: 'web', managedFields: [{ manager: 'kubectl' }], labels: { a: 'b' } }, spec: { replicas: 2 } });
    assert.deepEqual(result, { kind: 'Deployment', metadata: { name: 'web', labels: { a: 'b' } }, spec: { replicas: 2 } });
  });

  it('redacts every value of a Secret, data and stringData', () => {
    const text = JSON.stringify(describeObject({ kind: 'Secret', metadata: { name: 's' }, data: { password: 'c2VjcmV0LXZhbHVl' }, stringData: { token: 'plain-token' } }));
    assert.ok(!text.includes('c2VjcmV0LXZhbHVl') && !text.includes('plain-token'), text);
    assert.match(text, /"password":"<redacted: 16 characters>"/);
  });

  it("shows a Secret's identity and type, and of anything else (typos, wrong types) only sizes or types", () => {
    const result = shown({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', immutable: 'yes', data: 'aGk=', datta: { password: 'hunter2' }, stringData: { n: 42, m: { a: 'b' } } });
    assert.deepEqual(result, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      type: 'Opaque',
      immutable: '<redacted: 3 characters>',
      data: '<redacted: 4 characters>',
      datta: { password: '<redacted: 7 characters>' },
      stringData: { n: '<redacted: a number>', m: '<redacted: a map>' },
    });
  });

  it("redacts the Secret inside kubectl's last-applied-configuration, keeping its shape", () => {
    const applied = `${JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'aHVudGVyMg==' }, stringData: { token: 'hunter2' } })}\n`;
    const annotation = shown({ kind: 'Secret', metadata: { name: 's', annotations: { [lastApplied]: applied } }, data: {} }).metadata.annotations[lastApplied] ?? '';
    assert.ok(annotation.endsWith('\n'));
    assert.deepEqual(JSON.parse(annotation), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: '<redacted: 12 characters>' }, stringData: { token: '<redacted: 7 characters>' } });
    const cut = '{"data":{"password":"hunter2"';
    assert.equal(shown({ kind: 'ConfigMap', metadata: { annotations: { [lastApplied]: cut } } }).metadata.annotations[lastApplied], `<redacted: ${cut.length} characters>`);
  });

  it("hides a Secret's annotations that are JSON, long or token-like, and keeps short ones", () => {
    const annotations = { 'kubernetes.io/service-account.name': 'default', copy: '{"password":"hunter2"}', long: 'x'.repeat(65), token: 'Zm9vYmFyYmF6cXV4MTIzNDU2', n: 7 };
    assert.deepEqual(shown({ kind: 'Secret', metadata: { annotations } }).metadata.annotations, {
      'kubernetes.io/service-account.name': 'default',
      copy: '<redacted: 22 characters>',
      long: '<redacted: 65 characters>',
      token: '<redacted: 24 characters>',
      n: '<redacted: a number>',
    });
  });

  it('redacts env vars named like secrets, in the object and in its last-applied copy; an unchanged copy stays as written', () => {
    const pod = { spec: { containers: [{ name: 'app', env: [{ name: 'DB_PASSWORD', value: 'hunter2', valuee: 'typo' }, { name: 'MODE', value: 'fast' }, { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 't' } } }] }] } };
    const plain = JSON.stringify({ kind: 'Pod', spec: { containers: [{ name: 'app', env: [{ name: 'MODE', value: 'fast' }] }] } });
    const result = shown({ kind: 'Pod', metadata: { annotations: { [lastApplied]: JSON.stringify({ kind: 'Pod', ...pod }), other: plain } }, ...pod });
    const expected = [{ name: 'DB_PASSWORD', value: '<redacted: 7 characters>', valuee: '<redacted: 4 characters>' }, { name: 'MODE', value: 'fast' }, pod.spec.containers[0]?.env[2]];
    assert.deepEqual((result['spec'] as { containers: { env: unknown }[] }).containers[0]?.env, expected);
    assert.deepEqual(JSON.parse(result.metadata.annotations[lastApplied] ?? '').spec.containers[0].env, expected);
    assert.equal(result.metadata.annotations['other'], plain);
  });

  it('masks tokens and secret arguments under env, args, command and a ConfigMap payload; certificates, digests and uids stay', () => {
    const certificate = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2p3dHZ5bW9rZXlzZWNyZXQwCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n';
    const digest = `docker.io/library/nginx@sha256:${'0123456789abcdef'.repeat(4)}`;
    const pod = shown({
      kind: 'Pod',
      metadata: { uid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
      spec: { containers: [{ name: 'app', args: ['--api-token', 'hunter2', '--db=postgres://app:hunter2@db/app', 7], env: [{ name: 'GH', value: 'ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34' }, { name: 'N', value: 3 }] }] },
      status: { containerStatuses: [{ imageID: digest }] },
    });
    assert.deepEqual(pod['spec'], {
      containers: [{ name: 'app', args: ['--api-token', '<redacted: 7 characters>', '--db=postgres://<redacted>@db/app', '<redacted: a number>'], env: [{ name: 'GH', value: '<redacted>' }, { name: 'N', value: '<redacted: a number>' }] }],
    });
    assert.deepEqual([pod.metadata, pod['status']], [{ uid: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' }, { containerStatuses: [{ imageID: digest }] }]);
    const configMap = shown({ kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'ca.crt': certificate, conf: 'token=Zm9vYmFyYmF6cXV4MTIzNDU2\nlevel=debug', port: 8080 }, immutable: 'Zm9vYmFyYmF6cXV4MTIzNDU2' });
    assert.deepEqual(configMap['data'], { 'ca.crt': certificate, conf: 'token=<redacted>\nlevel=debug', port: '<redacted: a number>' });
    assert.equal(configMap['immutable'], '<redacted>');
  });
});
