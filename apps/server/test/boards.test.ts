import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { addNote, readNotes } from '@kring/board';
import type { BoardAccess } from '@kring/core';
import { LIMITS, WS_CLOSE, boardSyncProtocols } from '@kring/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type BoardSyncOptions, createBoardSync } from '../src/boards';
import type { BoardAuthResult } from '../src/boards/deps';
import { mergeRows } from '../src/store/merge-thread';
import type { BoardStore, StoredBoardUpdate } from '../src/store/store';

// ---------------------------------------------------------------------------------------------
// Harness: a plain http server with only the board sync on it, an in-memory store whose appends
// and loads can be held open, and fake tokens. Real sockets, real y-websocket providers.
// ---------------------------------------------------------------------------------------------

const BOARD = 'board-one';
const OTHER_BOARD = 'board-two';
const SESSION = 'session-1';

/** token → who. `foreign` belongs to another session: authorize says forbidden. */
const TOKENS: Record<string, { participantId: string; session: string }> = {
  'tok-alice': { participantId: 'alice', session: SESSION },
  'tok-bob': { participantId: 'bob', session: SESSION },
  'tok-olga': { participantId: 'olga', session: SESSION }, // observer: read-only
  'tok-mallory': { participantId: 'mallory', session: SESSION },
  'tok-foreign': { participantId: 'zed', session: 'session-2' },
};

interface Gate {
  promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

class MemoryStore implements BoardStore {
  private readonly boards = new Map<string, StoredBoardUpdate[]>();
  private seq = 0;
  /** Ordered trace shared with test observers ('append:start', 'append:done', 'B received', …). */
  readonly events: string[] = [];
  appendGate: Gate | null = null;
  loadGate: Gate | null = null;
  loads = 0;
  compactions = 0;

  rows(boardId = BOARD): StoredBoardUpdate[] {
    return this.boards.get(boardId) ?? [];
  }

  /** The document exactly as the store would rebuild it. */
  doc(boardId = BOARD): Y.Doc {
    const doc = new Y.Doc();
    for (const row of this.rows(boardId)) Y.applyUpdate(doc, row.update);
    return doc;
  }

  async appendBoardUpdate(boardId: string, update: Uint8Array): Promise<number> {
    this.events.push('append:start');
    if (this.appendGate) await this.appendGate.promise;
    const seq = ++this.seq;
    this.boards.set(boardId, [...this.rows(boardId), { seq, update: update.slice() }]);
    this.events.push('append:done');
    return seq;
  }

  async loadBoardUpdates(boardId: string): Promise<StoredBoardUpdate[]> {
    this.loads++;
    if (this.loadGate) await this.loadGate.promise;
    return this.rows(boardId).map((r) => ({ seq: r.seq, update: r.update.slice() }));
  }

