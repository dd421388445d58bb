import type { BoardSyncDeps } from './deps';
import { BoardRoom } from './room';

/**
 * The loaded boards. A room is created (and its load queued) by the first join, and unloaded
 * through its own queue when the last user leaves, so load, writes and unload of one board are
 * strictly ordered. Joins are synchronous: a join that lands while writes are pending finds the
 * room still in the map, and the unload task, which re-checks, then leaves it alone.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, BoardRoom>();

  constructor(
    private readonly deps: BoardSyncDeps,
    private readonly compactAfterRows: number,
    private readonly compactWithinMs: number,
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
    if (existing) return existing;
    const room = new BoardRoom(docId, this.deps, {
      compactAfterRows: this.compactAfterRows,
      compactWithinMs: this.compactWithinMs,
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

  /** Queues an unload if nobody uses the room; the task checks again after the pending writes. */
  release(room: BoardRoom): void {
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
