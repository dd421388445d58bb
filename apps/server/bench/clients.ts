import { io as ioClient, type Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  type CommandAck,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '@kring/protocol';

/** The benchmarks' socket.io client: one connection per person, no reconnects (a drop is a result). */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const command = (socket: ClientSocket, cmd: unknown) =>
  new Promise<CommandAck>((resolve) => socket.emit('command', cmd as never, resolve));

export function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** A POST to the API that must answer 201 (create, join), parsed by the caller's schema. */
export async function post<T>(url: string, body: unknown, parse: (json: unknown) => T): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return parse(await res.json());
}
