import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

const module = JSON.stringify(new URL('./stdout.ts', import.meta.url).href);
const run = (code: string, stdout: 'pipe' | 'ignore') =>
  spawnSync(process.execPath, ['--input-type=module', '-e', `import { stdoutIsTerminal, stdoutWriter } from ${module};\n${code}`], { stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 26 });

describe('CLI standard output', () => {
  it('writes everything, in order, to a pipe the reader drains slower than it fills', () => {
    // 8 MB in pieces: more than a pipe holds, so a write can meet a full pipe.
    const result = run("const write = stdoutWriter(); for (let i = 0; i < 2000; i += 1) write(`${String(i).padStart(6, '0')}${'x'.repeat(4089)}\\n`);", 'pipe');
    assert.equal(result.status, 0, result.stderr.toString());
    const lines = result.stdout.toString().split('\n');
    assert.equal(lines.length, 2001);
    assert.ok(lines.slice(0, 2000).every((line, index) => line.startsWith(String(index).padStart(6, '0')) && line.length === 4095));
  });

  it('is no terminal when a pipe or /dev/null', () => {
    assert.equal(run('process.stderr.write(String(stdoutIsTerminal()));', 'pipe').stderr.toString(), 'false');
    assert.equal(run('process.stderr.write(String(stdoutIsTerminal()));', 'ignore').stderr.toString(), 'false');
  });
});
