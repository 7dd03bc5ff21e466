import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from './parse.ts';
import { fromTransfer, toTransfer } from './transfer.ts';

describe('parsed YAML between threads', () => {
  it('keeps values, aliases and every range through a structured clone', () => {
    const text = 'kind: Pod\nbase: &b {cpu: 1}\nuse: *b\nspec:\n  containers:\n  - name: app\n    image: nginx\n---\nbroken: [\n';
    const parsed = parseYaml(text);
    const copy = fromTransfer(structuredClone(toTransfer(parsed)));
    assert.deepEqual(copy.documents, parsed.documents);
    const root = copy.documents[0]?.value as Record<string, unknown>;
    assert.equal(root.use, root.base);
    const image = copy.positions.at(root, ['spec', 'containers', 0, 'image']);
    assert.deepEqual(image, parsed.positions.at(parsed.documents[0]?.value, ['spec', 'containers', 0, 'image']));
    assert.equal(text.slice(image?.start, image?.end), 'nginx');
    assert.deepEqual(copy.positions.rangeOf(root.spec), parsed.positions.rangeOf((parsed.documents[0]?.value as Record<string, unknown>).spec));
    assert.equal(copy.documents[1]?.error?.message, parsed.documents[1]?.error?.message);
  });
});