  async compactBoard(boardId: string, throughSeq: number): Promise<void> {
    this.compactions++;
    const through = this.rows(boardId).filter((r) => r.seq <= throughSeq);
    const rest = this.rows(boardId).filter((r) => r.seq > throughSeq);
    const merged = mergeRows(
      Y,
      through.map((r) => r.update),
    );
    this.boards.set(boardId, [{ seq: throughSeq, update: merged }, ...rest]);
  }
}

interface LogLine {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

interface Harness {
  url: string;
  /** People signed out (J5) since their token was checked: `stillCurrent` says no. */
  signedOut: Set<string>;
  store: MemoryStore;
  sync: ReturnType<typeof createBoardSync>;
  access: Map<string, BoardAccess>;
  logs: LogLine[];
  authorizeCalls: Array<{ boardId: string }>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function start(options: BoardSyncOptions = {}): Promise<Harness> {
  const store = new MemoryStore();
  const logs: LogLine[] = [];
  const authorizeCalls: Array<{ boardId: string }> = [];
  const signedOut = new Set<string>();
  const access = new Map<string, BoardAccess>([
    ['alice', 'write'],
    ['bob', 'write'],
    ['olga', 'read'],
    ['mallory', 'write'],
  ]);
  const sync = createBoardSync(
    {
      store,
      async authorize(boardId, token): Promise<BoardAuthResult> {
        authorizeCalls.push({ boardId });
        if (boardId !== BOARD && boardId !== OTHER_BOARD) return { ok: false, code: 'not_found' };
        const who = TOKENS[token];
        if (!who) return { ok: false, code: 'unauthorized' };
        if (who.session !== SESSION) return { ok: false, code: 'forbidden' };
        return { ok: true, sessionId: SESSION, participantId: who.participantId, epoch: 0 };
      },
      stillCurrent: (_sessionId, participantId) => !signedOut.has(participantId),
      access: (_sessionId, _boardId, participantId) => access.get(participantId) ?? 'none',
      log: (level, msg, fields) => logs.push({ level, msg, fields }),
    },
    // These tests watch unloads as they happen; the wait before one has a test of its own.
    { idleUnloadMs: 0, ...options },
  );
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/yjs/')) sync.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cleanups.push(async () => {
    // A failed test may leave the store held; closeAll would then wait on it forever.
    store.appendGate?.open();
    store.loadGate?.open();
    await sync.closeAll();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `ws://127.0.0.1:${port}/yjs`, signedOut, store, sync, access, logs, authorizeCalls };
}

/** A stock y-websocket provider, as the browser uses it. */
function provider(h: Harness, token: string, boardId = BOARD) {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(h.url, boardId, doc, {
    protocols: boardSyncProtocols(token),
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  cleanups.push(() => p.destroy());
  return { doc, provider: p };
}

async function synced(...providers: Array<{ provider: WebsocketProvider }>): Promise<void> {
  await expect.poll(() => providers.every((p) => p.provider.synced)).toBe(true);
}

/** A bare `ws` client speaking the wire format by hand. */
interface Raw {
  ws: WebSocket;
  received: Uint8Array[];
  closeCode(): number | null;
  send(bytes: Uint8Array): void;
}

async function raw(h: Harness, token: string, boardId = BOARD): Promise<Raw> {
  const ws = new WebSocket(`${h.url}/${boardId}`, boardSyncProtocols(token));
  const received: Uint8Array[] = [];
  let code: number | null = null;
  ws.on('message', (data) => {
    if (Array.isArray(data)) received.push(new Uint8Array(Buffer.concat(data)));
    else if (data instanceof ArrayBuffer) received.push(new Uint8Array(data));
    else received.push(new Uint8Array(data));
  });
  ws.on('close', (c) => {
    code = c;
  });
  ws.on('error', () => {});
  cleanups.push(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', () => reject(new Error('refused')));
  });
  return { ws, received, closeCode: () => code, send: (bytes) => ws.send(bytes) };
}

/** Status code of a refused upgrade (the token, if any, offered as the browser does). */
function upgradeStatus(url: string, token?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, token === undefined ? [] : boardSyncProtocols(token));
    ws.on('error', () => {});
    ws.on('open', () => reject(new Error('upgrade was accepted')));
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
  });
}

const syncMessage = (sub: number, payload: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const awarenessMessage = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

/** Parses what a raw client received into [type, sub (sync only), payload]. */
function parse(bytes: Uint8Array): { type: number; sub: number | null; payload: Uint8Array } {
  const d = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(d);
  if (type === 0) {
    const sub = decoding.readVarUint(d);
    return { type, sub, payload: decoding.readVarUint8Array(d) };
  }
  return { type, sub: null, payload: type === 1 ? decoding.readVarUint8Array(d) : new Uint8Array() };
}

/** Asks the server for its whole document through a raw client and waits for the answer. */
async function serverDocVia(client: Raw): Promise<Y.Doc> {
  const before = client.received.length;
  client.send(syncMessage(STEP1, Y.encodeStateVector(new Y.Doc())));
  const reply = await vi.waitFor(() => {
    const found = client.received
      .slice(before)
      .map(parse)
      .find((m) => m.type === 0 && m.sub === STEP2);
    if (!found) throw new Error('no sync step 2 yet');
    return found;
  });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, reply.payload);
  return doc;
}

/** One Yjs update that adds one note, produced the way a client would. */
function noteUpdate(id: string, text = id): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array = new Uint8Array();
  doc.on('update', (u: Uint8Array) => {
    update = u;
  });
  addNote(doc, { id, text, color: 'yellow', authorId: 'p', createdAt: 1 });
  return update;
}

const noteIds = (doc: Y.Doc) => readNotes(doc).map((n) => n.id);

// ---------------------------------------------------------------------------------------------

describe('board sync: providers', () => {
  it('two stock providers converge through the server, both ways', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    const b = provider(h, 'tok-bob');
    await synced(a, b);
    addNote(a.doc, { id: 'from-a', text: 'hello', color: 'green', authorId: 'alice' });
    await expect.poll(() => noteIds(b.doc)).toEqual(['from-a']);
    addNote(b.doc, { id: 'from-b', text: 'hi', color: 'blue', authorId: 'bob' });
    await expect.poll(() => noteIds(a.doc).sort()).toEqual(['from-a', 'from-b']);
    expect(noteIds(h.store.doc()).sort()).toEqual(['from-a', 'from-b']);
    expect(h.sync.stats()).toEqual({ docs: 1, connections: 2 });
  });
});

