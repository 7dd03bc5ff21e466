import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from '../lint/engine.ts';
import { documentSymbols } from './symbols.ts';

const text = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  template:',
  '    spec:',
  '      initContainers:',
  '        - name: migrate',
  '          image: app:1',
  '      containers:',
  '        - name: web',
  '          image: app:1',
  '        - name: proxy',
  '          image: envoy:1',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  'spec:',
  '  ports: [{port: 80}]',
  '',
].join('\n');

const slice = (source: string, range: { start: number; end: number }): string => source.slice(range.start, range.end);

describe('document symbols', () => {
  it('lists each document\'s object by kind and name, with its containers by name', () => {
    const symbols = documentSymbols(createLintFile('a.yaml', text));
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.detail]), [['Deployment web', 'shop'], ['Service web', '']]);
    assert.deepEqual(symbols[0]?.children.map((child) => [child.name, child.detail]), [['web', 'containers'], ['proxy', 'containers'], ['migrate', 'initContainers']]);
    assert.deepEqual(symbols[1]?.children, []);
    assert.equal(slice(text, symbols[1]!.selectionRange), 'web');
    assert.ok(slice(text, symbols[1]!.range).startsWith('apiVersion: v1\nkind: Service'));
    assert.ok(slice(text, symbols[0]!.range).includes('envoy:1') && !slice(text, symbols[0]!.range).includes('Service'));
    const proxy = symbols[0]?.children[1];
    assert.equal(slice(text, proxy!.selectionRange), 'proxy');
    assert.match(slice(text, proxy!.range), /^name: proxy\n\s+image: envoy:1/);
  });

  it('keeps the same ranges in a CRLF file, names a List\'s items and an unnamed object by what it has', () => {
    const crlf = text.replaceAll('\n', '\r\n');
    const symbols = documentSymbols(createLintFile('a.yaml', crlf));
    assert.equal(slice(crlf, symbols[1]!.selectionRange), 'web');
    assert.equal(slice(crlf, symbols[0]!.children[0]!.selectionRange), 'web');
    const list = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Secret\n---\n{}\n';
    assert.deepEqual(documentSymbols(createLintFile('l.yaml', list)).map((symbol) => symbol.name), ['ConfigMap a', 'Secret', 'object']);
  });

  it('leaves broken documents out and keeps the others', () => {
    const broken = `${text}---\nkind: [unclosed\n`;
    assert.deepEqual(documentSymbols(createLintFile('b.yaml', broken)).map((symbol) => symbol.name), ['Deployment web', 'Service web']);
  });
});
