/**
 * A throw-away CA and a server certificate for 127.0.0.1, made at start with the machine's openssl
 * (node:crypto makes keys but cannot issue X.509 certificates). Arguments go as an array, never a
 * shell string; the keys live in a private (0700) folder that is removed once they are read.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificates {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/** P-256 keys: quick to make, and accepted by Go's TLS (kubectl) and Node's (client-node). */
const keyOptions = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export async function makeCertificates(openssl = '/usr/bin/openssl'): Promise<Certificates> {
  const folder = await mkdtemp(join(tmpdir(), 'kube-workbench-sim-tls-'));
  const file = (name: string): string => join(folder, name);
  try {
    await run(openssl, ['req', '-x509', ...keyOptions, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '30', '-subj', '/CN=kube-workbench-sim-ca',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    await run(openssl, ['req', ...keyOptions, '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=kube-workbench-sim']);
    await writeFile(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n');
    await run(openssl, ['x509', '-req', '-in', file('server.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.crt'), '-days', '30', '-extfile', file('server.ext')]);
    const [caPem, certPem, keyPem] = await Promise.all([readFile(file('ca.crt'), 'utf8'), readFile(file('server.crt'), 'utf8'), readFile(file('server.key'), 'utf8')]);
    return { caPem, certPem, keyPem };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