describe('board sync: a fresh connection (issue 14: one round trip less on a slow phone)', () => {
  const NOTES = ['n1', 'n2', 'n3', 'n4', 'n5'];
  async function storeNotes(h: Harness): Promise<void> {
    for (const id of NOTES)
      await h.store.appendBoardUpdate(BOARD, noteUpdate(id, `words of ${id} `.repeat(20)));
  }
  const syncsOf = (client: Raw, sub: number) =>
    client.received.map(parse).filter((m) => m.type === 0 && m.sub === sub);
  /** The `n`th (0-based) sync message of this subtype the client received, once it is there. */
  const nthSync = (client: Raw, sub: number, n: number) =>
    vi.waitFor(() => {
      const found = syncsOf(client, sub)[n];
      if (!found) throw new Error(`no sync message ${sub} #${n} yet`);
      return found;
    });
  const docOf = (...updates: Uint8Array[]) => {
    const doc = new Y.Doc();
    for (const u of updates) Y.applyUpdate(doc, u);
    return doc;
  };
  /** What y-websocket sends on open: its step 1, here with the empty state vector of a new doc. */
  const emptyStep1 = () => syncMessage(STEP1, Y.encodeStateVector(new Y.Doc()));
  /**
   * Resolves once the server answered everything the client sent before: it answers one
   * connection's messages in order, and a query for awareness always gets an answer.
   */
  async function answered(client: Raw): Promise<void> {
    const awareness = () => client.received.map(parse).filter((m) => m.type === 1).length;
    const before = awareness();
    client.send(new Uint8Array([3]));
    await expect.poll(awareness).toBe(before + 1);
  }

  it('gets the whole document with the greeting before it sends anything, and not again after its step 1', async () => {
    const h = await start();
    await storeNotes(h);
    const c = await raw(h, 'tok-alice', `${BOARD}?fresh=1`);
    const greeting = await nthSync(c, STEP2, 0);
    expect(c.received.map(parse)[0]).toMatchObject({ type: 0, sub: STEP1 }); // our step 1 still comes first
    expect(noteIds(docOf(greeting.payload)).sort()).toEqual(NOTES);

    c.send(emptyStep1());
    const answer = await nthSync(c, STEP2, 1);
    // Nothing of the notes again: applied alone it holds nothing, and it is a sliver of the greeting.
    expect(noteIds(docOf(answer.payload))).toEqual([]);
    expect(answer.payload.length).toBeLessThan(greeting.payload.length / 20);
    expect(noteIds(docOf(greeting.payload, answer.payload)).sort()).toEqual(NOTES);
    // Only the first step 1 leans on the greeting: a later one is answered in full, as ever.
    c.send(emptyStep1());
    expect(noteIds(docOf((await nthSync(c, STEP2, 2)).payload)).sort()).toEqual(NOTES);
  });

  it('what is written between the greeting and its step 1 still reaches it', async () => {
    const h = await start();
    await storeNotes(h);
    const c = await raw(h, 'tok-olga', `${BOARD}?fresh=1`); // read-only: readers get it too
    const greeting = await nthSync(c, STEP2, 0);
    const b = provider(h, 'tok-bob');
    await synced(b);
    addNote(b.doc, { id: 'late', text: 'late', color: 'blue', authorId: 'bob' });
    await expect.poll(() => noteIds(h.store.doc())).toContain('late');
    c.send(emptyStep1());
    const answer = await nthSync(c, STEP2, 1);
    expect(noteIds(docOf(answer.payload))).toEqual(['late']);
    expect(noteIds(docOf(greeting.payload, answer.payload)).sort()).toEqual([...NOTES, 'late'].sort());
  });

  it('a connection that does not say fresh gets our step 1 only, and the whole document after its own', async () => {
    const h = await start();
    await storeNotes(h);
    const c = await raw(h, 'tok-alice');
    await nthSync(c, STEP1, 0);
    c.send(emptyStep1());
    await answered(c);
    expect(syncsOf(c, STEP2)).toHaveLength(1); // the answer, and no greeting before it
    const answer = await nthSync(c, STEP2, 0);
    expect(noteIds(docOf(answer.payload)).sort()).toEqual(NOTES);
  });

  it('a malformed fresh parameter is an ordinary connection, and the server keeps serving', async () => {
    const h = await start();
    await storeNotes(h);
    for (const query of ['?fresh=yes', '?fresh=1&fresh=1', '?fresh=', '?fresh', '?fresh=%ZZ', '?%%%&&==x']) {
      const c = await raw(h, 'tok-alice', `${BOARD}${query}`);
      await nthSync(c, STEP1, 0);
      c.send(emptyStep1());
      await answered(c);
      expect(syncsOf(c, STEP2), query).toHaveLength(1);
      const answer = await nthSync(c, STEP2, 0);
      expect(noteIds(docOf(answer.payload)).sort(), query).toEqual(NOTES);
      expect(c.closeCode(), query).toBeNull();
    }
    expect(h.authorizeCalls.every((call) => call.boardId === BOARD)).toBe(true);
    // Stock providers, one saying fresh as the web app's first connect does, sync and converge.
    const fresh = new Y.Doc();
    const p = new WebsocketProvider(h.url, BOARD, fresh, {
      params: { fresh: '1' },
      protocols: boardSyncProtocols('tok-alice'),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    cleanups.push(() => p.destroy());
    const b = provider(h, 'tok-bob');
    await synced({ provider: p }, b);
    expect(noteIds(fresh).sort()).toEqual(NOTES);
    addNote(fresh, { id: 'from-fresh', text: 'x', color: 'green', authorId: 'alice' });
    await expect.poll(() => noteIds(b.doc)).toContain('from-fresh');
    expect(noteIds(h.store.doc())).toContain('from-fresh');
  });
});

describe('board sync: auth on upgrade', () => {
  it('refuses with plain HTTP before the WebSocket exists: 401 / 403 / 404', async () => {
    const h = await start();
    expect(await upgradeStatus(`${h.url}/${BOARD}`)).toBe(401);
    expect(await upgradeStatus(`${h.url}/${BOARD}`, '')).toBe(401);
    expect(await upgradeStatus(`${h.url}/${BOARD}`, 'tok-nope')).toBe(401);
    expect(await upgradeStatus(`${h.url}/${BOARD}`, 'tok-foreign')).toBe(403);
    expect(await upgradeStatus(`${h.url}/no-such-board`, 'tok-alice')).toBe(404);
    expect(await upgradeStatus(`${h.url}/bad%20id`, 'tok-alice')).toBe(404);
    // A token in the URL would end up in proxy logs: refused, even next to a good subprotocol.
    expect(await upgradeStatus(`${h.url}/${BOARD}?token=tok-alice`)).toBe(401);
    expect(await upgradeStatus(`${h.url}/${BOARD}?token=tok-alice`, 'tok-alice')).toBe(401);
    // J5: a token that was good when checked, of someone signed out before the upgrade completes.
    h.signedOut.add('alice');
    expect(await upgradeStatus(`${h.url}/${BOARD}`, 'tok-alice')).toBe(401);
    expect(h.sync.stats()).toEqual({ docs: 0, connections: 0 });
    // Never log tokens.
    expect(JSON.stringify(h.logs)).not.toMatch(/tok-/);
  });

  it('a provider with a bad token never syncs and never loads the board', async () => {
    const h = await start();
    const p = provider(h, 'tok-nope');
    let failures = 0;
    p.provider.on('connection-error', () => failures++);
    await expect.poll(() => failures).toBeGreaterThan(0);
    expect(p.provider.synced).toBe(false);
    expect(h.store.loads).toBe(0);
    expect(JSON.stringify(h.logs)).not.toMatch(/tok-/);
  });
});

describe('board sync: permissions per message', () => {
  it("a 'read' connection can read, but its step-2 and update messages change nothing", async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    await synced(a);
    addNote(a.doc, { id: 'real', text: 'x', color: 'yellow', authorId: 'alice' });
    await expect.poll(() => h.store.rows().length).toBe(1);

    const olga = await raw(h, 'tok-olga');
    expect(noteIds(await serverDocVia(olga))).toEqual(['real']); // reading works

    olga.send(syncMessage(UPDATE, noteUpdate('evil-update')));
    olga.send(syncMessage(STEP2, noteUpdate('evil-step2')));
    // Same queue: this answer is computed after both writes were handled.
    expect(noteIds(await serverDocVia(olga))).toEqual(['real']);
    expect(h.store.rows()).toHaveLength(1);
    expect(noteIds(a.doc)).toEqual(['real']);
    expect(olga.closeCode()).toBeNull(); // dropped, not disconnected
  });

  it('a client that wrote while read-only is not stuck once it may write again', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    const olga = provider(h, 'tok-olga');
    await synced(a, olga);
    addNote(olga.doc, { id: 'while-locked', text: 'x', color: 'yellow', authorId: 'olga' });
    addNote(a.doc, { id: 'marker', text: 'x', color: 'yellow', authorId: 'alice' });
    await expect.poll(() => noteIds(olga.doc).sort()).toEqual(['marker', 'while-locked']);
    expect(noteIds(h.store.doc())).toEqual(['marker']); // the read-only write was dropped

    // Unlocked: Olga's next note builds on the dropped one (same Yjs client, next clock). The
    // server asks her for what it lacks instead of holding the new note as pending forever.
    h.access.set('olga', 'write');
    addNote(olga.doc, { id: 'after-unlock', text: 'x', color: 'yellow', authorId: 'olga' });
    await expect.poll(() => noteIds(a.doc).sort()).toEqual(['after-unlock', 'marker', 'while-locked']);
    expect(noteIds(h.store.doc()).sort()).toEqual(['after-unlock', 'marker', 'while-locked']);
  });

  it("access turning 'none' closes with 4403 on the next message", async () => {
    const h = await start();
    const m = await raw(h, 'tok-mallory');
    await serverDocVia(m);
    h.access.set('mallory', 'none');
    m.send(syncMessage(UPDATE, noteUpdate('late')));
    await expect.poll(() => m.closeCode()).toBe(WS_CLOSE.forbidden);
    expect(h.store.rows()).toHaveLength(0);
  });

  it("accessChanged closes connections now at 'none' without waiting for a message", async () => {
    const h = await start();
    const bob = await raw(h, 'tok-bob');
    const alice = await raw(h, 'tok-alice');
    await serverDocVia(bob);
    h.access.set('bob', 'none');
    h.sync.accessChanged(BOARD);
    await expect.poll(() => bob.closeCode()).toBe(WS_CLOSE.forbidden);
    expect(alice.closeCode()).toBeNull();
  });

  it("a silent connection whose access turned 'none' gets no further update: it is closed with 4403 instead", async () => {
    const h = await start();
    const bob = await raw(h, 'tok-bob');
    const olga = await raw(h, 'tok-olga');
    const alice = await raw(h, 'tok-alice');
    await serverDocVia(bob);
    await serverDocVia(olga);
    const before = bob.received.length;
    h.access.set('bob', 'none'); // nobody told the sync server (no accessChanged)
    alice.send(syncMessage(UPDATE, noteUpdate('secret-after-access-dropped')));
    await expect.poll(() => bob.closeCode()).toBe(WS_CLOSE.forbidden);
    // The 'read' connection still receives it; bob got nothing more than he had.
    await expect
      .poll(() => olga.received.some((m) => Buffer.from(m).includes('secret-after-access-dropped')))
      .toBe(true);
    expect(
      bob.received.slice(before).some((m) => Buffer.from(m).includes('secret-after-access-dropped')),
    ).toBe(false);
    expect(olga.closeCode()).toBeNull();
  });
});

