import assert from 'node:assert/strict';
import { duplexPair, type Duplex } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import type { Pod } from '../objects.ts';
import { ByteQueue } from '../streams/byte-queue.ts';
import { ContainerPorts } from './container-ports.ts';
import { spdyDictionary } from './spdy-dictionary.ts';
import { forwardOverSpdy } from './spdy-forward.ts';
import { controlFrame, dataHeader, flagFin, frameType, ping, readFrame, type SpdyFrame } from './spdy-frames.ts';
import { HeaderCodec } from './spdy-headers.ts';

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop', uid: 'uid-1' },
  spec: { containers: [{ name: 'server', ports: [{ containerPort: 8080 }] }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'server', ready: true, restartCount: 0, image: 'x', imageID: '', state: { running: { startedAt: '' } } }] },
} as unknown as Pod;

/** The client end of a SPDY connection to forwardOverSpdy: frames out, frames in as they arrive. */
class Client {
  readonly codec = new HeaderCodec();
  readonly frames: SpdyFrame[] = [];
  readonly socket: Duplex;
  private readonly queue = new ByteQueue();
  private waiting: (() => void) | undefined;
  ended = false;

  constructor() {
    const [client, server] = duplexPair();
    this.socket = client;
    const ports = new ContainerPorts();
    forwardOverSpdy(server, pod, ports);
    client.on('data', (chunk: Buffer) => {
      this.queue.push(chunk);
      for (let frame = readFrame(this.queue); frame !== undefined; frame = readFrame(this.queue)) this.frames.push(frame);
      this.waiting?.();
    });
    client.on('end', () => {
      this.ended = true;
      this.waiting?.();
    });
  }

  async open(id: number, headers: Record<string, string>, fin = false): Promise<void> {
    const block = await this.codec.encode(new Map(Object.entries(headers)));
    const body = Buffer.concat([Buffer.from([0, 0, 0, id, 0, 0, 0, 0, 0, 0]), block]);
    this.socket.write(controlFrame(frameType.synStream, fin ? flagFin : 0, body));
  }

  data(id: number, text: string, fin: boolean): void {
    const bytes = Buffer.from(text);
    this.socket.write(Buffer.concat([dataHeader(id, bytes.length, fin), bytes]));
  }

  /** Waits (bounded by the test runner) until `done` holds for the frames so far. */
  async until(done: (frames: readonly SpdyFrame[]) => boolean): Promise<void> {
    while (!done(this.frames) && !this.ended) await new Promise<void>((resolve) => (this.waiting = resolve));
    assert.ok(done(this.frames), `the connection ended first: ${JSON.stringify(this.frames.map((frame) => (frame.kind === 'data' ? [frame.streamId, frame.data.toString(), frame.fin] : [frame.type])))}`);
  }
}

const dataOf = (frames: readonly SpdyFrame[], id: number): string => frames.map((frame) => (frame.kind === 'data' && frame.streamId === id ? frame.data.toString() : '')).join('');
const finished = (frames: readonly SpdyFrame[], id: number): boolean => frames.some((frame) => frame.kind === 'data' && frame.streamId === id && frame.fin);

describe('port-forward over SPDY/3.1', () => {
  it('primes header compression with the SPDY/3 dictionary kubectl names (Adler-32 e3c6a7c2, 1423 bytes)', () => {
    assert.equal(spdyDictionary.length, 1423);
    assert.equal(deflateSync(Buffer.from('x'), { dictionary: spdyDictionary }).subarray(2, 6).toString('hex'), 'e3c6a7c2');
  });

  it('replies to the error and data streams of a requestID and carries HTTP to the declared port, then half-closes both', async () => {
    const client = new Client();
    await client.open(1, { streamtype: 'error', port: '8080', requestid: '0' }, true);
    await client.open(3, { streamtype: 'data', port: '8080', requestid: '0' });
    client.data(3, 'GET / HTTP/1.1\r\nHost: pod\r\nConnection: close\r\n\r\n', true);
    await client.until((frames) => finished(frames, 3) && finished(frames, 1));
    const replies = client.frames.filter((frame) => frame.kind === 'control' && frame.type === frameType.synReply);
    assert.equal(replies.length, 2);
    const page = dataOf(client.frames, 3);
    assert.match(page, /^HTTP\/1\.1 200 OK\r\n/);
    assert.match(page, /shop\/web-1/);
    assert.equal(dataOf(client.frames, 1), '');
    client.socket.destroy();
  });

  it('writes kubelet\'s error on the error stream for a port no container declares', async () => {
    const client = new Client();
    await client.open(1, { streamtype: 'error', port: '9999', requestid: '7' }, true);
    await client.open(3, { streamtype: 'data', port: '9999', requestid: '7' });
    await client.until((frames) => finished(frames, 1) && finished(frames, 3));
    assert.match(dataOf(client.frames, 1), /^error forwarding port 9999 to pod uid-1, uid : .*connection refused$/);
    client.socket.destroy();
  });

  it('answers the client\'s pings and ends with GOAWAY on an oversized control frame', async () => {
    const client = new Client();
    client.socket.write(ping(1));
    await client.until((frames) => frames.some((frame) => frame.kind === 'control' && frame.type === frameType.ping));
    const echoed = client.frames.find((frame) => frame.kind === 'control' && frame.type === frameType.ping);
    assert.equal(echoed?.kind === 'control' ? echoed.body.readUInt32BE(0) : -1, 1);
    const header = controlFrame(frameType.headers, 0, Buffer.alloc(0));
    header.writeUIntBE(0x100000, 5, 3);
    client.socket.write(header);
    await client.until((frames) => frames.some((frame) => frame.kind === 'control' && frame.type === frameType.goAway));
    const goAway = client.frames.find((frame) => frame.kind === 'control' && frame.type === frameType.goAway);
    assert.equal(goAway?.kind === 'control' ? goAway.body.readUInt32BE(4) : -1, 1, 'PROTOCOL_ERROR');
    client.socket.destroy();
  });
});
