import { SessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { replay } from '../reducer';
import type { NoteFacts } from '../decision';
import { emptyState } from '../state';
import { ADA, BEN, COFAC, HOST, TestSession, ownerKeyOf, storedLog } from '../testing';
import { redactEvents, redactState } from '../view/redact';

const B = 'board1';

/** Ada puts something of every kind into a session, next to Ben's; returns the ids of hers. */
function sessionWithAdasWords() {
  const s = new TestSession();
  s.join('adafull1', 'Ada Lovelace-Leaving');
  const ada = 'adafull1';
  const key = ownerKeyOf(ada);
  s.ok(BEN, { type: 'qa.ask', text: 'Ben asks something', anonymous: false });
  const bens = s.lastId();
  s.ok(ada, { type: 'qa.ask', text: 'Ada asks by name', anonymous: false });
  const named = s.lastId();
  s.ok(ada, { type: 'qa.ask', text: 'Ada asks without a name', anonymous: true, ownerKey: key });
  const anonymous = s.lastId();
  s.ok(ada, { type: 'qa.vote', questionId: bens, voted: true });
  s.ok(BEN, { type: 'qa.vote', questionId: bens, voted: true });
  s.ok(BEN, { type: 'note.add', boardId: B, text: 'Ben’s note', color: 'blue' });
  const bensNote = s.lastId();
  s.ok(ada, { type: 'note.add', boardId: B, text: 'Ada’s note', color: 'pink' });
  const adasNote = s.lastId();
  s.ok(HOST, { type: 'board.add', title: 'Worries', templateId: 'check-in', anonymous: true });
  const anon = s.lastId();
  s.ok(ada, { type: 'note.add', boardId: anon, text: 'worry', color: 'pink', ownerKey: key });
  const adasAnonymous = s.lastId();
  s.ok(ada, { type: 'note.react', boardId: B, noteId: bensNote, reaction: 'heart', on: true });
  s.ok(ada, { type: 'note.react', boardId: B, noteId: bensNote, reaction: 'idea', on: true });
  s.ok(BEN, { type: 'note.react', boardId: B, noteId: bensNote, reaction: 'heart', on: true });
  s.ok(HOST, { type: 'vote.open', boardId: B, budget: 3, capPerNote: 3, hidden: true });
  s.ok(ada, { type: 'vote.cast', boardId: B, noteId: bensNote, delta: 1 });
  s.ok(ada, { type: 'vote.cast', boardId: B, noteId: bensNote, delta: 1 });
  s.ok(ada, { type: 'vote.cast', boardId: B, noteId: adasNote, delta: 1 });
  s.ok(BEN, { type: 'vote.cast', boardId: B, noteId: bensNote, delta: 1 });
  s.ok(HOST, { type: 'hand.raise' });
  s.ok(ada, { type: 'hand.raise' });
  // What the server read from the documents: a note Ada wrote over her board connection (named in
  // the document only), and her anonymous note with its owner key.
  s.boardNotes = new Map<string, Map<string, NoteFacts>>([
    [
      B,
      new Map<string, NoteFacts>([
        [bensNote, { hidden: false, authorId: BEN }],
        [adasNote, { hidden: false, authorId: ada }],
        ['direct01', { hidden: false, authorId: ada }],
      ]),
    ],
    [anon, new Map<string, NoteFacts>([[adasAnonymous, { hidden: false, ownerKey: key }]])],
  ]);
  return { s, ada, key, bens, named, anonymous, bensNote, adasNote, anon, adasAnonymous };
}

describe('leaving with your words (PR8)', () => {
  it('PR8: one command deletes their questions and notes, takes back their votes and reactions, and removes them', () => {
    const { s, ada, key, bens, named, anonymous, bensNote, adasNote, anon, adasAnonymous } =
      sessionWithAdasWords();
    const events = s.ok(ada, { type: 'participant.leave', ownerKeys: [key] });
    expect(events.map((e) => e.type)).toEqual([
      'question.voteChanged',
      'question.deleted',
      'question.deleted',
      'note.deleted',
      'note.deleted',
      'note.reactionChanged',
      'note.reactionChanged',
      'vote.changed',
      'vote.changed',
      'note.deleted',
      'participant.removed',
    ]);
    expect(events.at(-1)).toMatchObject({ participantId: ada, by: ada });
    const { state } = s;
    expect(Object.keys(state.questions)).toEqual([bens]);
    expect(state.questions[bens]).toMatchObject({ votes: 1, voters: [BEN] });
    expect(state.questions[named]).toBeUndefined();
    expect(state.questions[anonymous]).toBeUndefined();
    const board = state.boards.find((b) => b.id === B);
    expect(board?.authors).toEqual({ [bensNote]: BEN });
    expect(board?.reactions).toEqual({ [bensNote]: { [BEN]: ['heart'] } });
    expect(board?.vote).toMatchObject({ ballots: { [BEN]: { [bensNote]: 1 } }, totals: { [bensNote]: 1 } });
    expect(events.filter((e) => e.type === 'note.deleted').map((e) => 'noteId' in e && e.noteId)).toEqual([
      'direct01',
      adasNote,
      adasAnonymous,
    ]);
    expect(state.boards.find((b) => b.id === anon)?.authors).toEqual({});
    expect(state.participants[ada]).toMatchObject({ removed: true, displayName: '' });
    expect(s.floor()).toMatchObject({ mode: 'open', hands: [{ participantId: HOST }] });
    // Gone means gone: nothing more in their name.
    expect(s.refused(ada, { type: 'qa.ask', text: 'back again', anonymous: false })).toBe('unauthorized');
  });

  it('PR8/PR6: the stored log keeps none of their words or their name, and a replay ends in the same state', () => {
    const { s, ada, key } = sessionWithAdasWords();
    s.ok(ada, { type: 'participant.leave', ownerKeys: [key] });
    const log = storedLog(s.events);
    const text = JSON.stringify(log);
    for (const words of ['Ada asks by name', 'Ada asks without a name', 'Ada Lovelace-Leaving', key]) {
      expect({ words, found: text.includes(words) }).toEqual({ words, found: false });
    }
    expect(text).toContain('Ben asks something');
    expect(replay(log)).toEqual(s.state);
  });

  it('PR8/V5: every copy follows the way it follows each step done by hand, and no copy learns who voted or reacted', () => {
    const { s, ada, key } = sessionWithAdasWords();
    const before = s.state;
    const events = s.ok(ada, { type: 'participant.leave', ownerKeys: [key] });
    const numbered = s.events.slice(-events.length);
    for (const viewer of [BEN, HOST, COFAC]) {
      const cut = redactEvents(before, numbered, viewer);
      for (const e of cut) expect(SessionEvent.parse(e)).toEqual(e);
      expect(replay(cut, redactState(before, viewer))).toEqual(redactState(s.state, viewer));
      // Only the removal names them (as any removal does): not who voted, reacted or wrote what.
      const steps = cut.filter((e) => e.type !== 'participant.removed');
      if (viewer === BEN) expect(JSON.stringify(steps)).not.toContain(ada);
    }
    expect(replay(redactEvents(emptyState(), s.events, BEN))).toEqual(redactState(s.state, BEN));
  });

  it('PR8: without their keys, anonymous words they wrote stay (nothing else links them), and other keys touch nothing', () => {
    const { s, ada, anonymous, anon, adasAnonymous } = sessionWithAdasWords();
    const events = s.ok(ada, { type: 'participant.leave', ownerKeys: [ownerKeyOf(BEN)] });
    expect(s.state.questions[anonymous]).toBeDefined();
    expect(events.some((e) => e.type === 'note.deleted' && e.boardId === anon)).toBe(false);
    expect(s.boardNotes?.get(anon)?.has(adasAnonymous)).toBe(true);
  });

  it('PR8/RO4: the last host hands over before leaving; a host who is not the last one leaves', () => {
    const s = new TestSession();
    expect(s.refused(HOST, { type: 'participant.leave' })).toBe('conflict');
    s.ok(HOST, { type: 'participant.setRole', participantId: COFAC, role: 'host' });
    s.ok(HOST, { type: 'participant.leave' });
    expect(s.state.participants[HOST]).toMatchObject({ removed: true, displayName: '' });
    expect(s.refused(COFAC, { type: 'participant.leave' })).toBe('conflict');
    expect(s.ok(ADA, { type: 'participant.leave' }).map((e) => e.type)).toEqual(['participant.removed']);
  });
});
