import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MergeThread, mergeRows } from './merge-thread';

/** A board's stored rows: `notes` notes written one update each, then the first `removed` deleted. */
function rows(notes: number, removed = 0): Uint8Array[] {
  const doc = new Y.Doc();
  const made: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => made.push(u));
  const map = doc.getMap<string>('notes');
  for (let i = 0; i < notes; i++) map.set(`n${i}`, `note ${i}: ${'words '.repeat(12)}`);
  for (let i = 0; i < removed; i++) map.delete(`n${i}`);
  doc.destroy();
  return made;
}

function notesOf(state: Uint8Array): Record<string, string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getMap<string>('notes').toJSON() as Record<string, string>;
}

const threads: MergeThread[] = [];
function thread(...args: ConstructorParameters<typeof MergeThread>): MergeThread {
  const made = new MergeThread(...args);
  threads.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.close()));
});

describe('MergeThread (issue 14: compaction off the event loop)', () => {
  it('merges in the thread exactly as on the event loop, removed words left out (PR6)', async () => {
    const stored = rows(40, 10);
    const state = await thread().merge(stored);
    expect(state).toEqual(mergeRows(Y, stored));
    expect(Object.keys(notesOf(state))).toHaveLength(30);
    expect(Buffer.from(state).includes('note 3:')).toBe(false);
  });

  it('leaves the event loop turning while it merges', async () => {
    const merger = thread();
    await merger.merge(rows(1)); // the thread started
    const stored = rows(2_000, 500);
    let turns = 0;
    let done = false;
    const turn = () => {
      turns++;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const state = await merger.merge(stored);
    done = true;
    // Merged on the event loop, the promise would settle before any turn.
    expect(turns).toBeGreaterThan(0);
    expect(Object.keys(notesOf(state))).toHaveLength(1_500);
  });

  it('refuses rows that are not Yjs updates, and goes on merging', async () => {
    const merger = thread();
    await expect(merger.merge([new Uint8Array([1, 200, 3])])).rejects.toThrow();
    const stored = rows(3);
    expect(await merger.merge(stored)).toEqual(mergeRows(Y, stored));
  });

  it('a thread that cannot start: merges are made on the event loop, and it says so once', async () => {
    const errors: string[] = [];
    const merger = thread((error) => errors.push(error), 'file:///nowhere/yjs.mjs');
    const stored = rows(5, 2);
    expect(await merger.merge(stored)).toEqual(mergeRows(Y, stored));
    expect(await merger.merge(stored)).toEqual(mergeRows(Y, stored));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/merge thread/);
  });

  it('closed, it finishes a merge under way and makes later ones on the event loop', async () => {
    const errors: string[] = [];
    const merger = thread((error) => errors.push(error));
    await merger.merge(rows(1));
    const stored = rows(500, 100);
    const under = merger.merge(stored);
    await merger.close();
    expect(await under).toEqual(mergeRows(Y, stored));
    expect(await merger.merge(stored)).toEqual(mergeRows(Y, stored));
    expect(errors).toEqual([]);
  });
});