describe('board sync: limits and malformed input', () => {
  it('a message larger than LIMITS.boardMessageBytes closes with 4413', async () => {
    const h = await start();
    const m = await raw(h, 'tok-mallory');
    m.send(new Uint8Array(LIMITS.boardMessageBytes + 1));
    await expect.poll(() => m.closeCode()).toBe(WS_CLOSE.tooLarge);
  });

  it('an update that would grow the document past LIMITS.boardDocumentBytes is refused (4413)', async () => {
    const h = await start();
    const m = await raw(h, 'tok-mallory');
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    const chunk = 250_000; // each message stays under the 256 KiB message limit
    const count = Math.ceil(LIMITS.boardDocumentBytes / chunk) + 1;
    for (let i = 0; i < count; i++) local.getMap('blobs').set(`b${i}`, String(i % 10).repeat(chunk));
    for (const u of updates) m.send(syncMessage(UPDATE, u));
    await expect.poll(() => m.closeCode(), { timeout: 10_000 }).toBe(WS_CLOSE.tooLarge);
    // Counted in the stored document (its rows may have been compacted into one meanwhile).
    const accepted = [...h.store.doc().getMap('blobs').keys()].length;
    expect(accepted).toBe(Math.floor(LIMITS.boardDocumentBytes / chunk));
    expect(Y.encodeStateAsUpdate(h.store.doc()).length).toBeLessThanOrEqual(LIMITS.boardDocumentBytes);
  });

  it('garbage closes that connection with 4400 and the server keeps serving others', async () => {
    const h = await start();
    const garbage: Array<Uint8Array | string> = [
      new Uint8Array([7, 1, 2]), // unknown message type
      new Uint8Array([0]), // truncated sync message
      new Uint8Array([0, 9, 1, 0]), // unknown sync subtype
      syncMessage(UPDATE, new Uint8Array([1, 2, 3, 4, 5])), // framing fine, Y.applyUpdate throws
      syncMessage(STEP1, new Uint8Array([5, 1])), // malformed state vector
      awarenessMessage(new Uint8Array([1, 7, 1, 3, 123, 123, 123])), // awareness state is not JSON
      'a text frame',
    ];
    for (const bytes of garbage) {
      const m = await raw(h, 'tok-mallory');
      if (typeof bytes === 'string') m.ws.send(bytes);
      else m.send(bytes);
      await expect.poll(() => m.closeCode()).toBe(WS_CLOSE.badMessage);
    }
    const a = provider(h, 'tok-alice');
    const b = provider(h, 'tok-bob');
    await synced(a, b);
    addNote(a.doc, { id: 'still-fine', text: 'x', color: 'yellow', authorId: 'alice' });
    await expect.poll(() => noteIds(b.doc)).toEqual(['still-fine']);
  });
});

