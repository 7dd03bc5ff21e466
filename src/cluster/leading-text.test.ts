import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadingBytes, leadingText } from './leading-text.ts';

describe('leadingText', () => {
  it('reads the start of an endless body and cancels the rest', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode('abcdefgh'.repeat(1024)));
      },
      cancel() {
        cancelled = true;
      },
    });
    assert.equal(await leadingText(endless, 20_000), 'abcdefgh'.repeat(2500));
    assert.ok(pulled <= 4, `${pulled} chunks pulled`);
    assert.ok(cancelled);
  });

  it('reads a short body whole, and no body as empty', async () => {
    assert.equal(await leadingText(new Response('{"kind":"Status"}').body, 1024), '{"kind":"Status"}');
    assert.equal(await leadingText(null, 1024), '');
  });

  it('tells a body that ended within the bound from one cut at it', async () => {
    const whole = await leadingBytes(new Response('12345').body, 5);
    assert.deepEqual([whole.bytes.toString(), whole.complete], ['12345', true]);
    const cut = await leadingBytes(new Response('123456').body, 5);
    assert.deepEqual([cut.bytes.toString(), cut.complete], ['12345', false]);
  });
});
