import type { Sql } from 'postgres';
import type { MergeThread } from '../merge-thread';
import { type StoredBoardUpdate, docIdOf, parseDocId } from '../store';
import type { VacuumSoon } from './vacuum';

/** The store splits a document id into the board (foreign key, cascade) and the document in it. */
function key(docId: string): [string, string] {
  const parsed = parseDocId(docId);
  if (!parsed) throw new Error('not a board document id');
  // The `doc` column is the part after the board id ('' for the board itself).
  const { boardId } = parsed;
  return [boardId, docIdOf(boardId, parsed.doc).slice(boardId.length + 1)];
}

/** Board lookup and the Yjs update log of each board document (`BoardStore` and the board look-ups). */
export class PgBoards {
  constructor(
    private readonly sql: Sql,
    private readonly vacuum: VacuumSoon,
    private readonly merger: MergeThread,
  ) {}

  async sessionIdForBoard(boardId: string): Promise<string | null> {
    const [row] = await this.sql<{ session_id: string | null }[]>`
      SELECT session_id FROM boards WHERE id = ${boardId}`;
    return row?.session_id ?? null;
  }

  async appendBoardUpdate(docId: string, update: Uint8Array): Promise<number> {
    const [boardId, doc] = key(docId);
    const [row] = await this.sql<{ seq: string }[]>`
      INSERT INTO board_updates (board_id, doc, update_bytes) VALUES (${boardId}, ${doc}, ${update})
      RETURNING seq`;
    return Number(row!.seq);
  }

  async loadBoardUpdates(docId: string): Promise<StoredBoardUpdate[]> {
    const [boardId, doc] = key(docId);
    const rows = await this.sql<{ seq: string; update_bytes: Buffer }[]>`
      SELECT seq, update_bytes FROM board_updates WHERE board_id = ${boardId} AND doc = ${doc} ORDER BY seq`;
    return rows.map((r) => ({ seq: Number(r.seq), update: new Uint8Array(r.update_bytes) }));
  }

  async compactBoard(docId: string, throughSeq: number): Promise<void> {
    const [boardId, doc] = key(docId);
    await this.sql.begin(async (tx) => {
      // One compaction of a document at a time across nodes: a second one waits, then (its
      // statements taking their snapshots after the lock) merges the first one's row too, instead
      // of colliding with it on `seq`. Appends are not blocked.
      await tx`SELECT pg_advisory_xact_lock(hashtextextended(${`board_updates\n${boardId}\n${doc}`}, 0))`;
      // The board's row before its rows, as the merged row's foreign key takes it: deleting the
      // board (a session's deletion) then waits for this compaction, or this for it, instead of
      // each holding what the other needs (a deadlock, with the merge off the event loop between).
      const [board] = await tx`SELECT 1 FROM boards WHERE id = ${boardId} FOR KEY SHARE`;
      if (!board) return;
      // Read and delete in one statement: what is merged is exactly what is deleted, even when
      // another node commits a row meanwhile (see BoardStore.compactBoard).
      const stored = await tx<{ seq: string; update_bytes: Buffer }[]>`
        DELETE FROM board_updates WHERE board_id = ${boardId} AND doc = ${doc} AND seq <= ${throughSeq}
        RETURNING seq, update_bytes`;
      if (stored.length === 0) return;
      // In the order they were written (RETURNING has none), merged off the event loop (MergeThread).
      stored.sort((a, b) => Number(a.seq) - Number(b.seq));
      const state = await this.merger.merge(stored.map((r) => new Uint8Array(r.update_bytes)));
      // The merged row must sort before rows appended after `throughSeq`, so it takes that seq.
      await tx`INSERT INTO board_updates (board_id, doc, seq, update_bytes)
               VALUES (${boardId}, ${doc}, ${throughSeq}, ${state})`;
    });
    // PR6: compaction is how removed and edited-away words leave a board's log; VACUUM follows.
    this.vacuum.touch(['board_updates']);
  }

  async draftOwners(boardId: string): Promise<string[]> {
    const rows = await this.sql<{ doc: string }[]>`
      SELECT DISTINCT doc COLLATE "C" AS doc FROM board_updates
      WHERE board_id = ${boardId} AND doc LIKE 'drafts/%' ORDER BY 1`;
    return rows.map((r) => r.doc.slice('drafts/'.length));
  }
}