describe('board sync: persistence', () => {
  it('an accepted update is in the store before any other client receives it', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    const b = provider(h, 'tok-bob');
    await synced(a, b);
    b.doc.on('update', () => h.store.events.push('b received'));
    h.store.appendGate = gate();
    addNote(a.doc, { id: 'n1', text: 'x', color: 'yellow', authorId: 'alice' });
    await expect.poll(() => h.store.events).toContain('append:start');
    expect(noteIds(b.doc)).toEqual([]); // held while the store has not confirmed
    h.store.appendGate.open();
    await expect.poll(() => noteIds(b.doc)).toEqual(['n1']);
    expect(h.store.events).toEqual(['append:start', 'append:done', 'b received']);
  });

  it('waits for the document to load before answering sync, and queues what arrives meanwhile', async () => {
    const h = await start();
    await h.store.appendBoardUpdate(BOARD, noteUpdate('stored'));
    h.store.loadGate = gate();
    const a = provider(h, 'tok-alice');
    let notesAtSync: string[] | null = null;
    a.provider.on('sync', (isSynced: boolean) => {
      if (isSynced && notesAtSync === null) notesAtSync = noteIds(a.doc);
    });
    await expect.poll(() => h.sync.stats().connections).toBe(1);
    await expect.poll(() => h.store.loads).toBe(1);
    expect(a.provider.synced).toBe(false);
    h.store.loadGate.open();
    await synced(a);
    expect(notesAtSync).toEqual(['stored']);
  });

  it('unloads a board when its last client leaves, and reloads it from the store', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    const b = provider(h, 'tok-bob');
    await synced(a, b);
    for (const id of ['n1', 'n2', 'n3']) addNote(a.doc, { id, text: id, color: 'pink', authorId: 'alice' });
    await expect.poll(() => h.store.rows().length).toBe(3);
    a.provider.destroy();
    b.provider.destroy();
    await expect.poll(() => h.sync.stats()).toEqual({ docs: 0, connections: 0 });

    const c = provider(h, 'tok-bob');
    await synced(c);
    expect(noteIds(c.doc).sort()).toEqual(['n1', 'n2', 'n3']);
    expect(h.store.loads).toBe(2);
  });

  it('a join during a pending load or write reuses the room instead of racing an unload', async () => {
    const h = await start();
    // Leave while loading, another client joins before the load ends.
    h.store.loadGate = gate();
    const first = await raw(h, 'tok-alice');
    first.ws.close();
    await expect.poll(() => h.sync.stats().connections).toBe(0);
    const a = provider(h, 'tok-bob');
    await expect.poll(() => h.sync.stats().connections).toBe(1);
    h.store.loadGate.open();
    await synced(a);
    expect(h.store.loads).toBe(1);

    // The writer leaves while its write is being stored; a newcomer joins meanwhile.
    h.store.appendGate = gate();
    const writer = await raw(h, 'tok-mallory');
    writer.send(syncMessage(UPDATE, noteUpdate('w1')));
    await expect.poll(() => h.store.events).toContain('append:start');
    writer.ws.close();
    a.provider.destroy();
    await expect.poll(() => h.sync.stats().connections).toBe(0);
    const late = provider(h, 'tok-bob');
    await expect.poll(() => h.sync.stats().connections).toBe(1);
    h.store.appendGate.open();
    await synced(late);
    expect(noteIds(late.doc)).toEqual(['w1']);
    expect(h.store.loads).toBe(1);
    expect(h.sync.stats().docs).toBe(1);
  });

  it('compacts past 300 rows after appends, keeping every note', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    await synced(a);
    for (let i = 0; i < 310; i++)
      addNote(a.doc, { id: `n${i}`, text: `t${i}`, color: 'yellow', authorId: 'alice' });
    await expect.poll(() => h.store.compactions, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => noteIds(h.store.doc()).length, { timeout: 10_000 }).toBe(310);
    expect(h.store.rows().length).toBeLessThan(310);
    a.provider.destroy();
    await expect.poll(() => h.sync.stats().docs).toBe(0);
    const b = provider(h, 'tok-bob');
    await synced(b);
    expect(noteIds(b.doc)).toHaveLength(310);
  });

  it('PR6: words edited away leave the store within compactWithinMs of the edit, and when the board unloads', async () => {
    const h = await start({ compactWithinMs: 100 });
    const a = provider(h, 'tok-alice');
    await synced(a);
    addNote(a.doc, { id: 'edit', text: 'first words about Quetzal', color: 'yellow', authorId: 'alice' });
    await expect.poll(() => noteIds(h.store.doc())).toEqual(['edit']);
    (a.doc.getMap('notes').get('edit') as Y.Map<unknown>).set('text', 'second words');
    const storedText = () => Buffer.concat(h.store.rows().map((r) => Buffer.from(r.update))).toString('utf8');
    await expect.poll(storedText).toContain('second words');
    await expect.poll(storedText, { timeout: 5000 }).not.toContain('Quetzal');
    // Edited again and the last person leaves at once: the unload compacts before it forgets the board.
    (a.doc.getMap('notes').get('edit') as Y.Map<unknown>).set('text', 'third words');
    await expect.poll(storedText).toContain('third words');
    a.provider.destroy();
    await expect.poll(() => h.sync.stats().docs).toBe(0);
    expect(storedText()).not.toContain('second words');
  });

  it('compaction drops the text of removed notes from the store (the doc is garbage-collected)', async () => {
    const h = await start({ compactAfterRows: 5 });
    const a = provider(h, 'tok-alice');
    await synced(a);
    addNote(a.doc, { id: 'gone', text: 'a secret that was taken back', color: 'yellow', authorId: 'alice' });
    await expect.poll(() => noteIds(h.store.doc())).toEqual(['gone']);
    a.doc.getMap('notes').delete('gone');
    for (let i = 0; i < 6; i++)
      addNote(a.doc, { id: `n${i}`, text: `t${i}`, color: 'yellow', authorId: 'alice' });
    await expect.poll(() => h.store.compactions, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => noteIds(h.store.doc()).length).toBe(6);
    const stored = Buffer.concat(h.store.rows().map((r) => Buffer.from(r.update))).toString('utf8');
    expect(stored).not.toContain('a secret that was taken back');
  });

  it('compacts on load when the log is long, keeping every note', async () => {
    const h = await start();
    for (let i = 0; i < 350; i++) await h.store.appendBoardUpdate(BOARD, noteUpdate(`n${i}`));
    const a = provider(h, 'tok-alice');
    await synced(a);
    expect(h.store.compactions).toBe(1);
    expect(h.store.rows()).toHaveLength(1);
    expect(noteIds(a.doc)).toHaveLength(350);
    expect(noteIds(h.store.doc())).toHaveLength(350);
  });
});

