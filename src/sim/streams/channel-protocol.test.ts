import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseProtocol, errorChannelMessage, parseResize } from './channel-protocol.ts';

describe('the exec channel protocols', () => {
  it('takes the client\'s first protocol the sim speaks, v1 when none is offered', () => {
    assert.equal(chooseProtocol(['v5.channel.k8s.io', 'v4.channel.k8s.io']), 'v5.channel.k8s.io');
    assert.equal(chooseProtocol(['base64.channel.k8s.io', 'v4.channel.k8s.io', 'v5.channel.k8s.io']), 'v4.channel.k8s.io');
    assert.equal(chooseProtocol([]), 'channel.k8s.io');
    assert.equal(chooseProtocol(['SPDY/3.1+portforward.k8s.io']), undefined);
  });

  it('ends with a Status from v4 (exit code as the kubelet\'s ExitCode cause), with text before', () => {
    assert.deepEqual(JSON.parse(errorChannelMessage('v5.channel.k8s.io', { exitCode: 0 }) ?? ''), { metadata: {}, status: 'Success' });
    const failed = JSON.parse(errorChannelMessage('v4.channel.k8s.io', { exitCode: 3 }) ?? '') as { reason: string; details: unknown };
    assert.equal(failed.reason, 'NonZeroExitCode');
    assert.deepEqual(failed.details, { causes: [{ reason: 'ExitCode', message: '3' }] });
    assert.equal(errorChannelMessage('v3.channel.k8s.io', { exitCode: 0 }), undefined);
    assert.equal(errorChannelMessage('channel.k8s.io', { exitCode: 2 }), 'command terminated with non-zero exit code: exit status 2');
    assert.equal(errorChannelMessage('v2.channel.k8s.io', { failure: 'no such program', reason: 'InternalError', code: 500 }), 'no such program');
  });

  it('reads kubectl\'s and client-node\'s resize messages and refuses nonsense', () => {
    assert.deepEqual(parseResize('{"Width":80,"Height":24}'), { width: 80, height: 24 });
    assert.deepEqual(parseResize('{"height":40,"width":100}'), { width: 100, height: 40 });
    for (const bad of ['{"Width":-1,"Height":2}', '{"Width":1.5,"Height":2}', 'not json', '{}']) assert.equal(parseResize(bad), undefined, bad);
  });
});
