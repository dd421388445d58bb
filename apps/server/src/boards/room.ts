import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { WS_CLOSE } from '@kring/protocol';
import { type Connection, closeConnection, send } from './connection';
import type { BoardSyncDeps } from './deps';
import { AWARENESS_IDS_PER_CONNECTION, DOCUMENT_BYTES } from './limits';
import {
  EMPTY_STATE_VECTOR,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  mergeStateVectors,
} from './messages';
import { readAwarenessEntries } from './awareness';
import { CLOSE_INTERNAL, badMessage, tooLarge } from './errors';
import { SerialQueue } from './queue';
import { ClientIdOwners } from './client-ids';

export interface RoomOptions {
  compactAfterRows: number;
  /** PR6: compact this long after the first row since the last compaction (and at unload). */
  compactWithinMs: number;
  /** Where the timed compaction runs: one board at a time across the server (pacer.ts). */
  pace(task: () => Promise<void>): void;
  /** Called when the room takes itself out of service (load or persist failed). */
  onGone(room: BoardRoom): void;
}

/** Origin of the awareness removals we make when a connection leaves. */
const LEAVE_ORIGIN = Symbol('leave');
/** Origin of what another node stored (issue 17): relayed to our connections, never stored again. */
const REMOTE_ORIGIN = Symbol('remote');

/**
 * One loaded board: its Y.Doc, its awareness and its connections. Every method that touches the
 * document runs inside `queue` (the caller queues it), so the document only ever shows state that
 * is already in the store.
 */
