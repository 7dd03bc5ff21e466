import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdsSecret, looksSecretName, maskSecrets, redactUrlCredentials } from './secret-text.ts';

const certificate = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2p3dHZ5bW9rZXlzZWNyZXQwCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n';

describe('secret text', () => {
  it('knows env-var-secret names', () => {
    assert.deepEqual(['PASSWORD', 'db_password', 'API_TOKEN', 'CLIENT_SECRET', 'SSH_PRIVATE_KEY'].map(looksSecretName), [true, true, true, true, true]);
    assert.deepEqual(['PATH', 'HOSTNAME', 'LOG_LEVEL'].map(looksSecretName), [false, false, false]);
  });

  it('masks tokens, keys and secret assignments in place', () => {
    assert.equal(maskSecrets('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln now'), 'Bearer <redacted> now');
    assert.equal(maskSecrets('key: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n'), 'key: <redacted: private key>\n');
    assert.equal(maskSecrets('x=Zm9vYmFyYmF6cXV4MTIzNDU2 y'), 'x=<redacted> y');
    assert.equal(maskSecrets(`digest ${'0123456789abcdef'.repeat(4)}`), 'digest <redacted>');
    assert.equal(maskSecrets('id AKIAIOSFODNN7EXAMPLE.'), 'id <redacted>.');
    assert.equal(maskSecrets('--password=hunter2 --log-level=debug'), '--password=<redacted> --log-level=debug');
  });

  it('leaves names, images, certificates and UUIDs', () => {
    for (const text of ['kube-state-metrics-exporter', 'registry.example.com/team/app:1.2.3', 'app-v2-20240101-rc1', certificate, 'LOG_LEVEL=debug']) {
      assert.equal(holdsSecret(text), false, text);
    }
  });

  it('cuts credentials out of URLs, a plain user name excepted', () => {
    assert.equal(redactUrlCredentials('db: postgres://app:s3cret@db:5432/app'), 'db: postgres://<redacted>@db:5432/app');
    assert.equal(redactUrlCredentials('https://u:p@ss@host/x'), 'https://<redacted>@host/x');
    assert.equal(redactUrlCredentials('https://ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34@github.com/o/r'), 'https://<redacted>@github.com/o/r');
    assert.equal(redactUrlCredentials('ssh://git@github.com/o/r and https://example.com/a@b'), 'ssh://git@github.com/o/r and https://example.com/a@b');
  });
});
