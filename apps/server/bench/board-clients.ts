import { performance } from 'node:perf_hooks';
import { NOTES_KEY, readNotes } from '@kring/board';
import { boardSyncProtocols } from '@kring/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket, { type RawData } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The board benchmarks' client: a Y.Doc kept in sync over `ws` with the y-protocols sync messages
 * the stock `WebsocketProvider` sends (sync step 1 on open, step 2 in answer to the server's step 1,
 * one update message per local transaction) and, like the web app's board connection, no
 * awareness. The same client talks to Kring and to the reference y-websocket server; only the URL
 * and the token subprotocols differ.
 *
 * Why not the stock provider: hundreds of them in one process spend most of the load generator's
 * CPU encoding every *received* update again for the provider's own `update` listener (Yjs does
 * that for every transaction while anyone listens), work each person's own device would do. This
 * client listens only while it writes, and stamps each message when its socket delivers it, then
 * applies it on the next turn: one client's Yjs work does not count as another's latency.
 */

const MESSAGE_SYNC = 0;

/** How a server's boards are reached. */
export interface BoardServer {
  /** Base URL; the room name is appended after a slash. */
  wsUrl: string;
  /** What a connection offers as subprotocols for a token. */
  protocols(token: string): string[];
}

/** Kring: `/yjs/<board>`, the token as a subprotocol (never in the URL). */
export const kringBoards = (httpUrl: string): BoardServer => ({
  wsUrl: `${httpUrl.replace(/^http/, 'ws')}/yjs`,
  protocols: boardSyncProtocols,
});

/** The reference server: `/<room>`, no authentication. */
export const referenceBoards = (httpUrl: string): BoardServer => ({
  wsUrl: httpUrl.replace(/^http/, 'ws'),
  protocols: () => [],
});

const syncMessage = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** One person's board connection. */
export class BoardClient {
  readonly doc = new Y.Doc();
  synced = false;
  /** Times the connection closed while it was meant to be open (a drop is a result, not noise). */
  drops = 0;
  /** When the message being applied reached this client's socket (read by `onRemoteNoteText`). */
  arrivedAt = 0;
  private readonly ws: WebSocket;
  private readonly inbox: { bytes: Uint8Array; at: number }[] = [];
  private readonly waiting: { resolve(): void; reject(err: Error): void }[] = [];
  private destroyed = false;

  constructor(server: BoardServer, room: string, token: string) {
    this.ws = new WebSocket(`${server.wsUrl}/${room}`, server.protocols(token));
    this.ws.on('open', () => this.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc))));
    this.ws.on('message', (data: RawData) => this.receive(data));
    this.ws.on('error', () => {}); // followed by 'close', which counts it
    this.ws.on('close', (code: number) => {
      if (!this.destroyed) this.drops++;
      // Refused (401/403/404 on the upgrade) or cut before the state came: nothing will sync.
      const err = new Error(`board connection to ${room} closed before it synced (${code})`);
      for (const w of this.waiting.splice(0)) w.reject(err);
    });
  }

  /** Runs a local change and sends it as the provider would: one update per transaction. */
  write(change: (doc: Y.Doc) => void): void {
    const onUpdate = (update: Uint8Array) =>
      this.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    this.doc.on('update', onUpdate);
    try {
      change(this.doc);
    } finally {
      this.doc.off('update', onUpdate);
    }
  }

  /** Resolves once the server's state arrived (its sync step 2); rejects if the socket closes first. */
  whenSynced(): Promise<void> {
    if (this.synced) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('board connection closed before it synced'));
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  get closed(): boolean {
    return this.ws.readyState === WebSocket.CLOSED;
  }

  destroy(): void {
    this.destroyed = true;
    this.ws.close();
    this.doc.destroy();
  }

  private send(message: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  private receive(data: RawData): void {
    const buf = data as Buffer;
    this.inbox.push({
      bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength),
      at: performance.now(),
    });
    if (this.inbox.length === 1) setImmediate(() => this.drain());
  }

  private drain(): void {
    for (const { bytes, at } of this.inbox.splice(0)) {
      if (this.destroyed) return;
      this.arrivedAt = at;
      const decoder = decoding.createDecoder(bytes);
      // Awareness and auth messages do not concern a client that shows no cursors.
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply));
      if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        for (const w of this.waiting.splice(0)) w.resolve();
      }
    }
  }
}

/**
 * Calls `seen(text, at)` for every note text that reaches the client's document from the server
 * (a note added, or a note's text changed), with the time its message reached the socket.
 */
export function onRemoteNoteText(client: BoardClient, seen: (text: string, at: number) => void): void {
  const notes = client.doc.getMap<unknown>(NOTES_KEY);
  notes.observeDeep((events, transaction) => {
    if (transaction.local) return; // our own writes are not arrivals
    for (const event of events as Y.YMapEvent<unknown>[]) {
      if (event.target === notes) {
        for (const key of event.keysChanged) {
          const note = notes.get(key);
          const text = note instanceof Y.Map ? note.get('text') : undefined;
          if (typeof text === 'string') seen(text, client.arrivedAt);
        }
      } else if (event.keysChanged.has('text')) {
        const text = event.target.get('text');
        if (typeof text === 'string') seen(text, client.arrivedAt);
      }
    }
  });
}

/** Notes of `expected` (id → text) that `doc` lacks or holds with another text. */
export function missingNotes(doc: Y.Doc, expected: ReadonlyMap<string, string>): number {
  const have = new Map(readNotes(doc).map((n) => [n.id, n.text]));
  let missing = 0;
  for (const [id, text] of expected) if (have.get(id) !== text) missing++;
  return missing;
}

/** Polls `done` until it holds; rejects after `timeoutMs`. */
export async function until(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Closes every client and waits until their sockets are gone. */
export async function closeAll(clients: readonly BoardClient[]): Promise<void> {
  for (const c of clients) c.destroy();
  await until('board sockets to close', () => clients.every((c) => c.closed), 10_000);
}
