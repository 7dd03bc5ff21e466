// Into a running pod as a user goes there, against the simulated cluster: Open Terminal on a
// Deployment row types `echo $HOSTNAME` into the terminal and reads the pod's name back; Port
// Forward… on a Service row serves an HTTP GET through its local port, listed under Port Forwards
// and in the status bar, restarted from the workspace's saved list, and Stop frees the port; Copy To
// then Copy From a pod brings a folder back as it was.
import * as assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { ForwardState } from '../../src/cluster/index.ts';
import type { Element } from '../../src/vscode/explorer/elements.ts';
import { contextElement } from '../../src/vscode/explorer/rows/context-row.ts';
import { podElement } from '../../src/vscode/explorer/rows/pod-row.ts';
import { workloadElement } from '../../src/vscode/explorer/rows/workload-row.ts';
import { Commands } from '../../src/vscode/ids.ts';
import { answered, seamOf } from './command-answers.ts';
import { whenTrue } from './extension-api.ts';
import { CONTEXT, simSuite } from './sim-suite.ts';

type Outcome<T = unknown> = { ok: boolean; kind?: string; message: string; value?: T };

const NAMESPACE = 'default';
const PORT = 18480;
const labels = { app: 'pod-access' };

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve(body));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('Into a running pod', function () {
  this.timeout(90_000);
  const suite = simSuite({ nodes: 1, pods: 0, seed: 16 });
  const rows = (element?: Element): Element[] => suite.api.explorer.getChildren(element);
  const treeUntil = (check: () => boolean, what: string): Promise<void> => whenTrue(suite.api.explorer.onDidChangeTreeData, check, what);
  let pod = '';

  before(async () => {
    const template = { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: PORT }] }] } };
    await suite.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: NAMESPACE }, spec: { replicas: 1, selector: { matchLabels: labels }, template } });
    await suite.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NAMESPACE }, spec: { selector: labels, ports: [{ name: 'web', port: 80, targetPort: 'http' }] } });
    pod = (await suite.runningPod((each) => each.meta.labels['app'] === 'pod-access' && each.readyContainers === each.containers)).meta.name;
  });

  it("opens a terminal on a Deployment row in its ready pod, and echo $HOSTNAME answers the pod's name", async () => {
    let written = '';
    const writes = new vscode.EventEmitter<void>();
    const name = `${CONTEXT}/${NAMESPACE}/${pod}/web`;
    const subscription = seamOf(suite.api).onDidWriteTerminal((write) => {
      if (write.terminal !== name) return;
      written += write.data;
      writes.fire();
    });
    try {
      const opened = await vscode.commands.executeCommand<Outcome<vscode.Terminal>>(Commands.openTerminal, workloadElement(CONTEXT, NAMESPACE, 'Deployment', 'web'));
      assert.equal(opened.ok, true, opened.message);
      const terminal = opened.value!;
      assert.equal(terminal.name, name);
      await whenTrue(writes.event, () => /# $/.test(written), 'the shell prompt');
      terminal.sendText('echo $HOSTNAME');
      await whenTrue(writes.event, () => written.includes(`\r\n${pod}\r\n`), `${pod} echoed back`);
      terminal.sendText('exit 3');
      await whenTrue(writes.event, () => written.includes('[process exited with code 3]') && written.includes('Press Enter to reconnect'), 'the exit code and the reconnect offer');
      written = '';
      terminal.sendText('');
      await whenTrue(writes.event, () => /# $/.test(written), 'a new prompt after Enter');
      terminal.dispose();
    } finally {
      subscription.dispose();
      writes.dispose();
    }
  });

  it('attaches only to a container with a TTY, and its shell answers', async () => {
    const containers = [
      { name: 'sidecar', image: 'nginx:1.27' },
      { name: 'console', image: 'busybox:1.36', stdin: true, tty: true },
    ];
    await suite.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'console', namespace: NAMESPACE }, spec: { containers } });
    await suite.runningPod((each) => each.meta.name === 'console');
    let written = '';
    const writes = new vscode.EventEmitter<void>();
    const subscription = seamOf(suite.api).onDidWriteTerminal((write) => {
      written += write.data;
      writes.fire();
    });
    try {
      // Two containers, one with a TTY: no container question.
      const attached = await answered(suite.api, {}, () => vscode.commands.executeCommand<Outcome<vscode.Terminal>>(Commands.attach, podElement(CONTEXT, NAMESPACE, 'console', 'node')));
      assert.equal(attached.result.ok, true, attached.result.message);
      assert.deepEqual(attached.shown, []);
      assert.equal(attached.result.value!.name, `${CONTEXT}/${NAMESPACE}/console/console (attach)`);
      attached.result.value!.sendText('echo attached-$HOSTNAME');
      await whenTrue(writes.event, () => written.includes('attached-console'), 'the attached shell answering');
      attached.result.value!.dispose();
    } finally {
      subscription.dispose();
      writes.dispose();
    }
  });

  it('forwards a Service port: a GET through the local port reaches the pod, the Port Forwards group lists it, Stop frees the port', async () => {
    const started = await answered(suite.api, { steps: { 'remote port': '80', 'local port': '0' } }, () => vscode.commands.executeCommand<Outcome<ForwardState>>(Commands.portForward, workloadElement(CONTEXT, NAMESPACE, 'Service', 'web')));
    assert.equal(started.result.ok, true, started.result.message);
    assert.deepEqual(started.shown.map((step) => step.name), ['remote port', 'local port']);
    assert.equal(started.shown[0]!.value, '80', "the Service's port is offered");
    const state = started.result.value!;
    assert.equal(state.podPort, PORT);
    const page = await get(state.localPort);
    assert.match(page, new RegExp(`${NAMESPACE}/${pod}`));
    assert.match(page, /container <b>web<\/b>/);

    const forwardRow = (): Element | undefined => {
      const group = rows(contextElement(CONTEXT)).find((element) => element.type === 'portForwards');
      return group && rows(group).find((element) => element.type === 'portForward' && element.forwardId === state.id);
    };
    await treeUntil(() => forwardRow() !== undefined, 'the forward under Port Forwards');
    const item = suite.api.explorer.getTreeItem(forwardRow()!);
    assert.equal(item.label, `127.0.0.1:${state.localPort} → 80 (${PORT})`);
    assert.match(String(item.description), new RegExp(`^service/web in ${NAMESPACE} · pod ${pod} · `));
    assert.equal(suite.api.statusBar.forwards.text, '$(plug) 1');

    // The window closing stops it; the workspace's saved list starts it again on the same port.
    suite.api.clusters.get().portForwards.stop(state.id);
    assert.equal(await accepts(state.localPort), false);
    const restarted = await vscode.commands.executeCommand<Outcome<ForwardState[]>>(Commands.restartSavedPortForwards);
    assert.equal(restarted.ok, true, restarted.message);
    const again = restarted.value![0]!;
    assert.equal(again.localPort, state.localPort);
    assert.match(await get(again.localPort), new RegExp(pod));

    const stopped = await vscode.commands.executeCommand<Outcome>(Commands.stopPortForward, { type: 'portForward', id: `forward:${CONTEXT}:${again.id}`, context: CONTEXT, forwardId: again.id });
    assert.equal(stopped.ok, true, stopped.message);
    assert.equal(await accepts(again.localPort), false, 'nothing listens after Stop');
    await treeUntil(() => !rows(contextElement(CONTEXT)).some((element) => element.type === 'portForwards'), 'the Port Forwards group gone');
    assert.equal(suite.api.statusBar.forwards.text, '$(plug) 0');
    const none = await vscode.commands.executeCommand<Outcome<ForwardState[]>>(Commands.restartSavedPortForwards);
    assert.deepEqual(none.value, [], 'a stopped forward is no longer saved');
  });

  it('copies a folder to a pod and back, unchanged', async () => {
    const local = await mkdtemp(join(tmpdir(), 'kwb-copy-'));
    const folder = join(local, 'site');
    await mkdir(join(folder, 'assets'), { recursive: true });
    await writeFile(join(folder, 'index.html'), '<h1>hello</h1>\n');
    await writeFile(join(folder, 'assets', 'app.js'), 'console.log(1);\n'.repeat(1000));
    const row = podElement(CONTEXT, NAMESPACE, pod, 'workload');
    const seam = seamOf(suite.api);
    try {
      seam.answerPaths(() => folder);
      const sent = await answered(suite.api, { steps: { what: 'Folder', folder: '/tmp' } }, () => vscode.commands.executeCommand<Outcome>(Commands.copyToPod, row));
      assert.equal(sent.result.ok, true, sent.result.message);
      assert.match(sent.result.message, /2 files, 2 folders/);
      const back = join(local, 'back');
      seam.answerPaths(() => back);
      const fetched = await answered(suite.api, { steps: { path: '/tmp/site' } }, () => vscode.commands.executeCommand<Outcome>(Commands.copyFromPod, row));
      assert.equal(fetched.result.ok, true, fetched.result.message);
      assert.deepEqual((await readdir(join(back, basename(folder)), { recursive: true })).sort(), ['assets', join('assets', 'app.js'), 'index.html']);
      assert.equal(await readFile(join(back, 'site', 'assets', 'app.js'), 'utf8'), await readFile(join(folder, 'assets', 'app.js'), 'utf8'));
    } finally {
      seam.answerPaths(undefined);
    }
  });

  it('says "reconnecting" in the row while the pod behind a Service forward is replaced, then goes on with the new pod', async () => {
    const started = await answered(suite.api, { steps: { 'remote port': '80', 'local port': '0' } }, () => vscode.commands.executeCommand<Outcome<ForwardState>>(Commands.portForward, workloadElement(CONTEXT, NAMESPACE, 'Service', 'web')));
    assert.equal(started.result.ok, true, started.result.message);
    const state = started.result.value!;
    const row = { type: 'portForward', id: `forward:${CONTEXT}:${state.id}`, context: CONTEXT, forwardId: state.id } as const;
    const description = (): string => String(suite.api.explorer.getTreeItem(row).description);
    const seen: string[] = [];
    const watching = suite.api.explorer.onDidChangeTreeData(() => seen.push(description()));
    try {
      assert.ok((await suite.connection().operations.delete({ kind: 'Pod', namespace: NAMESPACE, name: state.pod! })).ok);
      await treeUntil(() => /· pod web-/.test(description()) && !description().includes(`pod ${state.pod!}`), 'the row naming the new pod');
      assert.ok(seen.some((text) => text.includes('reconnecting: ')), seen.join('\n'));
      assert.match(await get(state.localPort), /container <b>web<\/b>/);
    } finally {
      watching.dispose();
      await vscode.commands.executeCommand(Commands.stopPortForward, row);
    }
  });
});
