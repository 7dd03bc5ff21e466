import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { renderKustomization } from './kustomize-render.ts';

const folder = mkdtempSync(join(tmpdir(), 'kwb-kustomize-render-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('kubectl kustomize', () => {
  const script = (name: string, body: string): string => {
    writeFileSync(join(folder, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(folder, name), 0o755);
    return join(folder, name);
  };

  it('is bounded in time and output, and can be cancelled', async () => {
    const options = { timeoutMs: 60_000, maxBytes: 1024 };
    const slow = await renderKustomization(folder, { ...options, timeoutMs: 200, command: script('slow.sh', 'exec sleep 30') });
    assert.deepEqual(slow, { ok: false, reason: 'kubectl kustomize took longer than 0.2 s', missing: false });
    const big = await renderKustomization(folder, { ...options, command: script('big.sh', 'head -c 100000 /dev/zero | tr "\\0" a') });
    assert.equal(big.ok ? 'rendered' : big.reason, 'its output is larger than 0.0009765625 MB');
    const controller = new AbortController();
    const cancelled = renderKustomization(folder, { ...options, command: script('hang.sh', 'exec sleep 30'), signal: controller.signal });
    controller.abort();
    assert.deepEqual(await cancelled, { ok: false, reason: 'cancelled', missing: false });
  });

  it("names what went wrong in kubectl's words, without klog's prefix", async () => {
    const line = String.raw`E1204 13:44:06.349306   17916 run.go:72] "command failed" err="accumulating resources: 'missing.yaml': lstat \"missing.yaml\": no such file or directory"`;
    writeFileSync(join(folder, 'klog.txt'), `${line}\n`);
    const failed = await renderKustomization(folder, { timeoutMs: 60_000, maxBytes: 1024, command: script('klog.sh', `cat '${join(folder, 'klog.txt')}' >&2; exit 1`) });
    assert.deepEqual(failed, { ok: false, reason: `accumulating resources: 'missing.yaml': lstat "missing.yaml": no such file or directory`, missing: false });
    const plain = await renderKustomization(folder, { timeoutMs: 60_000, maxBytes: 1024, command: script('plain.sh', 'echo "error: no kustomization here" >&2; exit 1') });
    assert.equal(plain.ok ? 'rendered' : plain.reason, 'error: no kustomization here');
  });
});
