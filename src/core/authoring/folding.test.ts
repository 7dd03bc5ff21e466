import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLintFile } from '../lint/engine.ts';
import { LineIndex } from '../yaml/line-index.ts';
import { foldingRanges } from './folding.ts';

const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels:\n    app: a\ndata:\n  K: v\n\n---\n# the service\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec:\n  ports:\n    - port: 80\n';

/** Folding ranges as zero-based `first-last` line pairs. */
function lines(source: string): string[] {
  const index = new LineIndex(source);
  return foldingRanges(createLintFile('f.yaml', source)).map((range) => `${index.position(range.start).line}-${index.position(range.end).line}`);
}

describe('folding ranges', () => {
  it('folds each object and each block below it, ending on their last line', () => {
    assert.deepEqual(lines(text), ['0-7', '2-5', '4-5', '6-7', '11-16', '13-13', '14-16', '15-16', '16-16']);
  });

  it('gives the same lines in a CRLF file', () => {
    assert.deepEqual(lines(text.replaceAll('\n', '\r\n')), lines(text));
  });
});
