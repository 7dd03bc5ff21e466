import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitArguments } from './arguments.ts';
import { checkImage, countProblem, quantityProblem } from './inputs.ts';
import { nameFormats, nameProblem } from './names.ts';

describe('checkImage', () => {
  it('accepts pinned references, registries with ports and digests', () => {
    assert.deepEqual(checkImage('nginx:1.27.3'), {});
    assert.deepEqual(checkImage('registry.example.com:5000/team/api:2.3.1'), {});
    assert.deepEqual(checkImage(`ghcr.io/acme/worker@sha256:${'a'.repeat(64)}`), {});
  });

  it('warns about latest or no tag', () => {
    assert.match(checkImage('nginx').warning ?? '', /No tag/);
    assert.match(checkImage('nginx:latest').warning ?? '', /"latest"/);
  });

  it('rejects what is not a reference', () => {
    assert.match(checkImage('Nginx:1.0').error ?? '', /lowercase/);
    assert.match(checkImage('nginx 1.0').error ?? '', /whitespace/);
    assert.match(checkImage('nginx@sha256:123').error ?? '', /digest/);
    assert.ok(checkImage('').error);
  });
});

describe('input checks', () => {
  it('checks DNS-1123 labels', () => {
    assert.equal(nameProblem('web-2', nameFormats.label, 'name'), undefined);
    assert.match(nameProblem('Web_2', nameFormats.label, 'name') ?? '', /not a valid name: it must be a DNS-1123 label/);
    assert.match(nameProblem('a'.repeat(64), nameFormats.label, 'name') ?? '', /at most 63/);
    assert.equal(nameProblem('', nameFormats.label, 'name'), 'The name is empty.');
  });

  it('checks quantities and counts', () => {
    assert.equal(quantityProblem('250m', 'cpu'), undefined);
    assert.match(quantityProblem(' ', 'cpu') ?? '', /^A cpu request is needed/);
    assert.match(quantityProblem('500mb', 'memory') ?? '', /not a Kubernetes quantity/);
    assert.match(quantityProblem('0', 'cpu') ?? '', /more than zero/);
    assert.equal(countProblem('3', 'replicas', { min: 0, max: 100 }), undefined);
    assert.match(countProblem('3.5', 'replicas', { min: 0, max: 100 }) ?? '', /whole number/);
    assert.match(countProblem('101', 'replicas', { min: 0, max: 100 }) ?? '', /between 0 and 100/);
  });
});

describe('splitArguments', () => {
  it('splits words, keeping quoted spaces and escapes, and never interprets anything', () => {
    assert.deepEqual(splitArguments(`python -c 'print("hi there")' --name "a b" x\\ y`), { ok: true, args: ['python', '-c', 'print("hi there")', '--name', 'a b', 'x y'] });
    assert.deepEqual(splitArguments('echo $HOME; rm -rf /'), { ok: true, args: ['echo', '$HOME;', 'rm', '-rf', '/'] });
    assert.deepEqual(splitArguments(`say "" ''`), { ok: true, args: ['say', '', ''] });
    assert.deepEqual(splitArguments('  '), { ok: true, args: [] });
  });

  it('rejects an unclosed quote or a trailing backslash', () => {
    assert.deepEqual(splitArguments('echo "oops'), { ok: false, reason: 'a double quote is not closed' });
    assert.deepEqual(splitArguments('echo \\'), { ok: false, reason: 'it ends with a lone backslash' });
  });
});