export class BoardRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Set<Connection>();
  readonly queue = new SerialQueue();
  /** Which person writes under which Yjs client id here (BD12: nobody writes as someone else). */
  readonly clientIds = new ClientIdOwners();
  /** Server-side `change()` calls in flight: they keep the room loaded like a connection does. */
  holds = 0;
  state: 'loading' | 'ready' | 'gone' = 'loading';

  /** Rows we believe the store holds for this board (drives compaction). */
  private rows = 0;
  /** Sequence number of the newest stored row: everything up to it is in `doc`. */
  private lastSeq = 0;
  private nextCompactionAt: number;
  /** Upper bound of the encoded document size; recomputed exactly only near the limit. */
  private sizeEstimate = 0;
  /** Updates the document emitted during the current task, not yet persisted. */
  private unsaved: Uint8Array[] = [];
  /** What applying other nodes' updates added to the document, to relay (never to store). */
  private fromElsewhere: Uint8Array[] = [];
  /** Awareness client ids of other nodes' connections and whose they are (BD12 for cursors). */
  private readonly remoteAwarenessOwners = new Map<number, string>();
  /** PR6: the compaction that follows new rows within `compactWithinMs`. */
  private compactTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** The document's store key (`docIdOf`): the board, someone's drafts, or its moderation document. */
    readonly docId: string,
    private readonly deps: BoardSyncDeps,
    private readonly options: RoomOptions,
  ) {
    this.nextCompactionAt = options.compactAfterRows;
    // The server is not a user: no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  isIdle(): boolean {
    return this.conns.size === 0 && this.holds === 0;
  }

  /** First task of the queue: the whole stored log, merged and applied. */
  async load(): Promise<void> {
    const rows = await this.deps.store.loadBoardUpdates(this.docId);
    if (rows.length > 0) {
      const merged = rows.length === 1 ? rows[0]!.update : Y.mergeUpdates(rows.map((r) => r.update));
      Y.applyUpdate(this.doc, merged);
      this.rows = rows.length;
      this.lastSeq = lastSeq(rows);
      if (rows.length > this.options.compactAfterRows) {
        // A failed compaction loses nothing (the rows are still there): serve the board anyway.
        await this.compact().catch((err: unknown) => {
          this.deps.log('warn', 'board compaction failed', { docId: this.docId, error: String(err) });
          this.nextCompactionAt = this.rows + this.options.compactAfterRows;
        });
      }
    }
    this.sizeEstimate = Y.encodeStateAsUpdate(this.doc).length;
    // Only listen now: loading must not be persisted again (nor what other nodes stored).
    this.doc.on('update', (update: Uint8Array, origin: unknown) =>
      (origin === REMOTE_ORIGIN ? this.fromElsewhere : this.unsaved).push(update),
    );
    if (this.state === 'loading') this.state = 'ready';
  }

  /**
   * Sent to a new connection once the document is loaded: our state vector and who is here. A
   * fresh client (it holds nothing yet) gets the whole document right away too, the same step 2
   * every reader of it gets: issue 14, one round trip less on a slow phone's first board load.
   */
  greet(conn: Connection): void {
    send(conn, encodeSyncStep1(this.doc));
    if (conn.fresh) {
      send(conn, encodeSyncStep2(this.doc, EMPTY_STATE_VECTOR));
      conn.greeted = Y.encodeStateVector(this.doc);
    }
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length > 0)
      send(conn, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /**
   * Everything the client lacks. After a fresh greeting its first step 1 (sent on open, before the
   * greeting arrived) names nothing it got from us; it has received the greeting by the time it
   * reads this answer, so that is left out rather than sent twice.
   */
  answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    const greeted = conn.greeted;
    conn.greeted = null;
    const holds = greeted ? mergeStateVectors(stateVector, greeted) : stateVector;
    send(conn, encodeSyncStep2(this.doc, holds));
  }

  answerQueryAwareness(conn: Connection): void {
    const ids = [...this.awareness.getStates().keys()];
    send(conn, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  /** A client write: size check, apply, persist, then broadcast to the others. */
  async applyClientUpdate(conn: Connection, update: Uint8Array): Promise<void> {
    this.checkRoomFor(update);
    const store = this.doc.store;
    const pendingBefore = [store.pendingStructs, store.pendingDs];
    let failure: unknown = null;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      failure = err;
    }
    // Even a failed apply may have integrated part of the update: persist whatever the doc took.
    await this.commit(conn);
    if (failure !== null) throw badMessage('malformed update');
    // Yjs keeps an update that builds on changes we lack as "pending" (not applied). Typical
    // cause: the client wrote while it was read-only, we dropped that, and now every later write
    // of it waits on it forever. Asking for everything we lack (our step 1) gets the client's
    // answer as an ordinary write, judged by its access at that time.
    if (store.pendingStructs !== pendingBefore[0] || store.pendingDs !== pendingBefore[1]) {
      if (store.pendingStructs !== null || store.pendingDs !== null) send(conn, encodeSyncStep1(this.doc));
    }
  }

  /**
   * A server-authoritative write (reveal, votes): same persist-then-broadcast path. With
   * `compact`, the stored log is then replaced by the document's own state, so whatever the
   * change removed (a note removed for good, BD11) is gone from the store too.
   */
  async applyServerChange(fn: (doc: Y.Doc) => void, options: { compact?: boolean } = {}): Promise<void> {
    if (this.state !== 'ready') throw new Error(`board ${this.docId} is not available`);
    let failure: unknown = null;
    try {
      this.doc.transact(() => fn(this.doc), 'server');
    } catch (err) {
      failure = err;
    }
    await this.commit(null);
    if (failure !== null) throw failure;
    if (options.compact && this.lastSeq > 0) await this.compact();
  }

  /**
   * Applies a client's awareness update unless it touches a client id held by another
   * participant's connection. That is either a spoof or, far more often, the stock provider
   * echoing a change we relayed to it (it re-sends every change it applies); both are dropped.
   */
  applyClientAwareness(conn: Connection, update: Uint8Array): void {
    const entries = readAwarenessEntries(update);
    const foreign = entries.some((e) => {
      const owner =
        this.awarenessOwner(e.clientId)?.participantId ?? this.remoteAwarenessOwners.get(e.clientId);
      return owner !== undefined && owner !== conn.participantId;
    });
    if (foreign) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
    if (conn.awarenessIds.size > AWARENESS_IDS_PER_CONNECTION) throw badMessage('too many awareness clients');
  }

  /**
   * Issue 17: an update another node stored (row `seq`), applied and relayed to our connections,
   * not stored again. Runs in the board queue, so one arriving during the load waits for it (and
   * is then applied a second time at worst, which Yjs ignores).
   */
  async applyRemoteUpdate(update: Uint8Array, seq: number, participantId: string | null): Promise<void> {
    if (this.state !== 'ready') return;
    // BD12: the client ids its writer used there are theirs here too.
    if (participantId !== null) this.clientIds.claim(this.doc, update, participantId);
    const store = this.doc.store;
    const pendingBefore = [store.pendingStructs, store.pendingDs];
    this.applyFromElsewhere(update);
    this.rows++;
    if (seq > this.lastSeq) this.lastSeq = seq;
    // Waiting on something we never got: a message lost on the way (Redis restarting). The store has it.
    const stuck = store.pendingStructs !== null || store.pendingDs !== null;
    if (stuck && (store.pendingStructs !== pendingBefore[0] || store.pendingDs !== pendingBefore[1])) {
      await this.catchUp();
    }
  }

  /** Issue 17: applies every stored row (what other nodes stored while their messages were lost). */
  async catchUp(): Promise<void> {
    if (this.state !== 'ready') return;
    const rows = await this.deps.store.loadBoardUpdates(this.docId);
    if (this.state !== 'ready' || rows.length === 0) return;
    this.applyFromElsewhere(rows.length === 1 ? rows[0]!.update : Y.mergeUpdates(rows.map((r) => r.update)));
    this.rows = rows.length;
    this.lastSeq = Math.max(this.lastSeq, lastSeq(rows));
  }

  /** Issue 17: an awareness change of another node's connection, relayed to ours. */
  applyRemoteAwareness(update: Uint8Array, participantId: string | null): void {
    if (this.state !== 'ready') return;
    let entries: ReturnType<typeof readAwarenessEntries>;
    try {
      entries = readAwarenessEntries(update);
    } catch {
      this.deps.log('warn', 'board relay message dropped', {
        docId: this.docId,
        reason: 'malformed awareness',
      });
      return;
    }
    // Someone else's connection here speaks for one of these ids: not applied (BD12 for cursors).
    const foreign = entries.some((e) => {
      const owner = this.awarenessOwner(e.clientId);
      return owner !== undefined && owner.participantId !== participantId;
    });
    if (foreign) return;
    for (const e of entries) {
      if (participantId !== null && !e.removed) this.remoteAwarenessOwners.set(e.clientId, participantId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** Applies what another node stored; what was new to us goes to every connection. */
  private applyFromElsewhere(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      this.deps.log('warn', 'board relay update not applied', { docId: this.docId, error: String(err) });
    }
    const added = this.fromElsewhere;
    this.fromElsewhere = [];
    if (added.length === 0) return; // all known already (Yjs emits nothing then)
    const merged = added.length === 1 ? added[0]! : Y.mergeUpdates(added);
    this.sizeEstimate += merged.length;
    this.broadcast(encodeUpdate(merged), null);
  }

  /** Takes a connection out; its awareness states are removed and that is broadcast. */
  removeConnection(conn: Connection): void {
    this.conns.delete(conn);
    if (this.state === 'gone') return;
    const ids = [...conn.awarenessIds].filter((id) => this.awareness.getStates().has(id));
    conn.awarenessIds.clear();
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, LEAVE_ORIGIN);
  }

  broadcast(message: Uint8Array, except: Connection | null): void {
    for (const conn of this.conns) if (conn !== except) this.relay(conn, message);
  }

  /** Out of service: every connection is closed (they reconnect and get a freshly loaded room). */
  fail(reason: string): void {
    if (this.state === 'gone') return;
    for (const conn of this.conns) closeConnection(conn, CLOSE_INTERNAL, reason);
    this.destroy();
    this.options.onGone(this);
  }

  destroy(): void {
    if (this.state === 'gone') return;
    this.state = 'gone';
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.awareness.off('update', this.relayAwareness);
    this.awareness.destroy(); // stops its outdated-state timer
    this.doc.destroy();
    this.unsaved = [];
  }

  private awarenessOwner(clientId: number): Connection | undefined {
    for (const conn of this.conns) if (conn.awarenessIds.has(clientId)) return conn;
    return undefined;
  }

  /**
   * Refuses an update that could grow the document past DOCUMENT_BYTES. Cheap path: the running
   * estimate. Near the limit: the exact size and only the part of the update we do not have yet.
   */
  private checkRoomFor(update: Uint8Array): void {
    if (this.sizeEstimate + update.length <= DOCUMENT_BYTES) return;
    let growth: number;
    try {
      growth = Y.diffUpdate(update, Y.encodeStateVector(this.doc)).length;
    } catch {
      throw badMessage('malformed update');
    }
    this.sizeEstimate = Y.encodeStateAsUpdate(this.doc).length;
    if (this.sizeEstimate + growth > DOCUMENT_BYTES) throw tooLarge('board document is full');
  }

  /** Persists what the current task changed, then (only then) broadcasts it. */
  private async commit(origin: Connection | null): Promise<void> {
    const pending = this.unsaved;
    this.unsaved = [];
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    try {
      this.lastSeq = await this.deps.store.appendBoardUpdate(this.docId, update);
    } catch (err) {
      // The document now holds something the store does not: drop it and let clients resend.
      this.deps.log('error', 'board update could not be stored', {
        docId: this.docId,
        error: String(err),
      });
      this.fail('storage failure');
      throw err;
    }
    this.rows++;
    this.sizeEstimate += update.length;
    // Stored: the other nodes holding this document may have it now.
    this.deps.relay?.publish({
      kind: 'update',
      docId: this.docId,
      seq: this.lastSeq,
      participantId: origin?.participantId ?? null,
      update,
    });
    if (this.state !== 'ready') return;
    this.broadcast(encodeUpdate(update), origin);
    if (this.rows > this.nextCompactionAt) {
      await this.compact().catch((err: unknown) => {
        this.deps.log('warn', 'board compaction failed', { docId: this.docId, error: String(err) });
        this.nextCompactionAt = this.rows + this.options.compactAfterRows;
      });
    } else {
      this.compactSoon();
    }
  }

  /**
   * PR6: a compaction within `compactWithinMs`, in the board queue (one for many rows), paced
   * with the other boards' (it may wait for those due before it, a few ms each).
   */
  private compactSoon(): void {
    if (this.compactTimer) return;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      this.options.pace(() => this.queue.run(() => this.compactIfNeeded()));
    }, this.options.compactWithinMs);
    this.compactTimer.unref();
  }

  /** Compacts when rows came since the last compaction (run inside the board queue). */
  async compactIfNeeded(): Promise<void> {
    if (this.state !== 'ready' || this.rows <= 1) return;
    await this.compact().catch((err: unknown) => {
      this.deps.log('warn', 'board compaction failed', { docId: this.docId, error: String(err) });
    });
  }

  /**
   * Replaces the stored log through `lastSeq` by one row: the rows merged into a garbage-collected
   * doc (the store's `mergeRows`, off the event loop), which is what makes removed text leave
   * the store. Runs inside the board queue, so nothing this room writes lands meanwhile.
   */
  private async compact(): Promise<void> {
    await this.deps.store.compactBoard(this.docId, this.lastSeq);
    // Nothing else was appended meanwhile: we run inside the board queue.
    this.rows = 1;
    this.nextCompactionAt = this.options.compactAfterRows;
  }

  /**
   * Relays every awareness change to the board (the sender already has it) and records which
   * connection speaks for which client id. Ownership follows what was applied, not what a
   * message listed: echoes carry no newer clock, so they never change hands.
   */
  private readonly relayAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const from = [...this.conns].find((c) => c === origin);
    if (from) {
      for (const id of [...changes.added, ...changes.updated]) {
        // Another connection of the same participant (a reconnect whose old socket lingers).
        for (const conn of this.conns) if (conn !== from) conn.awarenessIds.delete(id);
        from.awarenessIds.add(id);
      }
      for (const id of changes.removed) from.awarenessIds.delete(id);
    }
    for (const id of changes.removed) this.remoteAwarenessOwners.delete(id);
    const ids = [...changes.added, ...changes.updated, ...changes.removed];
    const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
    const message = encodeAwareness(awarenessUpdate);
    for (const conn of this.conns) if (conn !== from) this.relay(conn, message);
    // Issue 17: our connections' changes (and their leaving) go to the other nodes; what came from
    // there, and states timing out (every node times them out itself), do not.
    if (from || origin === LEAVE_ORIGIN) {
      this.deps.relay?.publish({
        kind: 'awareness',
        docId: this.docId,
        participantId: from?.participantId ?? null,
        update: awarenessUpdate,
      });
    }
  };

  /**
   * Sends what others wrote to one connection, asking its access first: access can drop between
   * its messages (moved out of a breakout room, gallery closed, removed), and a connection that
   * may no longer read must not get one more update. It is closed with 4403 instead, which the
   * provider does not retry. ('read' connections still receive; their writes are dropped.)
   */
  private relay(conn: Connection, message: Uint8Array): void {
    if (conn.closed) return;
    let access: string;
    try {
      access = this.deps.access(conn.sessionId, conn.boardId, conn.participantId, conn.doc);
    } catch (err) {
      // Fail closed for this message only: our bug must not leak a board, nor cut a reader for good.
      this.deps.log('error', 'board access check failed', { docId: this.docId, error: String(err) });
      return;
    }
    if (access === 'none') {
      this.deps.log('info', 'board connection closed', {
        boardId: conn.boardId,
        participantId: conn.participantId,
        code: WS_CLOSE.forbidden,
        reason: 'no access to this board',
      });
      closeConnection(conn, WS_CLOSE.forbidden, 'no access to this board');
      return;
    }
    send(conn, message);
  }
}

/** Highest seq of a log (a loop, not Math.max(...rows): a long log would exceed the argument limit). */
function lastSeq(rows: readonly { seq: number }[]): number {
  let max = 0;
  for (const row of rows) if (row.seq > max) max = row.seq;
  return max;
}
