import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  applyReactionCounts,
  applyVoteCounts,
  readBoard,
  type BoardNote,
  type ReactionCounts,
} from '../index';

function notes(doc: Y.Doc): Record<string, Pick<BoardNote, 'reactions' | 'votes'>> {
  const out: Record<string, Pick<BoardNote, 'reactions' | 'votes'>> = {};
  for (const column of readBoard(doc).columns) {
    for (const n of column.notes) out[n.id] = { reactions: n.reactions, votes: n.votes };
  }
  return out;
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  addNote(doc, { id: 'a', text: 'a', color: 'yellow', authorId: 'p', createdAt: 1 });
  addNote(doc, { id: 'b', text: 'b', color: 'yellow', authorId: 'p', createdAt: 2 });
  return doc;
}

describe('applyReactionCounts', () => {
  it('sets exactly the given counts and drops kinds at zero', () => {
    const doc = board();
    expect(applyReactionCounts(doc, 'a', { heart: 2, idea: 1 })).toBe(true);
    expect(notes(doc)['a']?.reactions).toEqual({ heart: 2, idea: 1 });
    applyReactionCounts(doc, 'a', { idea: 3, question: 0 });
    expect(notes(doc)['a']?.reactions).toEqual({ idea: 3 });
    applyReactionCounts(doc, 'a', {});
    expect(notes(doc)['a']?.reactions).toEqual({});
    expect((doc.getMap('notes').get('a') as Y.Map<unknown>).has('reactions')).toBe(false);
  });

  it('ignores unknown kinds and bad numbers, and reports a missing note', () => {
    const doc = board();
    applyReactionCounts(doc, 'a', { heart: 1.7, thanks: -1, boo: 5 } as ReactionCounts);
    expect(notes(doc)['a']?.reactions).toEqual({ heart: 1 });
    expect(applyReactionCounts(doc, 'nope', { heart: 1 })).toBe(false);
  });

  it('keys reactions in the fixed order whatever order they were written in', () => {
    const doc = board();
    applyReactionCounts(doc, 'a', { question: 1, heart: 1, 'me-too': 1 });
    expect(Object.keys(notes(doc)['a']?.reactions ?? {})).toEqual(['heart', 'me-too', 'question']);
  });
});

describe('applyVoteCounts', () => {
  it('replaces every note’s count with the tally, clearing counts written by anyone else', () => {
    const doc = board();
    (doc.getMap('notes').get('b') as Y.Map<unknown>).set('votes', 99); // a peer cheating
    applyVoteCounts(doc, { a: 3, gone: 4 });
    expect(notes(doc)).toEqual({ a: { reactions: {}, votes: 3 }, b: { reactions: {}, votes: 0 } });
    applyVoteCounts(doc, { b: 1 });
    expect(notes(doc)).toEqual({ a: { reactions: {}, votes: 0 }, b: { reactions: {}, votes: 1 } });
  });

  it('sends no update when nothing changes', () => {
    const doc = board();
    applyVoteCounts(doc, { a: 2 });
    let updates = 0;
    doc.on('update', () => updates++);
    applyVoteCounts(doc, { a: 2 });
    applyReactionCounts(doc, 'b', {});
    expect(updates).toBe(0);
  });
});
