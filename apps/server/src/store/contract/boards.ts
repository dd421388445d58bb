import type { NewSessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
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
      await store.appendBoardUpdate(board, bytes(1));
      const draft = await store.appendBoardUpdate(drafts, bytes(7));
      const second = await store.appendBoardUpdate(board, bytes(2));
      const later = await store.appendBoardUpdate(board, bytes(3));
      await store.compactBoard(board, bytes(1, 2), second);
      expect(await store.loadBoardUpdates(board)).toEqual([
        { seq: second, update: bytes(1, 2) },
        { seq: later, update: bytes(3) },
      ]);
      // Another document of the board is not touched by the board's compaction.
      expect(await store.loadBoardUpdates(drafts)).toEqual([{ seq: draft, update: bytes(7) }]);
      // Appends go on after it.
      const next = await store.appendBoardUpdate(board, bytes(4));
      expect(next).toBeGreaterThan(later);
      await store.compactBoard(board, bytes(1, 2, 3, 4), next);
      expect(await store.loadBoardUpdates(board)).toEqual([{ seq: next, update: bytes(1, 2, 3, 4) }]);
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
