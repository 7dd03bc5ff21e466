import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdit, contextNamespaceEdit } from './context-namespace-edit.ts';

const kubeconfig = [
  'apiVersion: v1',
  'kind: Config',
  'contexts:',
  '  - name: dev # mine',
  '    context:',
  '      cluster: dev',
  '      user: dev',
  '  - name: prod',
  '    context:',
  '      cluster: prod',
  '      namespace: shop',
  '      user: prod',
  '  - name: flow',
  '    context: {cluster: f, user: f}',
  '',
].join('\n');

function edited(context: string, namespace: string): string {
  const result = contextNamespaceEdit(kubeconfig, context, namespace);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return applyTextEdit(kubeconfig, result.edit);
}

describe('contextNamespaceEdit', () => {
  it('replaces an existing namespace in place', () => {
    assert.equal(edited('prod', 'billing'), kubeconfig.replace('      namespace: shop', '      namespace: billing'));
  });

  it('adds a namespace under a context that has none, at its indentation, comments kept', () => {
    const text = edited('dev', 'team-a');
    assert.match(text, / {2}- name: dev # mine\n {4}context:\n {6}cluster: dev\n {6}user: dev\n {6}namespace: team-a\n {2}- name: prod/);
  });

  it('refuses flow-style contexts and unknown names with a reason', () => {
    assert.deepEqual(contextNamespaceEdit(kubeconfig, 'flow', 'a'), { ok: false, reason: 'context "flow" is written in flow style ({...}): set its namespace by hand' });
    assert.deepEqual(contextNamespaceEdit(kubeconfig, 'nope', 'a'), { ok: false, reason: 'the file defines no context "nope"' });
  });
});
