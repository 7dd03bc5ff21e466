import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KubeConfig } from '@kubernetes/client-node';
import type { TarEntry } from '../../core/archive/tar-format.ts';
import { writeTar } from '../../core/archive/tar-writer.ts';
import { startSim, type Sim } from '../../sim/sim.ts';
import { createPods } from '../../sim/streams/exec-pods.ts';
import { acceptWebSocket } from '../../sim/streams/websocket.ts';
import { errorOf, okValue } from '../../sim/test-helpers.ts';
import { loadKubeconfig } from '../kubeconfig-loader.ts';
import { copyFromPod, copyToPod } from './exec-copy.ts';
import { startExec, type ExecTarget } from './exec.ts';

const context = 'kube-workbench-sim';
let sim: Sim;
let local = '';
const config = (): KubeConfig => okValue(loadKubeconfig([sim.kubeconfigPath])).forContext(context);
const target: ExecTarget = { context, namespace: 'default', pod: 'files', container: 'main' };

before(async () => {
  sim = await startSim({ nodes: 1, log: () => undefined });
  await createPods(sim, 'default', [{ name: 'files', image: 'nginx:1.27' }, { name: 'distroless', image: 'gcr.io/distroless/static:nonroot' }]);
  local = await mkdtemp(join(tmpdir(), 'kube-workbench-copy-'));
});
after(async () => {
  await sim.close();
  await rm(local, { recursive: true, force: true });
});

async function inPod(script: string): Promise<string> {
  let output = '';
  const session = okValue(await startExec(config(), target, ['sh', '-c', script], { tty: false, stdin: false, onStdout: (data) => (output += data.toString()) }));
  assert.deepEqual(await session.ended, { exitCode: 0 });
  return output;
}

const file = (path: string, content: string): TarEntry => ({ path, type: 'file', mode: 0o644, mtime: 0, data: new TextEncoder().encode(content), linkName: '' });

/** A "kubelet" that answers any exec with `archive` on stdout and exit code 0: what a compromised container could send. */
async function hostileKubelet(archive: Uint8Array): Promise<{ server: Server; config: KubeConfig }> {
  const server = createServer((_request, response) => response.end());
  server.on('upgrade', (request, socket, head) => {
    const ws = acceptWebSocket(request, socket, head, 'v5.channel.k8s.io', { message: () => undefined, closed: () => undefined });
    ws.send(Buffer.concat([Buffer.from([1]), Buffer.from(archive)]));
    ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify({ metadata: {}, status: 'Success' }))]));
    ws.close();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hostile = new KubeConfig();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hostile.loadFromOptions({ clusters: [{ name: 'c', server: url, skipTLSVerify: true }], users: [{ name: 'u' }], contexts: [{ name: context, cluster: 'c', user: 'u' }], currentContext: context });
  return { server, config: hostile };
}

