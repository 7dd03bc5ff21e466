import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ignoredByComment, suppressionEdit } from './suppression.ts';

describe('suppression comments', () => {
  it('inserts a disable comment above the line, indented like it, which then silences the rule', () => {
    const text = 'spec:\r\n  hostPID: true\r\n';
    const offset = text.indexOf('true');
    const edit = suppressionEdit(text, offset, 'host-pid');
    assert.deepEqual(edit, { start: 7, end: 7, newText: '  # kube-workbench-disable-next-line host-pid\r\n' });
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    assert.equal(ignoredByComment(fixed, fixed.indexOf('true'), 'host-pid'), true);
    assert.equal(ignoredByComment(fixed, fixed.indexOf('true'), 'host-ipc'), false);
    assert.equal(ignoredByComment(text, offset, 'host-pid'), false);
  });

  it('does not take a longer word or a trailing comment for the marker', () => {
    const text = '# kube-workbench-disable-next-lines host-pid\nhostPID: true\n';
    assert.equal(ignoredByComment(text, text.indexOf('true'), 'host-pid'), false);
  });
});
