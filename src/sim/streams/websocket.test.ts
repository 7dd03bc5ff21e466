import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { duplexPair, type Duplex } from 'node:stream';
import { describe, it } from 'node:test';
import { ByteQueue } from './byte-queue.ts';
import { acceptWebSocket, isWebSocketRequest, offeredProtocols, type WebSocket } from './websocket.ts';

const key = 'dGhlIHNhbXBsZSBub25jZQ==';
const requestOf = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const upgrade = requestOf({ upgrade: 'websocket', 'sec-websocket-key': key, 'sec-websocket-protocol': 'v5.channel.k8s.io, v4.channel.k8s.io' });

/** A client frame: FIN, opcode, masked with a fixed key. */
function clientFrame(opcode: number, payload: Buffer, final = true): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((byte, index) => byte ^ (mask[index & 3] ?? 0)));
  const length = payload.length < 126 ? Buffer.from([0x80 | payload.length]) : Buffer.from([0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([Buffer.from([(final ? 0x80 : 0) | opcode]), length, mask, masked]);
}

interface Opened {
  readonly ws: WebSocket;
  readonly client: Duplex;
  readonly messages: { data: Buffer; binary: boolean }[];
  /** Everything the server wrote after its 101 answer. */
  readonly written: ByteQueue;
  readonly handshake: Promise<string>;
  readonly closed: Promise<void>;
}

function open(): Opened {
  const [client, server] = duplexPair();
  const messages: { data: Buffer; binary: boolean }[] = [];
  const written = new ByteQueue();
  let closedNow = (): void => undefined;
  const closed = new Promise<void>((resolve) => (closedNow = resolve));
  const handshake = new Promise<string>((resolve) => {
    let text = '';
    client.on('data', (chunk: Buffer) => {
      if (text.includes('\r\n\r\n')) {
        written.push(chunk);
        return;
      }
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end >= 0) {
        written.push(Buffer.from(text.slice(end + 4), 'latin1'));
        resolve(text.slice(0, end));
      }
    });
  });
  const ws = acceptWebSocket(upgrade, server, Buffer.alloc(0), 'v4.channel.k8s.io', { message: (data, binary) => messages.push({ data: Buffer.from(data), binary }), closed: closedNow });
  return { ws, client, messages, written, handshake, closed };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the sim\'s WebSocket server', () => {
  it('recognises an upgrade and lists the offered subprotocols in order', () => {
    assert.equal(isWebSocketRequest(upgrade), true);
    assert.equal(isWebSocketRequest(requestOf({ upgrade: 'SPDY/3.1' })), false);
    assert.deepEqual(offeredProtocols(upgrade), ['v5.channel.k8s.io', 'v4.channel.k8s.io']);
  });

  it('answers the handshake with RFC 6455\'s accept key and the chosen subprotocol', async () => {
    const { handshake, ws } = open();
    const answer = await handshake;
    assert.match(answer, /^HTTP\/1\.1 101 Switching Protocols\r\n/);
    // RFC 6455 section 1.3's own example key and answer.
    assert.ok(answer.includes('\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n'), answer);
    assert.match(answer, /Sec-WebSocket-Protocol: v4\.channel\.k8s\.io/);
    ws.close();
  });

  it('unmasks frames split across chunks, joins fragments, and answers a ping', async () => {
    const { client, messages, written, ws } = open();
    const big = Buffer.alloc(300, 7);
    const bytes = Buffer.concat([clientFrame(2, big), clientFrame(1, Buffer.from('hel'), false), clientFrame(9, Buffer.from('p')), clientFrame(0, Buffer.from('lo'))]);
    for (let offset = 0; offset < bytes.length; offset += 5) client.write(bytes.subarray(offset, offset + 5));
    await settle();
    assert.deepEqual(messages.map((each) => [each.binary, each.data.toString('latin1')]), [[true, big.toString('latin1')], [false, 'hello']]);
    await settle();
    assert.deepEqual([...written.take(written.length)], [0x8a, 1, 'p'.charCodeAt(0)]);
    ws.close();
  });

  it('sends a message given in parts as one unmasked frame', async () => {
    const { ws, written, handshake } = open();
    await handshake;
    assert.equal(ws.send([Buffer.from([3]), Buffer.from('ok')]), true);
    await settle();
    assert.deepEqual([...written.take(written.length)], [0x82, 3, 3, 'o'.charCodeAt(0), 'k'.charCodeAt(0)]);
    ws.close();
  });

  it('closes with 1002 on an unmasked client frame', async () => {
    const { client, written, closed } = open();
    client.write(Buffer.from([0x82, 1, 0]));
    await closed;
    const frame = written.take(written.length);
    assert.equal(frame[0], 0x88);
    assert.equal(frame.readUInt16BE(2), 1002);
  });
});

describe('ByteQueue', () => {
  it('reads frames across chunk boundaries and views within one chunk', () => {
    const queue = new ByteQueue();
    const first = Buffer.from([1, 2, 3]);
    queue.push(first);
    queue.push(Buffer.from([4, 5]));
    assert.equal(queue.peek(2).buffer, first.buffer, 'a view, not a copy');
    assert.deepEqual([...queue.take(4)], [1, 2, 3, 4]);
    assert.equal(queue.length, 1);
    queue.skip(1);
    assert.equal(queue.length, 0);
  });
});