describe('copying files to and from a container (tar over exec)', () => {
  it('copies a folder into the pod and back, and a single file', async () => {
    const source = join(local, 'project');
    await mkdir(join(source, 'src'), { recursive: true });
    await writeFile(join(source, 'README'), 'read me\n');
    await writeFile(join(source, 'src', 'main.ts'), 'export {};\n');
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    await writeFile(join(source, 'big.bin'), big);
    const sent = okValue(await copyToPod(config(), target, source, '/tmp'));
    assert.deepEqual({ files: sent.files, folders: sent.folders, bytes: sent.bytes }, { files: 3, folders: 2, bytes: big.length + 8 + 11 });
    assert.equal(await inPod('cat /tmp/project/README /tmp/project/src/main.ts'), 'read me\nexport {};\n');
    const back = okValue(await copyFromPod(config(), target, '/tmp/project', join(local, 'back')));
    assert.equal(back.files, 3);
    assert.equal(await readFile(join(local, 'back', 'project', 'src', 'main.ts'), 'utf8'), 'export {};\n');
    assert.ok((await readFile(join(local, 'back', 'project', 'big.bin'))).equals(big));
    okValue(await copyFromPod(config(), target, '/tmp/project/README', join(local, 'single')));
    assert.equal(await readFile(join(local, 'single', 'README'), 'utf8'), 'read me\n');
  });

  it('says what failed: a missing remote path, an image without tar, a local symlink not followed out', async () => {
    assert.match(errorOf(await copyFromPod(config(), target, '/nope', join(local, 'x')), 'a missing path').message, /tar exited with 2: tar: \/nope: Cannot stat: No such file or directory/);
    const noTar = errorOf(await copyFromPod(config(), { ...target, pod: 'distroless' }, '/etc', join(local, 'x')), 'an image without tar');
    assert.match(noTar.message, /the image has no tar/);
    const outside = join(local, 'outside');
    await mkdir(outside);
    const planted = join(local, 'planted');
    await mkdir(planted);
    await symlink(outside, join(planted, 'project'));
    const refused = errorOf(await copyFromPod(config(), target, '/tmp/project', planted), 'a copy through a planted symlink');
    assert.match(refused.message, /is a symbolic link: nothing is written through one/);
    await assert.rejects(lstat(join(outside, 'README')));
  });

  it('refuses a hostile archive from the container: .. entries and absolute names write nothing, symlinks are never made', async () => {
    const dest = join(local, 'hostile');
    for (const entries of [
      [file('tmp/data/ok.txt', 'fine'), file('tmp/data/../../../escaped.txt', 'evil')],
      [file('tmp/data/ok.txt', 'fine'), file('/etc/evil.txt', 'evil')],
      [file('etc/passwd', 'evil')],
    ]) {
      const { server, config: hostile } = await hostileKubelet(writeTar(entries));
      try {
        const refused = errorOf(await copyFromPod(hostile, target, '/tmp/data', dest), 'a hostile archive');
        assert.match(refused.message, /refused: the archive's entry .* (would be written outside the folder|is not under "tmp")/);
      } finally {
        server.close();
      }
    }
    await assert.rejects(lstat(join(dest, 'data', 'ok.txt')));
    await assert.rejects(lstat(join(local, 'escaped.txt')));
    const links: TarEntry[] = [{ path: 'tmp/data/', type: 'directory', mode: 0o755, mtime: 0, data: new Uint8Array(0), linkName: '' }, { path: 'tmp/data/link', type: 'symlink', mode: 0o777, mtime: 0, data: new Uint8Array(0), linkName: '/etc' }, file('tmp/data/link/passwd', 'evil')];
    const { server, config: hostile } = await hostileKubelet(writeTar(links));
    try {
      const report = okValue(await copyFromPod(hostile, target, '/tmp/data', dest));
      assert.deepEqual(report.skipped, ['data/link']);
      // The link was never made, so link/passwd is an ordinary file under the folder, not /etc/passwd.
      await assert.rejects(readlink(join(dest, 'data', 'link')));
      assert.equal(await readFile(join(dest, 'data', 'link', 'passwd'), 'utf8'), 'evil');
    } finally {
      server.close();
    }
  });

  it('the sim container skips .. entries of an archive sent to it', async () => {
    await inPod('mkdir -p /srv/inner');
    let stderr = '';
    const session = okValue(await startExec(config(), target, ['tar', 'xf', '-', '-C', '/srv/inner'], { tty: false, stdin: true, onStdout: () => undefined, onStderr: (data) => (stderr += data.toString()) }));
    session.write(Buffer.from(writeTar([file('ok.txt', 'ok'), file('../../escaped.txt', 'evil')])));
    session.endInput();
    assert.deepEqual(await session.ended, { exitCode: 2 });
    assert.match(stderr, /\.\.\/\.\.\/escaped\.txt: Member name contains '\.\.'/);
    assert.equal(await inPod('cat /srv/inner/ok.txt; test -e /escaped.txt || test -e /srv/escaped.txt || echo " kept in"'), 'ok kept in\n');
  });
});
