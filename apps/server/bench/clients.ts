import { io as ioClient, type Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  type CommandAck,
  PROTOCOL_VERSION,
  readWelcome,
  type ServerToClientEvents,
  type Welcome,
} from '@kring/protocol';

/** The benchmarks' socket.io client: one connection per person, no reconnects (a drop is a result). */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const command = (socket: ClientSocket, cmd: unknown) =>
  new Promise<CommandAck>((resolve) => socket.emit('command', cmd as never, resolve));

/** Each socket's welcome: the state the server sends unasked on connecting, as the web app takes it. */
const welcomes = new WeakMap<ClientSocket, Promise<Welcome>>();

export function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  // Listened for before connecting: it may come in the same read as the connection's answer.
  welcomes.set(socket, new Promise((resolve) => socket.once('welcome', (w) => resolve(readWelcome(w)))));
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

/** The welcome of a socket from `connect` (a first connect's: the whole state). */
export async function welcome(
  socket: ClientSocket,
): Promise<Extract<Welcome, { ok: true; kind: 'snapshot' }>> {
  const w = await welcomes.get(socket);
  if (!w) throw new Error('not a socket from connect()');
  if (!w.ok) throw new Error(`welcome refused: ${w.error.message}`);
  if (w.kind !== 'snapshot') throw new Error('a first connect was welcomed with a resume');
  return w;
}