describe('board sync: server writes (change)', () => {
  it('persists then broadcasts to connected clients', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    await synced(a);
    await h.sync.change(BOARD, (doc) => {
      addNote(doc, { id: 'revealed', text: 'x', color: 'blue', authorId: 'alice' });
    });
    expect(noteIds(h.store.doc())).toEqual(['revealed']);
    await expect.poll(() => noteIds(a.doc)).toEqual(['revealed']);
  });

  it('keeps a board nobody uses loaded for idleUnloadMs, so commands on it do not load it each time (issue 14)', async () => {
    const h = await start({ idleUnloadMs: 300 });
    for (const id of ['c1', 'c2', 'c3']) {
      await h.sync.change(OTHER_BOARD, (doc) => {
        addNote(doc, { id, text: id, color: 'blue', authorId: 'alice' });
      });
    }
    expect(h.store.loads).toBe(1);
    expect(h.sync.stats().docs).toBe(1);
    // A connection in between keeps it too; after it leaves, the wait starts again.
    const a = provider(h, 'tok-alice', OTHER_BOARD);
    await synced(a);
    expect(noteIds(a.doc).sort()).toEqual(['c1', 'c2', 'c3']);
    a.provider.destroy();
    await expect.poll(() => h.sync.stats()).toEqual({ docs: 0, connections: 0 });
    expect(h.store.loads).toBe(1);
    await h.sync.change(OTHER_BOARD, (doc) => {
      addNote(doc, { id: 'c4', text: 'c4', color: 'blue', authorId: 'alice' });
    });
    expect(h.store.loads).toBe(2);
  });

  it('loads an unloaded board, writes, and unloads it again; a throwing fn rejects', async () => {
    const h = await start();
    await h.sync.change(OTHER_BOARD, (doc) => {
      addNote(doc, { id: 'offline', text: 'x', color: 'blue', authorId: 'alice' });
    });
    await expect.poll(() => h.sync.stats().docs).toBe(0);
    await expect(
      h.sync.change(OTHER_BOARD, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const a = provider(h, 'tok-alice', OTHER_BOARD);
    await synced(a);
    expect(noteIds(a.doc)).toEqual(['offline']);
  });
});

describe('board sync: awareness', () => {
  it('is relayed (also from read-only connections) and removed when a connection drops', async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    await synced(a);
    a.provider.awareness.setLocalState({ name: 'Alice' });

    const olgaDoc = new Y.Doc();
    const olgaAwareness = new awarenessProtocol.Awareness(olgaDoc);
    cleanups.push(() => olgaAwareness.destroy());
    olgaAwareness.setLocalState({ name: 'Olga' });
    const olga = await raw(h, 'tok-olga');
    olga.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(olgaAwareness, [olgaDoc.clientID])));
    await expect.poll(() => a.provider.awareness.getStates().get(olgaDoc.clientID)).toEqual({ name: 'Olga' });
    // …and Olga was sent Alice's state.
    await expect
      .poll(() =>
        olga.received
          .map(parse)
          .some((m) => m.type === 1 && new TextDecoder().decode(m.payload).includes('Alice')),
      )
      .toBe(true);

    olga.ws.terminate(); // no goodbye message: the server must remove her state itself
    await expect.poll(() => a.provider.awareness.getStates().has(olgaDoc.clientID)).toBe(false);
  });

  it('several stock providers (which echo every change back) all see each other; a leaver vanishes', async () => {
    const h = await start();
    const tokens = ['tok-alice', 'tok-bob', 'tok-olga', 'tok-mallory', 'tok-alice', 'tok-bob'];
    const clients = tokens.map((t) => provider(h, t));
    await synced(...clients);
    clients.forEach((c, i) => c.provider.awareness.setLocalState({ n: i }));
    const everyoneSeesAll = () =>
      clients.every((c) => c.provider.awareness.getStates().size === clients.length);
    await expect.poll(everyoneSeesAll).toBe(true);
    expect(h.sync.stats().connections).toBe(clients.length); // echoes closed nobody
    const [leaver, ...rest] = clients;
    leaver!.provider.disconnect(); // closes the socket without an awareness goodbye over it
    await expect
      .poll(() => rest.every((c) => !c.provider.awareness.getStates().has(leaver!.doc.clientID)))
      .toBe(true);
  });

  it("refuses oversize awareness (4413) and ignores updates for another participant's client id", async () => {
    const h = await start();
    const a = provider(h, 'tok-alice');
    await synced(a);
    a.provider.awareness.setLocalState({ name: 'Alice' });
    const m = await raw(h, 'tok-mallory');
    const awarenessTexts = () =>
      m.received
        .map(parse)
        .filter((msg) => msg.type === 1)
        .map((msg) => new TextDecoder().decode(msg.payload));
    await expect.poll(() => awarenessTexts().some((t) => t.includes('Alice'))).toBe(true);

    // Spoof: Mallory claims Alice's client id with a higher clock.
    const fake = new Y.Doc();
    const fakeAwareness = new awarenessProtocol.Awareness(fake);
    cleanups.push(() => fakeAwareness.destroy());
    fakeAwareness.meta.set(a.doc.clientID, { clock: 1000, lastUpdated: 0 });
    const spoof = new Map([[a.doc.clientID, { name: 'Mallory was here' }]]);
    m.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(fakeAwareness, [a.doc.clientID], spoof)));
    const seen = awarenessTexts().length;
    m.send(new Uint8Array([3])); // query awareness: answered after the spoof was handled
    await expect.poll(() => awarenessTexts().length).toBeGreaterThan(seen);
    const answer = awarenessTexts().at(-1);
    expect(answer).toContain('Alice');
    expect(answer).not.toContain('Mallory');
    expect(a.provider.awareness.getLocalState()).toEqual({ name: 'Alice' });

    fakeAwareness.setLocalState({ blob: 'x'.repeat(40_000) });
    m.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(fakeAwareness, [fake.clientID])));
    await expect.poll(() => m.closeCode()).toBe(WS_CLOSE.tooLarge);
  });
});

