import type { NewSessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MODERATION_DOC, docIdOf, draftsDoc } from '../store';
import { type ContractContext, NOW, bytes, withSession } from './fixtures';

/** Board lookups and the Yjs update log of each of a board's documents. */
export function boardContract(t: ContractContext): void {
  describe('boards and their documents', () => {
    it('board.created puts the board in the lookup; its documents keep their updates apart, in order', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const created: NewSessionEvent = {
        type: 'board.created',
        at: NOW,
        boardId: 'boardtwo2',
        title: 'Harvest',
      };
      const v = (await store.loadEvents('session01')).length;
      await store.appendEvents('session01', v, [created]);
      expect(await store.sessionIdForBoard('boardtwo2')).toBe('session01');
      expect(await store.sessionIdForBoard('noboard1')).toBeNull();

      const board = docIdOf('boardtwo2');
      const drafts = docIdOf('boardtwo2', draftsDoc('part0001'));
      const moderation = docIdOf('boardtwo2', MODERATION_DOC);
      const a = await store.appendBoardUpdate(board, bytes(1));
      const b = await store.appendBoardUpdate(drafts, bytes(2));
      const c = await store.appendBoardUpdate(board, bytes(3, 4));
      const d = await store.appendBoardUpdate(moderation, bytes(5));
      expect(a).toBeLessThan(c);
      expect(await store.loadBoardUpdates(board)).toEqual([
        { seq: a, update: bytes(1) },
        { seq: c, update: bytes(3, 4) },
      ]);
      expect(await store.loadBoardUpdates(drafts)).toEqual([{ seq: b, update: bytes(2) }]);
      expect(await store.loadBoardUpdates(moderation)).toEqual([{ seq: d, update: bytes(5) }]);
      const loaded = await store.loadBoardUpdates(board);
      expect(loaded[0]!.update).toBeInstanceOf(Uint8Array);
    });

    it('stores a slice of a larger buffer as its own bytes', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const big = bytes(9, 9, 1, 2, 3, 9);
      await store.appendBoardUpdate('board-session01', big.subarray(2, 5));
      expect((await store.loadBoardUpdates('board-session01')).map((u) => u.update)).toEqual([
        bytes(1, 2, 3),
      ]);
    });

    it('refuses documents of unknown boards and ids docIdOf never makes', async () => {
      const store = await t.fresh();
      await expect(store.appendBoardUpdate('noboard1', bytes(1))).rejects.toThrow();
      await expect(store.appendBoardUpdate('board1/elsewhere', bytes(1))).rejects.toThrow();
      await expect(store.loadBoardUpdates('board1/drafts/')).rejects.toThrow();
    });

    it('compactBoard: the merged row takes seq = throughSeq and sorts before rows appended after', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const board = 'board-session01';
      const drafts = docIdOf(board, draftsDoc('part0001'));
      const writer = new Writer();
      await store.appendBoardUpdate(board, writer.note('n1', 'one'));
      const draft = await store.appendBoardUpdate(drafts, bytes(7));
      const second = await store.appendBoardUpdate(board, writer.note('n2', 'two'));
      const third = writer.note('n3', 'three');
      const later = await store.appendBoardUpdate(board, third);
      await store.compactBoard(board, second);
      const rows = await store.loadBoardUpdates(board);
      expect(rows.map((r) => r.seq)).toEqual([second, later]);
      expect(rows[1]!.update).toEqual(third);
      expect(notesIn(rows)).toEqual({ n1: 'one', n2: 'two', n3: 'three' });
      // Another document of the board is not touched by the board's compaction.
      expect(await store.loadBoardUpdates(drafts)).toEqual([{ seq: draft, update: bytes(7) }]);
      // Appends go on after it.
      const next = await store.appendBoardUpdate(board, writer.note('n4', 'four'));
      expect(next).toBeGreaterThan(later);
      await store.compactBoard(board, next);
      const once = await store.loadBoardUpdates(board);
      expect(once.map((r) => r.seq)).toEqual([next]);
      expect(notesIn(once)).toEqual({ n1: 'one', n2: 'two', n3: 'three', n4: 'four' });
    });

    it('compactBoard merges what is stored: a row written behind the caller’s back survives', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const board = 'board-session01';
      // Two nodes hold the board; the caller (here) never applied the other node's row, and the
      // store merges its rows, not the caller's copy.
      const here = new Writer();
      const there = new Writer();
      await store.appendBoardUpdate(board, here.note('n1', 'mine'));
      await store.appendBoardUpdate(board, there.note('n2', 'theirs'));
      const mine = await store.appendBoardUpdate(board, here.note('n3', 'mine too'));
      await store.compactBoard(board, mine);
      const rows = await store.loadBoardUpdates(board);
      expect(rows.map((r) => r.seq)).toEqual([mine]);
      expect(notesIn(rows)).toEqual({ n1: 'mine', n2: 'theirs', n3: 'mine too' });
    });

    it('compactBoard: text removed in a stored row leaves the store, whoever removed it (PR6)', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const board = 'board-session01';
      const here = new Writer();
      const there = new Writer();
      await store.appendBoardUpdate(board, here.note('n1', 'Keep this'));
      const secret = 'Confidential remark';
      const added = there.note('n2', secret);
      await store.appendBoardUpdate(board, added);
      // The other node removes it; the caller never saw either row.
      const removed = there.remove('n2');
      const last = await store.appendBoardUpdate(board, removed);
      await store.compactBoard(board, last);
      const rows = await store.loadBoardUpdates(board);
      expect(notesIn(rows)).toEqual({ n1: 'Keep this' });
      expect(rows.some((r) => Buffer.from(r.update).includes(secret))).toBe(false);
    });

    it('compactBoard twice at once over the same rows: one row holding everything, nothing lost', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const board = 'board-session01';
      const writer = new Writer();
      await store.appendBoardUpdate(board, writer.note('n1', 'one'));
      const last = await store.appendBoardUpdate(board, writer.note('n2', 'two'));
      // Both read the rows before either swaps its result in (each merge is off the event loop).
      const both = await Promise.allSettled([
        store.compactBoard(board, last),
        store.compactBoard(board, last),
      ]);
      expect(both.some((r) => r.status === 'fulfilled')).toBe(true);
      const rows = await store.loadBoardUpdates(board);
      expect(rows.map((r) => r.seq)).toEqual([last]);
      expect(notesIn(rows)).toEqual({ n1: 'one', n2: 'two' });
    });

    it('compactBoard of a board deleted while its rows were merged puts nothing back (PR6)', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const board = 'board-session01';
      const writer = new Writer();
      const last = await store.appendBoardUpdate(board, writer.note('n1', 'Delete me with the session'));
      const compacting = store.compactBoard(board, last);
      expect(await store.deleteSession('session01')).toBe(true);
      await compacting.catch(() => {});
      expect(await store.loadBoardUpdates(board)).toEqual([]);
    });

    it('draftOwners lists whose drafts of a board have rows, sorted', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const board = 'board-session01';
      expect(await store.draftOwners(board)).toEqual([]);
      await store.appendBoardUpdate(docIdOf(board, draftsDoc('part0002')), bytes(1));
      await store.appendBoardUpdate(docIdOf(board, draftsDoc('part0001')), bytes(2));
      await store.appendBoardUpdate(docIdOf(board, draftsDoc('part0002')), bytes(3));
      await store.appendBoardUpdate(docIdOf(board, MODERATION_DOC), bytes(4));
      await store.appendBoardUpdate(board, bytes(5));
      expect(await store.draftOwners(board)).toEqual(['part0001', 'part0002']);
    });

    it('CI26: a lasting board in a meeting is its circle’s, not the session’s', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const lasting: NewSessionEvent = {
        type: 'board.created',
        at: NOW,
        boardId: 'lasting1',
        title: 'Actions',
        lasting: true,
      };
      const v = (await store.loadEvents('session01')).length;
      await store.appendEvents('session01', v, [lasting]);
      expect(await store.sessionIdForBoard('lasting1')).toBeNull();
      await expect(store.appendBoardUpdate('lasting1', bytes(1))).rejects.toThrow();
    });
  });
}

/** A client writing notes (a Y.Map of texts), keeping each update it makes. */
class Writer {
  private readonly doc = new Y.Doc();

  /** The update that adds note `id` with `text`. */
  note(id: string, text: string): Uint8Array {
    return this.change(() => this.doc.getMap<string>('notes').set(id, text));
  }

  remove(id: string): Uint8Array {
    return this.change(() => this.doc.getMap<string>('notes').delete(id));
  }

  private change(fn: () => void): Uint8Array {
    let made: Uint8Array | null = null;
    const keep = (u: Uint8Array) => {
      made = u;
    };
    this.doc.on('update', keep);
    fn();
    this.doc.off('update', keep);
    if (!made) throw new Error('no change');
    return made;
  }
}

/** The notes a stored log holds, loaded as a client would. */
function notesIn(rows: readonly { update: Uint8Array }[]): Record<string, string> {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.update);
  return Object.fromEntries(doc.getMap<string>('notes').entries());
}
