import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withCurrentContext } from './current-context-edit.ts';

describe('withCurrentContext', () => {
  it('replaces the top-level current-context and nothing else', () => {
    const text = '# mine\napiVersion: v1\ncurrent-context: dev # old\ncontexts:\n  - name: prod\n    context: {cluster: c, user: u}\n';
    assert.equal(withCurrentContext(text, 'prod'), '# mine\napiVersion: v1\ncurrent-context: prod\ncontexts:\n  - name: prod\n    context: {cluster: c, user: u}\n');
  });

  it('adds the line when there is none, keeping CRLF', () => {
    assert.equal(withCurrentContext('apiVersion: v1\r\n', 'a'), 'apiVersion: v1\r\ncurrent-context: a\r\n');
    assert.equal(withCurrentContext('apiVersion: v1', 'a'), 'apiVersion: v1\ncurrent-context: a\n');
  });

  it('quotes names YAML would misread', () => {
    assert.match(withCurrentContext('current-context: x\n', 'true'), /^current-context: "true"$/m);
    assert.match(withCurrentContext('current-context: x\n', 'arn:aws:eks:eu-west-1:123:cluster/prod'), /^current-context: "arn:aws:eks:eu-west-1:123:cluster\/prod"$/m);
    assert.match(withCurrentContext('current-context: x\n', 'kind-dev'), /^current-context: kind-dev$/m);
  });
});