describe('board sync: keepalive and shutdown', () => {
  it('cuts a connection that stops answering pings, keeps one that answers', async () => {
    const h = await start({ pingIntervalMs: 50 });
    const live = await raw(h, 'tok-alice');
    // A "dead" client: completes the handshake by hand, then never answers a ping (it drains
    // what arrives only so that it notices the server closing the TCP connection).
    const { port } = new URL(h.url);
    const dead = net.connect(Number(port), '127.0.0.1');
    cleanups.push(() => {
      dead.destroy();
    });
    let deadClosed = false;
    dead.on('close', () => {
      deadClosed = true;
    });
    dead.on('error', () => {});
    dead.resume();
    dead.write(
      `GET /yjs/${BOARD} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Protocol: kring.v1, kring.token.tok-bob\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await expect.poll(() => h.sync.stats().connections).toBe(2);
    await expect.poll(() => deadClosed, { timeout: 5_000 }).toBe(true);
    await expect.poll(() => h.sync.stats().connections).toBe(1);
    expect(live.closeCode()).toBeNull();
  });

  it('closeAll closes every connection and waits for pending writes', async () => {
    const h = await start();
    const w = await raw(h, 'tok-mallory');
    h.store.appendGate = gate();
    w.send(syncMessage(UPDATE, noteUpdate('last-words')));
    await expect.poll(() => h.store.events).toContain('append:start');
    let done = false;
    const closing = h.sync.closeAll().then(() => {
      done = true;
    });
    await expect.poll(() => w.closeCode()).toBe(1001);
    expect(done).toBe(false);
    h.store.appendGate.open();
    await closing;
    expect(noteIds(h.store.doc())).toEqual(['last-words']);
    expect(h.sync.stats()).toEqual({ docs: 0, connections: 0 });
    await expect(h.sync.change(BOARD, () => {})).rejects.toThrow();
  });
});
