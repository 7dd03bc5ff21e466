import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from './line-index.ts';
import { maxFileChars, parseYaml } from './parse.ts';

const slice = (text: string, range: { start: number; end: number } | undefined): string => (range === undefined ? '<none>' : text.slice(range.start, range.end));

describe('parseYaml', () => {
  it('builds values and key/value ranges from one event pass', () => {
    const text = 'kind: Pod\nspec:\n  containers:\n  - name: app\n    image: "nginx:1"\n';
    const { documents, positions } = parseYaml(text);
    const root = documents[0]?.value;
    assert.deepEqual(root, { kind: 'Pod', spec: { containers: [{ name: 'app', image: 'nginx:1' }] } });
    assert.equal(slice(text, positions.at(root, ['spec', 'containers', 0, 'image'])), '"nginx:1"');
    assert.equal(slice(text, positions.at(root, ['spec', 'containers', 0, 'image'], 'key')), 'image');
    assert.equal(slice(text, documents[0]?.firstNode), 'kind');
  });

  it('keeps offsets into CRLF and BOM text, and the line index hides the BOM', () => {
    const text = '\uFEFFkind: Pod\r\nmetadata:\r\n  name: web\r\n';
    const { documents, positions } = parseYaml(text);
    const range = positions.at(documents[0]?.value, ['metadata', 'name']);
    assert.equal(slice(text, range), 'web');
    const lines = new LineIndex(text);
    assert.deepEqual(lines.position(range?.start ?? -1), { line: 2, column: 8 });
    assert.deepEqual(lines.position(1), { line: 0, column: 0 });
    assert.equal(lines.offset({ line: 2, column: 8 }), range?.start);
    assert.deepEqual(new LineIndex('a\rb\r\nc').position(5), { line: 2, column: 0 });
  });

  it('keeps every range of a large document (the span store grows) and reuses repeated keys as equal text', () => {
    const keys = Array.from({ length: 3000 }, (_, index) => `key${index}`);
    const text = `${keys.map((key) => `- {${key}: v, name: x}`).join('\n')}\n`;
    const { documents, positions } = parseYaml(text);
    const items = documents[0]?.value as Record<string, string>[];
    assert.equal(items.length, 3000);
    assert.equal(slice(text, positions.at(items, [2999, 'key2999'], 'key')), 'key2999');
    assert.equal(slice(text, positions.at(items, [2999, 'name'])), 'x');
    assert.deepEqual(items[1234], { key1234: 'v', name: 'x' });
  });

  it('handles flow style, anchors, aliases and merge keys (explicit keys win)', () => {
    const text = 'base: &b {cpu: 1, mem: 2}\nuse:\n  <<: *b\n  cpu: 3\nref: *b\n';
    const { documents, positions } = parseYaml(text);
    const root = documents[0]?.value as Record<string, unknown>;
    assert.deepEqual(root.use, { cpu: 3, mem: 2 });
    assert.equal(root.ref, root.base);
    assert.equal(slice(text, positions.at(root, ['use', 'mem'])), '2');
    assert.equal(slice(text, positions.at(root, ['use', 'cpu'])), '3');
    assert.equal(slice(text, positions.at(root, ['ref'])), '*b');
  });

  it('gives comment-only and empty documents a null value and no error', () => {
    const { documents } = parseYaml('# just a comment\n---\n---\n# another\n');
    assert.ok(documents.every((document) => document.value === null && document.error === undefined));
  });

  it('keeps one error on the broken document and parses the others', () => {
    const text = 'a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n';
    const { documents } = parseYaml(text);
    assert.deepEqual(documents.map((document) => document.value), [{ a: 1 }, null, { d: 4 }]);
    assert.equal(documents[1]?.error === undefined, false);
    assert.equal(documents.filter((document) => document.error !== undefined).length, 1);
    const line = new LineIndex(text).position(documents[1]?.error?.offset ?? 0).line;
    assert.ok(line >= 2 && line <= 3, `error line ${line}`);
  });

  it('reports duplicate and complex keys at the offending key', () => {
    const duplicate = 'a: 1\nb: 2\na: 3\n';
    assert.equal(parseYaml(duplicate).documents[0]?.error?.offset, duplicate.lastIndexOf('a:'));
    const complex = 'labels:\n  cell: {{cell}}\n';
    assert.equal(parseYaml(complex).documents[0]?.error?.offset, complex.indexOf('{cell}'));
  });

  it('accepts flow and quoted continuation lines at the parent indentation, as libyaml does', () => {
    const text = 'spec:\n  args: [\n      "-a", "b",\n  ]\n  note: \'[\n      1\n  ]\'\n  after: yes\n';
    const { documents, positions } = parseYaml(text);
    const root = documents[0]?.value;
    assert.equal(documents[0]?.error, undefined);
    assert.deepEqual(root, { spec: { args: ['-a', 'b'], note: '[ 1 ]', after: 'yes' } });
    assert.equal(slice(text, positions.at(root, ['spec', 'after'])), 'yes');
    assert.equal(slice(text, positions.at(root, ['spec', 'args', 1])), '"b"');
  });

  it('refuses a billion-laughs document quickly', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const { documents } = parseYaml(levels.join('\n'));
    assert.match(documents[0]?.error?.message ?? '', /YAML bomb/);
    assert.equal(documents[0]?.value, null);
    assert.ok(performance.now() - started < 500);
  });

  it('skips binary and huge files with a reason', () => {
    assert.match(parseYaml('a\0b').skipped ?? '', /binary/);
    assert.match(parseYaml('#'.repeat(maxFileChars + 1)).skipped ?? '', /larger than 5 MB/);
    assert.equal(parseYaml('a: 1').skipped, undefined);
  });
});
