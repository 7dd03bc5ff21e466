import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { allowsPath, allowsResource, requestIdentity, rulesFor, tokenIdentity, usernames } from './identity.ts';

const withHeaders = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const pods = (verb: string, namespace: string | undefined): { verb: string; group: string; resource: string; namespace: string | undefined } => ({ verb, group: '', resource: 'pods', namespace });

describe('identities and their RBAC-shaped rules', () => {
  it('the admin may do anything, the read-only user read, team-a only in its namespace', () => {
    assert.equal(allowsResource(tokenIdentity('admin'), pods('delete', 'default')), true);
    assert.equal(allowsResource(tokenIdentity('readOnly'), pods('list', undefined)), true);
    assert.equal(allowsResource(tokenIdentity('readOnly'), pods('delete', 'default')), false);
    assert.equal(allowsResource(tokenIdentity('namespaced'), pods('delete', 'team-a')), true);
    assert.equal(allowsResource(tokenIdentity('namespaced'), pods('get', 'default')), false);
    assert.equal(allowsPath(tokenIdentity('readOnly'), 'get', '/apis/apps'), true);
    assert.equal(allowsPath(tokenIdentity('readOnly'), 'get', '/metrics'), false);
  });

  it('the admin impersonates; an unknown user gets only the basic rules; others get 403', () => {
    const bob = requestIdentity(withHeaders({ 'impersonate-user': 'bob', 'impersonate-group': 'dev, qa' }), 'admin');
    assert.deepEqual(bob, { username: 'bob', groups: ['dev', 'qa', 'system:authenticated'] });
    assert.equal(allowsResource(bob, pods('get', 'default')), false);
    assert.equal(allowsResource(bob, { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews', namespace: undefined }), true);
    const asReader = requestIdentity(withHeaders({ 'impersonate-user': usernames.readOnly }), 'admin');
    assert.equal(allowsResource(asReader, pods('list', 'default')), true);
    assert.equal(allowsResource(asReader, pods('delete', 'default')), false);
    const asMaster = requestIdentity(withHeaders({ 'impersonate-user': 'carol', 'impersonate-group': 'system:masters' }), 'admin');
    assert.equal(allowsResource(asMaster, pods('delete', 'default')), true);
    assert.throws(() => requestIdentity(withHeaders({ 'impersonate-user': 'bob' }), 'readOnly'), { code: 403, message: /users "bob" is forbidden: User "kube-workbench-sim-readonly" cannot impersonate resource "users"/ });
    assert.throws(() => requestIdentity(withHeaders({ 'impersonate-group': 'g' }), 'namespaced'), { code: 403, message: /groups "g" is forbidden/ });
    assert.throws(() => requestIdentity(withHeaders({ 'impersonate-group': 'g' }), 'admin'), { code: 500 });
  });

  it('team-a has its rules only in its namespace', () => {
    assert.equal(rulesFor(tokenIdentity('namespaced'), 'team-a').resourceRules[0]?.verbs[0], '*');
    assert.ok(rulesFor(tokenIdentity('namespaced'), 'default').resourceRules.every((rule) => !rule.resources.includes('*')));
  });
});
