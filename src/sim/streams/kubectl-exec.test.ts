import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readOnlyContextName } from '../kubeconfig.ts';
import { kubectlSuite, type KubectlResult, type KubectlSuite } from '../test-helpers.ts';

const manifests = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: default}
data: {LOG_LEVEL: debug, app.properties: "port=8080\\n"}
---
apiVersion: v1
kind: Secret
metadata: {name: app-secret, namespace: default}
stringData: {password: s3cret}
---
apiVersion: v1
kind: Pod
metadata: {name: tools, namespace: default}
spec:
  containers:
  - name: main
    image: alpine:3.20
    env:
    - {name: GREETING, value: hello}
    - name: PASSWORD
      valueFrom: {secretKeyRef: {name: app-secret, key: password}}
    envFrom:
    - configMapRef: {name: app-config}
    volumeMounts:
    - {name: config, mountPath: /etc/app}
    - {name: secret, mountPath: /var/run/secret}
  volumes:
  - {name: config, configMap: {name: app-config}}
  - {name: secret, secret: {secretName: app-secret}}
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default}
spec:
  containers:
  - {name: server, image: nginx:1.27}
---
apiVersion: v1
kind: Pod
metadata: {name: console, namespace: default}
spec:
  containers:
  - {name: main, image: busybox:1.36, stdin: true, tty: true}
---
apiVersion: v1
kind: Pod
metadata: {name: broken, namespace: default}
spec:
  containers:
  - {name: main, image: does-not-exist:1}
`;

/** kubectl with `input` on its stdin (`script` gives it a terminal when `tty`). */
function kubectlWithInput(suite: KubectlSuite, args: readonly string[], input: string, tty = false): Promise<KubectlResult> {
  const env = { HOME: suite.home, KUBECONFIG: suite.sim.kubeconfigPath, PATH: process.env['PATH'] ?? '' };
  const quoted = args.map((arg) => `'${arg.replace(/'/g, "'\\''")}'`).join(' ');
  const child = tty ? spawn('script', ['-qec', `/usr/bin/kubectl ${quoted}`, '/dev/null'], { env }) : spawn('/usr/bin/kubectl', [...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill(), 30_000);
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    }),
  );
}

describe('the real kubectl exec and cp against the sim', () => {
  const suite = kubectlSuite('/usr/bin/kubectl', { nodes: 1, log: () => undefined });
  let local = '';
  before(async () => {
    local = await mkdtemp(join(tmpdir(), 'kube-workbench-cp-'));
    const file = join(local, 'objects.yaml');
    await writeFile(file, manifests);
    await suite.ok('apply', '-f', file);
    await suite.ok('wait', '--for=condition=Ready', 'pod/tools', 'pod/web', 'pod/console', '--timeout=30s');
  });
  after(() => rm(local, { recursive: true, force: true }));

  it('exec runs a command line, with the pod environment, mounted ConfigMaps and Secrets, and its exit code', async () => {
    const result = await suite.run('exec', 'tools', '--', 'sh', '-c', 'echo $GREETING $PASSWORD $LOG_LEVEL; hostname; ls /etc/app; cat /var/run/secret/password; exit 3');
    assert.equal(result.code, 3, result.stderr);
    assert.equal(result.stdout, 'hello s3cret debug\ntools\nLOG_LEVEL\napp.properties\ns3cret');
    assert.match(result.stderr, /command terminated with exit code 3/);
  });

  it('exec -i hands stdin to the process and separates stderr', async () => {
    const result = await kubectlWithInput(suite, ['exec', '-i', 'tools', '--', 'sh'], 'echo from stdin\ncat /nope\nexit 0\n');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'from stdin\n');
    assert.match(result.stderr, /cat: can't open '\/nope': No such file or directory/);
  });

  it('exec -it runs an interactive shell on a terminal (scripted)', async () => {
    const result = await kubectlWithInput(suite, ['exec', '-it', 'tools', '--', 'sh'], 'cd /tmp\necho $HOSTNAME-$PWD\nexit 4\n', true);
    assert.equal(result.code, 4, result.stdout + result.stderr);
    assert.match(result.stdout, /tools-\/tmp\r\n/);
    assert.match(result.stdout, /\/tmp # /);
  });

  it('attach -it joins the shell of a container that keeps stdin open (scripted)', async () => {
    const result = await kubectlWithInput(suite, ['attach', '-it', 'console'], 'echo attached to $HOSTNAME\nexit 2\n', true);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stdout, /attached to console\r\n/);
  });

  it('bash missing from the image fails as containerd does; an unknown container is 400; a container not running is refused', async () => {
    const bash = await suite.run('exec', 'tools', '--', 'bash');
    assert.notEqual(bash.code, 0);
    assert.match(bash.stderr, /OCI runtime exec failed: .*exec: "bash": executable file not found in \$PATH/);
    assert.equal((await suite.run('exec', 'web', '--', 'bash', '-c', 'echo bash here')).stdout, 'bash here\n');
    assert.match((await suite.run('exec', 'tools', '-c', 'nope', '--', 'sh')).stderr, /BadRequest.*container nope is not valid for pod tools/);
    assert.match((await suite.run('exec', 'broken', '--', 'sh', '-c', 'true')).stderr, /container not found \("main"\)/);
  });

  it('forbids exec to the read-only user, naming create pods/exec', async () => {
    const result = await suite.run('--context', readOnlyContextName, 'exec', 'tools', '--', 'echo', 'hi');
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /User "kube-workbench-sim-readonly" cannot create resource "pods\/exec" in API group "" in the namespace "default"/);
  });

  it('cp copies a file and a folder into the pod and back', async () => {
    await mkdir(join(local, 'src', 'sub'), { recursive: true });
    await writeFile(join(local, 'src', 'a.txt'), 'alpha\n');
    await writeFile(join(local, 'src', 'sub', 'b.txt'), 'beta\n');
    await writeFile(join(local, 'one.txt'), 'single\n');
    await suite.ok('cp', join(local, 'src'), 'tools:/tmp/dest');
    await suite.ok('cp', join(local, 'one.txt'), 'tools:/tmp/one.txt');
    assert.equal(await suite.ok('exec', 'tools', '--', 'cat', '/tmp/dest/a.txt', '/tmp/dest/sub/b.txt', '/tmp/one.txt'), 'alpha\nbeta\nsingle\n');
    await suite.ok('cp', 'tools:/tmp/dest', join(local, 'back'));
    await suite.ok('cp', 'tools:/tmp/one.txt', join(local, 'one-back.txt'));
    assert.equal(await readFile(join(local, 'back', 'a.txt'), 'utf8'), 'alpha\n');
    assert.equal(await readFile(join(local, 'back', 'sub', 'b.txt'), 'utf8'), 'beta\n');
    assert.equal(await readFile(join(local, 'one-back.txt'), 'utf8'), 'single\n');
  });
});
