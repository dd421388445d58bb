import { describe, expect, it } from 'vitest';
import { type ContractContext, NOW, captionLine, withSession } from './fixtures';

/** The caption transcript (issue 12, CA4–CA7). */
export function captionContract(t: ContractContext): void {
  describe('the caption transcript', () => {
    it('CA4: a URL’s seq is stored once; lines sort by order, then seq, then id; scopes apart', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const url = (seq: number) => ({ url: { sourceId: 'source01', seq } });
      expect(await store.addCaptionLine('session01', captionLine('line0003', 2, url(2)))).toBe(true);
      expect(await store.addCaptionLine('session01', captionLine('line0001', 1))).toBe(true);
      expect(await store.addCaptionLine('session01', captionLine('line0002', 2, url(1)))).toBe(true);
      expect(await store.addCaptionLine('session01', captionLine('line0004', 2))).toBe(true);
      expect(
        await store.addCaptionLine('session01', captionLine('line0005', 1.5, { scope: 'room0001' })),
      ).toBe(true);
      // A retried post: same URL and seq, another id; nothing is written.
      expect(await store.addCaptionLine('session01', captionLine('line0009', 9, url(2)))).toBe(false);
      // Another URL may use the same seq.
      expect(
        await store.addCaptionLine(
          'session01',
          captionLine('line0006', 3, { url: { sourceId: 'source02', seq: 2 } }),
        ),
      ).toBe(true);

      const ids = (lines: { id: string }[]) => lines.map((l) => l.id);
      // Order 2: line0004 (a person's, seq 0), line0002 (seq 1), line0003 (seq 2).
      expect(ids(await store.captionLines('session01', { scope: 'plenary' }))).toEqual([
        'line0001',
        'line0004',
        'line0002',
        'line0003',
        'line0006',
      ]);
      expect(ids(await store.captionLines('session01'))).toEqual([
        'line0001',
        'line0005',
        'line0004',
        'line0002',
        'line0003',
        'line0006',
      ]);
      expect(ids(await store.captionLines('session01', { scope: 'plenary', latest: 2 }))).toEqual([
        'line0003',
        'line0006',
      ]);
      expect(ids(await store.captionLines('session01', { scope: 'room0001' }))).toEqual(['line0005']);
      expect(await store.captionLine('session01', 'line0003')).toEqual(captionLine('line0003', 2, url(2)));
      expect(await store.captionLine('session01', 'line0001')).toEqual(captionLine('line0001', 1));
      expect(await store.captionLine('session02', 'line0001')).toBeNull();
      expect(await store.captionTail('session01')).toEqual({ lastOrder: 3, count: 6 });
      expect(await store.captionTail('nosession')).toEqual({ lastOrder: null, count: 0 });
    });

    it('CA4: captionPlace says whether a seq is a retry and where later seqs of the URL sit', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const from = (sourceId: string, seq: number) => ({ url: { sourceId, seq } });
      await store.addCaptionLine('session01', captionLine('line0001', 10, from('source01', 1)));
      await store.addCaptionLine('session01', captionLine('line0003', 30, from('source01', 5)));
      await store.addCaptionLine('session01', captionLine('line0004', 20, from('source01', 7)));
      await store.addCaptionLine('session01', captionLine('line0005', 5, from('source02', 9)));
      expect(await store.captionPlace('session01', 'source01', 1)).toEqual({
        duplicate: true,
        laterOrder: 20,
      });
      expect(await store.captionPlace('session01', 'source01', 3)).toEqual({
        duplicate: false,
        laterOrder: 20,
      });
      expect(await store.captionPlace('session01', 'source01', 6)).toEqual({
        duplicate: false,
        laterOrder: 20,
      });
      expect(await store.captionPlace('session01', 'source01', 7)).toEqual({
        duplicate: true,
        laterOrder: null,
      });
      expect(await store.captionPlace('session01', 'source03', 1)).toEqual({
        duplicate: false,
        laterOrder: null,
      });
      expect(await store.lastCaptionSeq('session01', 'source01')).toBe(7);
      expect(await store.lastCaptionSeq('session01', 'source03')).toBe(0);
    });

    it('CA5: a person’s latest line in a scope, and its correction', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      await store.addCaptionLine('session01', captionLine('line0001', 1, { by: 'caption1' }));
      await store.addCaptionLine('session01', captionLine('line0002', 2, { by: 'caption1' }));
      await store.addCaptionLine('session01', captionLine('line0003', 3, { by: 'caption2' }));
      await store.addCaptionLine(
        'session01',
        captionLine('line0004', 4, { by: 'caption1', scope: 'room0001' }),
      );
      await store.addCaptionLine(
        'session01',
        captionLine('line0005', 5, { url: { sourceId: 'caption1', seq: 1 } }),
      );
      expect((await store.latestCaptionLineBy('session01', 'plenary', 'caption1'))?.id).toBe('line0002');
      expect((await store.latestCaptionLineBy('session01', 'room0001', 'caption1'))?.id).toBe('line0004');
      expect(await store.latestCaptionLineBy('session01', 'plenary', 'nobody01')).toBeNull();
      await store.correctCaptionLine('session01', 'line0002', 'Corrected words', NOW + 99);
      expect(await store.captionLine('session01', 'line0002')).toMatchObject({
        text: 'Corrected words',
        editedAt: NOW + 99,
        order: 2,
      });
      // Another session's id does not reach it.
      await store.correctCaptionLine('session02', 'line0001', 'Not mine', NOW);
      expect((await store.captionLine('session01', 'line0001'))?.text).toBe('Line line0001');
    });

    it('CA7: deleteCaptionLines deletes a session’s whole transcript and says how many lines went', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      await withSession(store, 'session02', 'GHJKLM');
      await store.addCaptionLine('session01', captionLine('line0001', 1));
      await store.addCaptionLine('session01', captionLine('line0002', 2, { scope: 'room0001' }));
      await store.addCaptionLine('session02', captionLine('line0003', 1));
      expect(await store.deleteCaptionLines('session01')).toBe(2);
      expect(await store.deleteCaptionLines('session01')).toBe(0);
      expect(await store.captionLines('session01')).toEqual([]);
      expect(await store.captionTail('session02')).toEqual({ lastOrder: 1, count: 1 });
    });
  });
}
