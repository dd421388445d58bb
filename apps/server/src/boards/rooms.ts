import type { RelayHandlers } from './cluster-relay';
import type { BoardSyncDeps } from './deps';
import { Pacer } from './pacer';
import { BoardRoom } from './room';

/**
 * The loaded boards. A room is created (and its load queued) by the first join, and unloaded
 * through its own queue once nobody has used it for `idleMs`, so load, writes and unload of one
 * board are strictly ordered. Joins are synchronous: a join that lands while writes are pending
 * finds the room still in the map, and the unload task, which re-checks, then leaves it alone.
 *
 * Why wait before unloading (issue 14): a board command (a note added, a vote) while nobody has
 * the board open loads the whole document from the store and, unloading, compacts it again: at
 * 1,500 notes that was 30 ms of a command, growing with the board. Kept a while, the next command
 * finds it loaded. Erasure does not wait for the unload: compaction runs within `compactWithinMs`
 * of an edit while the board is loaded (PR6).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, BoardRoom>();
  /** Idle rooms waiting for their unload. */
  private readonly idle = new Map<BoardRoom, ReturnType<typeof setTimeout>>();
  /** The rooms' timed compactions, one at a time (pacer.ts). */
  private readonly compactions = new Pacer();

  constructor(
    private readonly deps: BoardSyncDeps,
    private readonly compactAfterRows: number,
    private readonly compactWithinMs: number,
    private readonly idleMs = 0,
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  all(): BoardRoom[] {
    return [...this.rooms.values()];
  }

  get(docId: string): BoardRoom | undefined {
    return this.rooms.get(docId);
  }

  /** The board's room, loading it if needed. Callers add themselves (connection or hold) at once. */
  acquire(docId: string): BoardRoom {
    const existing = this.rooms.get(docId);
    if (existing) {
      this.keep(existing);
      return existing;
    }
    const room = new BoardRoom(docId, this.deps, {
      compactAfterRows: this.compactAfterRows,
      compactWithinMs: this.compactWithinMs,
      pace: (task) => this.compactions.schedule(task),
      onGone: (r) => this.forget(r),
    });
    this.rooms.set(docId, room);
    void room.queue.run(async () => {
      try {
        await room.load();
      } catch (err) {
        this.deps.log('error', 'board could not be loaded', { docId, error: String(err) });
        room.fail('board could not be loaded');
      }
    });
    return room;
  }

  /** Unloads the room once nobody has used it for `idleMs` (at once with 0). */
  release(room: BoardRoom): void {
    if (!room.isIdle() || room.state === 'gone') return;
    if (this.idleMs <= 0) return this.unload(room);
    this.keep(room);
    const timer = setTimeout(() => {
      this.idle.delete(room);
      this.unload(room);
    }, this.idleMs);
    timer.unref?.(); // an idle board never keeps the process alive
    this.idle.set(room, timer);
  }

  /** Unloads now what waits idle (shutting down, a session deleted): `only` picks which. */
  unloadIdle(only: (room: BoardRoom) => boolean = () => true): void {
    for (const room of [...this.idle.keys()]) {
      if (!only(room)) continue;
      this.keep(room);
      this.unload(room);
    }
  }

  /** The room is in use again: no unload is waiting for it. */
  private keep(room: BoardRoom): void {
    const timer = this.idle.get(room);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.idle.delete(room);
  }

  /** Queues an unload if nobody uses the room; the task checks again after the pending writes. */
  private unload(room: BoardRoom): void {
    if (!room.isIdle() || room.state === 'gone') return;
    void room.queue.run(async () => {
      // Between the leave and now, writes were awaited: someone may have joined meanwhile.
      if (!room.isIdle() || room.state === 'gone') return;
      // PR6: what was edited away leaves the store now, not at some later load.
      await room.compactIfNeeded();
      // The compaction awaited the store: someone may have joined meanwhile.
      if (!room.isIdle()) return;
      this.forget(room);
      room.destroy();
    });
  }

  private forget(room: BoardRoom): void {
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId);
  }
}

/**
 * Issue 17: where other nodes' messages go. A document not loaded here ignores them (a later load
 * reads the store, where the update already is: it was stored before it was published); one
 * loading waits for its load in the queue.
 */
export function relayInto(registry: RoomRegistry, log: BoardSyncDeps['log']): Omit<RelayHandlers, 'ended'> {
  const failed = (err: unknown) => log('warn', 'board relay message failed', { error: String(err) });
  return {
    message(message) {
      const room = registry.get(message.docId);
      if (!room) return;
      void room.queue
        .run(() =>
          message.kind === 'update'
            ? room.applyRemoteUpdate(message.update, message.seq, message.participantId)
            : room.applyRemoteAwareness(message.update, message.participantId),
        )
        .catch(failed);
    },
    resync() {
      for (const room of registry.all()) void room.queue.run(() => room.catchUp()).catch(failed);
    },
  };
}
