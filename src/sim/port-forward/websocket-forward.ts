/**
 * kubelet's port-forward over WebSocket channels (v4.channel.k8s.io, client-node's PortForward):
 * for the i-th port of `?ports=`, channel 2i carries data and 2i+1 errors, and the first message of
 * each channel is the port as two little-endian bytes. The connection ends with the forwarded ones.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Pod } from '../objects.ts';
import { acceptWebSocket, type WebSocket } from '../streams/websocket.ts';
import type { ContainerPorts } from './container-ports.ts';

const channelBytes = Array.from({ length: 256 }, (_, channel) => Buffer.from([channel]));

function channelMessage(channel: number, payload: Buffer): readonly Buffer[] {
  return [channelBytes[channel] ?? Buffer.from([channel]), payload];
}

function portBytes(port: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16LE(port);
  return bytes;
}

export function forwardOverChannels(request: IncomingMessage, upgraded: Duplex, head: Buffer, protocol: string, pod: Pod, ports: readonly number[], containerPorts: ContainerPorts): void {
  const sockets: (Duplex | undefined)[] = [];
  let open = ports.length;
  const ended = (): void => {
    open -= 1;
    if (open === 0) ws.close();
  };
  const ws: WebSocket = acceptWebSocket(request, upgraded, head, protocol, {
    message: (data) => {
      const channel = data[0] ?? 255;
      const socket = channel % 2 === 0 ? sockets[channel / 2] : undefined;
      if (socket === undefined || data.length < 2) return;
      if (!socket.write(data.subarray(1))) {
        ws.pause();
        socket.once('drain', () => ws.resume());
      }
    },
    closed: () => {
      for (const socket of sockets) socket?.destroy();
    },
  });
  ports.forEach((port, index) => {
    ws.send(channelMessage(2 * index, portBytes(port)));
    ws.send(channelMessage(2 * index + 1, portBytes(port)));
    const connection = containerPorts.connect(pod, port);
    if (!connection.ok) {
      ws.send(channelMessage(2 * index + 1, Buffer.from(connection.message)));
      ended();
      return;
    }
    const { socket } = connection;
    sockets[index] = socket;
    socket.on('data', (chunk: Buffer) => {
      if (!ws.send(channelMessage(2 * index, chunk))) {
        socket.pause();
        ws.onDrain(() => socket.resume());
      }
    });
    socket.on('error', () => socket.destroy());
    socket.once('close', ended);
  });
}
