import { addNote } from '@kring/board';
import { boardSyncProtocols } from '@kring/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardConnection } from './board.svelte';

/**
 * A stand-in for the browser's WebSocket, enough for the stock y-websocket provider: records the
 * URL and subprotocols of every connection and lets the test play the server.
 */
class FakeSocket {
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }

  send(bytes: Uint8Array): void {
    this.sent.push(bytes);
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  receive(bytes: Uint8Array): void {
    const copy = bytes.slice();
    this.onmessage?.({ data: copy.buffer });
  }

  /** The server went away (a restart, a lost network). */
  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

const varUint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n >>>= 7;
  }
  out.push(n);
  return out;
};
/** A y-websocket sync message (`[0, subtype, length, payload]`) as the server sends it. */
const syncMessage = (sub: 0 | 1, payload: Uint8Array) =>
  Uint8Array.from([0, sub, ...varUint(payload.length), ...payload]);

/** The server's greeting to a fresh connection: its step 1 and the whole document. */
function greetFresh(socket: FakeSocket, server: Y.Doc): void {
  socket.receive(syncMessage(0, Y.encodeStateVector(server)));
  socket.receive(syncMessage(1, Y.encodeStateAsUpdate(server)));
}

const connections: BoardConnection[] = [];
beforeEach(() => {
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  for (const c of connections.splice(0)) c.destroy();
  vi.unstubAllGlobals();
});

function connect(seed?: Uint8Array): BoardConnection {
  const c = new BoardConnection('board-1', 'secret-token', 'wss://kring.test', seed);
  connections.push(c);
  return c;
}

describe('BoardConnection (issue 14: the first load one round trip sooner)', () => {
  it('says fresh on its first connect only; the token stays out of the URL', async () => {
    const server = new Y.Doc();
    addNote(server, { id: 'n1', text: 'hello', color: 'yellow', authorId: 'p' });
    const board = connect();
    const first = FakeSocket.all[0]!;
    expect(first.url).toBe('wss://kring.test/yjs/board-1?fresh=1');
    expect(first.protocols).toEqual(boardSyncProtocols('secret-token'));
    expect(first.url).not.toContain('secret-token');

    first.open();
    expect(board.loaded).toBe(false);
    greetFresh(first, server);
    expect(board.loaded).toBe(true);
    expect(board.status).toBe('connected');
    expect(board.notes.map((n) => n.id)).toEqual(['n1']);

    // A reconnect holds the board: it asks for what it lacks, as every connection did before.
    first.drop();
    expect(board.status).toBe('reconnecting');
    expect(board.loaded).toBe(true);
    const second = await vi.waitFor(() => FakeSocket.all[1] ?? Promise.reject(new Error('no reconnect yet')));
    expect(second.url).toBe('wss://kring.test/yjs/board-1');
    expect(second.protocols).toEqual(boardSyncProtocols('secret-token'));
    second.open();
    second.receive(syncMessage(0, Y.encodeStateVector(server)));
    second.receive(syncMessage(1, Y.encodeStateAsUpdate(server, Y.encodeStateVector(board.doc))));
    expect(board.status).toBe('connected');
    expect(board.loaded).toBe(true);
  });

  it('still says fresh when reconnecting before it ever synced (it still holds nothing)', async () => {
    const board = connect();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.drop();
    expect(board.loaded).toBe(false);
    expect(board.status).toBe('connecting');
    const second = await vi.waitFor(() => FakeSocket.all[1] ?? Promise.reject(new Error('no reconnect yet')));
    expect(second.url).toBe('wss://kring.test/yjs/board-1?fresh=1');
  });

  it("shows the board the join's answer carried at once, then asks only for what came after", () => {
    const server = new Y.Doc();
    addNote(server, { id: 'n1', text: 'hello', color: 'yellow', authorId: 'p' });
    const board = connect(Y.encodeStateAsUpdate(server));
    // Drawn before any socket opened: nothing to wait for, nothing announced as empty.
    expect(board.loaded).toBe(true);
    expect(board.notes.map((n) => n.id)).toEqual(['n1']);
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toBe('wss://kring.test/yjs/board-1');
    // A note written between the join and the socket's sync arrives as the server's answer.
    addNote(server, { id: 'n2', text: 'later', color: 'blue', authorId: 'p' });
    socket.open();
    socket.receive(syncMessage(0, Y.encodeStateVector(server)));
    socket.receive(syncMessage(1, Y.encodeStateAsUpdate(server, Y.encodeStateVector(board.doc))));
    expect(board.status).toBe('connected');
    expect(board.notes.map((n) => n.id).sort()).toEqual(['n1', 'n2']);
  });

  it('takes an unreadable seed for none: it loads the board as a first connect does', () => {
    const board = connect(Uint8Array.from([255, 255, 255, 255]));
    expect(board.loaded).toBe(false);
    expect(FakeSocket.all[0]!.url).toBe('wss://kring.test/yjs/board-1?fresh=1');
  });
});
