import { SessionEvent, SessionState, SessionView } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { boardAccess, draftAccess, mayContribute, moderationAccess } from '../permissions';
import { evolve, evolveAll, replay } from '../reducer';
import { emptyState } from '../state';
import { ADA, BEN, CAI, CAPTIONER, COFAC, HOST, OBSERVER, TestSession, ownerKeyOf } from '../testing';
import { randomSession } from '../view/random-session';
import { redactEvents, redactState } from '../view/redact';
import { viewFor } from '../view/view';
import { recordRevealed } from './decide';

const B = 'board1';
const board = (s: TestSession, id = B) => {
  const found = s.state.boards.find((b) => b.id === id);
  if (!found) throw new Error(`no board ${id}`);
  return found;
};

/** A session with a second, anonymous board; returns its id. */
function withAnonymousBoard(s: TestSession): string {
  s.ok(HOST, { type: 'board.add', title: 'Worries', templateId: 'check-in', anonymous: true });
  return s.lastId();
}

/** V5, as in view/redact.test.ts: a cut snapshot plus cut events equals the cut of the end state. */
function expectConsistent(events: readonly SessionEvent[], viewer: string) {
  const states = [emptyState()];
  for (const e of events) states.push(evolve(states[states.length - 1] ?? emptyState(), e));
  const final = states[states.length - 1] ?? emptyState();
  const expected = redactState(final, viewer);
  for (let k = 0; k <= events.length; k += 1) {
    const at = states[k] ?? emptyState();
    expect(evolveAll(redactState(at, viewer), redactEvents(at, events.slice(k), viewer))).toEqual(expected);
  }
  expect(viewFor(replay(redactEvents(emptyState(), events, viewer)), viewer)).toEqual(viewFor(final, viewer));
  for (const e of redactEvents(emptyState(), events, viewer)) expect(SessionEvent.parse(e)).toEqual(e);
  expect(SessionState.parse(expected)).toEqual(expected);
  const view = viewFor(final, viewer);
  expect(SessionView.parse(view)).toEqual(view);
}

describe('boards (BD)', () => {
  it('BD1: facilitators add boards from a template; the server assigns the id', () => {
    const s = new TestSession();
    const [created] = s.ok(HOST, {
      type: 'board.add',
      boardId: 'chosen01',
      title: 'Harvest',
      templateId: 'summit-planning',
    });
    expect(created).toMatchObject({
      type: 'board.created',
      boardId: 'gen0001',
      templateId: 'summit-planning',
    });
    expect(board(s, 'gen0001')).toMatchObject({
      title: 'Harvest',
      templateId: 'summit-planning',
      anonymous: false,
      archived: false,
      phase: 'open',
      vote: null,
    });
    expect(s.refused(HOST, { type: 'board.add', title: 'C', templateId: 'columns' })).toBe('bad_request');
    expect(s.refused(HOST, { type: 'board.add', title: 'C', templateId: 'check-in', columns: ['One'] })).toBe(
      'bad_request',
    );
    s.ok(COFAC, { type: 'board.add', title: 'C', templateId: 'columns', columns: ['One', 'Two'] });
    expect(s.refused(ADA, { type: 'board.add', title: 'Mine', templateId: 'blank' })).toBe('forbidden');
  });

  it('BD1: a session holds at most 50 boards', () => {
    const s = new TestSession();
    for (let i = s.state.boards.length; i < 50; i++)
      s.ok(HOST, { type: 'board.add', title: `B${i}`, templateId: 'blank' });
    expect(s.refused(HOST, { type: 'board.add', title: 'one too many', templateId: 'blank' })).toBe(
      'too_large',
    );
  });

  it('BD2: renaming records only a change', () => {
    const s = new TestSession();
    expect(s.ok(HOST, { type: 'board.rename', boardId: B, title: 'Check-in' })).toHaveLength(1);
    expect(s.ok(HOST, { type: 'board.rename', boardId: B, title: 'Check-in' })).toEqual([]);
    expect(board(s).title).toBe('Check-in');
    expect(s.refused(HOST, { type: 'board.rename', boardId: 'nosuch01', title: 'x' })).toBe('not_found');
  });

  it("CI26: a meeting does not rename the circle's lasting board (conflict)", () => {
    const s = new TestSession();
    s.state = evolve(s.state, {
      type: 'board.created',
      v: s.state.version + 1,
      at: 1,
      boardId: 'lasting1',
      title: 'Actions',
      lasting: true,
    });
    expect(board(s, 'lasting1').lasting).toBe(true);
    expect(s.refused(HOST, { type: 'board.rename', boardId: 'lasting1', title: 'Mine now' })).toBe(
      'conflict',
    );
  });

  it('BD3/BD4: archiving closes an open vote and takes the focus away; an archived board is not focused', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'board.focus', boardId: B });
    expect(s.state.focusBoardId).toBe(B);
    expect(s.ok(HOST, { type: 'board.focus', boardId: B })).toEqual([]);
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 1, hidden: true });
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    const events = s.ok(COFAC, { type: 'board.archive', boardId: B, archived: true });
    expect(events.map((e) => e.type)).toEqual(['vote.closed', 'board.archiveChanged']);
    expect(events[0]).toMatchObject({ totals: { note0001: 1 } });
    expect(board(s)).toMatchObject({ archived: true, vote: { open: false } });
    expect(s.state.focusBoardId).toBeNull();
    expect(s.refused(HOST, { type: 'board.focus', boardId: B })).toBe('conflict');
    expect(s.refused(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 1, hidden: false })).toBe(
      'conflict',
    );
    expect(s.refused(HOST, { type: 'board.focus', boardId: 'nosuch01' })).toBe('not_found');
    s.ok(HOST, { type: 'board.archive', boardId: B, archived: false });
    s.ok(HOST, { type: 'board.focus', boardId: B });
    s.ok(HOST, { type: 'board.focus', boardId: null });
    expect(s.state.focusBoardId).toBeNull();
    expect(viewFor(s.state, ADA).focusBoardId).toBeNull();
  });

  it('BD5: who writes on a board document', () => {
    const s = new TestSession();
    const anon = withAnonymousBoard(s);
    const access = (who: string, id = B) => boardAccess(s.state, who, id);
    expect([HOST, COFAC, ADA, OBSERVER, CAPTIONER].map((p) => access(p))).toEqual([
      'write',
      'write',
      'write',
      'read',
      'read',
    ]);
    // Anonymous: participants read; their writes go through commands (BD9).
    expect([HOST, ADA, OBSERVER].map((p) => access(p, anon))).toEqual(['write', 'read', 'read']);
    for (const change of [
      { type: 'board.setLock', boardId: B, locked: true },
      { type: 'board.archive', boardId: B, archived: true },
      { type: 'board.setPhase', boardId: B, phase: 'private' },
    ]) {
      const t = new TestSession();
      t.ok(HOST, change);
      expect({ change, who: [HOST, COFAC, ADA].map((p) => boardAccess(t.state, p, B)) }).toEqual({
        change,
        who: ['write', 'write', 'read'],
      });
      expect(mayContribute(t.state, ADA, B)).toBe(false);
      expect(mayContribute(t.state, COFAC, B)).toBe(true);
    }
  });

  it('BD6: notes by command follow the same rules: locked and archived refuse, private asks for drafts', () => {
    const s = new TestSession();
    const anon = withAnonymousBoard(s);
    const add = { type: 'note.add', boardId: anon, text: 'hello', color: 'yellow' };
    expect(s.refused(OBSERVER, add)).toBe('forbidden');
    expect(
      s.refused(CAPTIONER, {
        type: 'note.react',
        boardId: anon,
        noteId: 'n1abcd',
        reaction: 'heart',
        on: true,
      }),
    ).toBe('forbidden');
    s.ok(HOST, { type: 'board.setLock', boardId: anon, locked: true });
    expect(s.refused(ADA, add)).toBe('board_locked');
    s.ok(HOST, add); // P3: facilitators write on a locked board
    s.ok(HOST, { type: 'board.setLock', boardId: anon, locked: false });
    s.ok(HOST, { type: 'board.setPhase', boardId: anon, phase: 'private' });
    expect(s.refused(ADA, add)).toBe('conflict');
    s.ok(HOST, { type: 'board.setPhase', boardId: anon, phase: 'open' });
    const ownerKey = ownerKeyOf(ADA);
    s.ok(ADA, { ...add, ownerKey });
    const mine = s.lastId();
    s.notes = new Map([[mine, { hidden: false, ownerKey }]]);
    s.ok(HOST, { type: 'board.archive', boardId: anon, archived: true });
    expect(s.refused(ADA, add)).toBe('board_locked');
    const edit = { type: 'note.edit', boardId: anon, noteId: mine, text: 'x', ownerKey };
    expect(s.refused(ADA, edit)).toBe('board_locked');
    expect(s.refused(ADA, { type: 'note.delete', boardId: anon, noteId: mine, ownerKey })).toBe(
      'board_locked',
    );
  });

  it('BD7: drafts are the owner’s alone — writable during the private phase, readable otherwise', () => {
    const s = new TestSession();
    const drafts = (who: string, owner: string) => draftAccess(s.state, who, B, owner);
    expect(drafts(ADA, ADA)).toBe('read');
    s.ok(HOST, { type: 'board.setPhase', boardId: B, phase: 'private' });
    expect(drafts(ADA, ADA)).toBe('write');
    expect(drafts(HOST, HOST)).toBe('write');
    // Nobody else, not even a facilitator, gets any access to someone's drafts.
    for (const other of [BEN, HOST, COFAC, OBSERVER]) expect(drafts(other, ADA)).toBe('none');
    expect(drafts(OBSERVER, OBSERVER)).toBe('none');
    expect(drafts(ADA, ADA)).toBe('write');
    expect(draftAccess(s.state, ADA, 'nosuch01', ADA)).toBe('none');
    s.ok(HOST, { type: 'board.setLock', boardId: B, locked: true });
    expect([drafts(ADA, ADA), drafts(COFAC, COFAC)]).toEqual(['read', 'write']);
    s.ok(HOST, { type: 'board.setLock', boardId: B, locked: false });
    s.ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(drafts(ADA, ADA)).toBe('none');
    s.ok(HOST, { type: 'board.setPhase', boardId: B, phase: 'open' });
    expect(drafts(BEN, BEN)).toBe('read');
  });

  it('BD7: private writing cannot start while a vote is open or on an archived board', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 3, capPerNote: 1, hidden: false });
    expect(s.refused(HOST, { type: 'board.setPhase', boardId: B, phase: 'private' })).toBe('conflict');
    s.ok(HOST, { type: 'vote.close', boardId: B });
    s.ok(HOST, { type: 'board.archive', boardId: B, archived: true });
    expect(s.refused(HOST, { type: 'board.setPhase', boardId: B, phase: 'private' })).toBe('conflict');
  });

  it('BD8/BD15: recording revealed notes is idempotent, skips strangers, and names nobody on an anonymous board', () => {
    const s = new TestSession();
    const notes = [
      { noteId: 'r1aaaa', authorId: ADA },
      { noteId: 'r2aaaa', authorId: BEN },
      { noteId: 'r1aaaa', authorId: BEN },
      { noteId: 'r3aaaa', authorId: 'stranger' },
    ];
    const first = recordRevealed(s.state, B, notes, 5);
    expect(first.ok && first.events.map((e) => e.type === 'note.added' && [e.noteId, e.authorId])).toEqual([
      ['r1aaaa', ADA],
      ['r2aaaa', BEN],
    ]);
    const after = replay(
      (first.ok ? first.events : []).map((e, i) => ({ ...e, v: s.state.version + i + 1 }) as SessionEvent),
      s.state,
    );
    expect(recordRevealed(after, B, notes, 6)).toEqual({ ok: true, events: [] });
    // BD15: an anonymous board's revealed notes carry owner keys in the document; no author is recorded.
    const anon = withAnonymousBoard(s);
    expect(recordRevealed(s.state, anon, [{ noteId: 'fresh001', authorId: ADA }], 6)).toEqual({
      ok: true,
      events: [],
    });
    expect(recordRevealed(after, 'nosuch01', notes, 6)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('BD10: only the author edits or deletes a note written by command on a named board; only their copy says so', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'note.add', boardId: B, text: 'worry', color: 'pink' });
    const note = s.lastId();
    expect(board(s).authors).toEqual({ [note]: ADA });
    for (const other of [BEN, HOST, COFAC]) {
      expect(s.refused(other, { type: 'note.edit', boardId: B, noteId: note, text: 'x' })).toBe('forbidden');
      expect(s.refused(other, { type: 'note.delete', boardId: B, noteId: note })).toBe('forbidden');
    }
    expect(s.ok(ADA, { type: 'note.edit', boardId: B, noteId: note, color: 'blue' })).toEqual([]);
    expect(viewFor(s.state, ADA).boards.find((b) => b.id === B)?.myNotes).toEqual([note]);
    expect(viewFor(s.state, BEN).boards.find((b) => b.id === B)?.myNotes).toEqual([]);
    expect(s.ok(ADA, { type: 'note.delete', boardId: B, noteId: note })).toHaveLength(1);
    expect(s.ok(ADA, { type: 'note.delete', boardId: B, noteId: note })).toEqual([]);
    expect(s.refused(ADA, { type: 'note.edit', boardId: B, noteId: note, text: 'x' })).toBe('not_found');
    expect(board(s).authors).toEqual({});
  });

  it('BD15: an anonymous note is recorded with no author anywhere; the owner key its writer proves makes it theirs', () => {
    const s = new TestSession();
    const anon = withAnonymousBoard(s);
    const key = ownerKeyOf(ADA);
    const added = s.ok(ADA, { type: 'note.add', boardId: anon, text: 'worry', color: 'pink', ownerKey: key });
    const note = s.lastId();
    expect(added).toEqual([{ type: 'note.added', at: s.now, boardId: anon, noteId: note, authorId: null }]);
    expect(board(s, anon).authors).toEqual({});
    // Nothing stored, nor any copy, links Ada to the note: not even her own.
    expect(JSON.stringify(s.events.filter((e) => 'boardId' in e && e.boardId === anon))).not.toContain(ADA);
    for (const viewer of [ADA, BEN, HOST]) {
      expect(redactEvents(emptyState(), s.events, viewer).some((e) => JSON.stringify(e).includes(note))).toBe(
        false,
      );
    }
    // The server read the document: the note carries its owner key there.
    s.notes = new Map([[note, { hidden: false, ownerKey: key }]]);
    for (const other of [BEN, HOST, COFAC]) {
      expect(s.refused(other, { type: 'note.edit', boardId: anon, noteId: note, text: 'x' })).toBe(
        'forbidden',
      );
      expect(s.refused(other, { type: 'note.delete', boardId: anon, noteId: note })).toBe('forbidden');
      // Someone else's key does not open it either.
      expect(
        s.refused(other, { type: 'note.delete', boardId: anon, noteId: note, ownerKey: ownerKeyOf(other) }),
      ).toBe('forbidden');
    }
    expect(s.ok(ADA, { type: 'note.edit', boardId: anon, noteId: note, text: 'y', ownerKey: key })).toEqual(
      [],
    );
    // Without the key, the note is nobody's to her either.
    expect(s.refused(ADA, { type: 'note.delete', boardId: anon, noteId: note })).toBe('forbidden');
    expect(s.ok(ADA, { type: 'note.delete', boardId: anon, noteId: note, ownerKey: key })).toEqual([
      { type: 'note.deleted', at: s.now, boardId: anon, noteId: note },
    ]);
    // Gone from the document: deleting again changes nothing (C4).
    s.notes = new Map();
    expect(s.ok(ADA, { type: 'note.delete', boardId: anon, noteId: note, ownerKey: key })).toEqual([]);
  });

  it('BD11: hiding checks the document; removing a note forgets its votes, reactions and author', () => {
    const s = new TestSession();
    s.notes = new Map([
      ['note0001', { hidden: false }],
      ['note0002', { hidden: true }],
    ]);
    expect(s.ok(HOST, { type: 'note.hide', boardId: B, noteId: 'note0002', hidden: true })).toEqual([]);
    expect(s.refused(HOST, { type: 'note.hide', boardId: B, noteId: 'nosuch01', hidden: true })).toBe(
      'not_found',
    );
    s.ok(HOST, { type: 'note.hide', boardId: B, noteId: 'note0001', hidden: true });
    s.notes = undefined;
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 2, hidden: false });
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(BEN, { type: 'note.react', boardId: B, noteId: 'note0001', reaction: 'heart', on: true });
    s.ok(BEN, { type: 'note.add', boardId: B, text: 'x', color: 'green' });
    const bens = s.lastId();
    s.ok(ADA, { type: 'note.react', boardId: B, noteId: bens, reaction: 'idea', on: true });
    s.ok(COFAC, { type: 'note.remove', boardId: B, noteId: 'note0001' });
    s.ok(COFAC, { type: 'note.remove', boardId: B, noteId: bens });
    expect(board(s)).toMatchObject({ authors: {}, reactions: {}, vote: { ballots: {}, totals: {} } });
    // Ada has her budget back.
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0003', delta: 1 });
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0003', delta: 1 });
    // C4: with the document read, removing what is gone records nothing.
    s.notes = new Map();
    expect(s.ok(COFAC, { type: 'note.remove', boardId: B, noteId: 'note0001' })).toEqual([]);
  });

  it('BD11: the author of a hidden note cannot edit its words back (not_found), but may delete it', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'note.add', boardId: B, text: 'my words', color: 'pink' });
    const adas = s.lastId();
    s.ok(HOST, { type: 'note.add', boardId: B, text: 'host words', color: 'blue' });
    const hosts = s.lastId();
    s.notes = new Map([
      [adas, { hidden: false }],
      [hosts, { hidden: false }],
    ]);
    expect(s.ok(ADA, { type: 'note.edit', boardId: B, noteId: adas, text: 'new words' })).toEqual([]);
    s.notes = new Map([
      [adas, { hidden: true }],
      [hosts, { hidden: true }],
    ]);
    // For everyone but facilitators a hidden note does not exist (C3), as for votes and reactions.
    expect(s.refused(ADA, { type: 'note.edit', boardId: B, noteId: adas, text: 'new words' })).toBe(
      'not_found',
    );
    expect(s.refused(ADA, { type: 'note.edit', boardId: B, noteId: adas, color: 'blue' })).toBe('not_found');
    // A facilitator who wrote a hidden note shows it first.
    expect(s.refused(HOST, { type: 'note.edit', boardId: B, noteId: hosts, text: 'x' })).toBe('conflict');
    // People may always take back their own words.
    expect(s.ok(ADA, { type: 'note.delete', boardId: B, noteId: adas })).toMatchObject([
      { type: 'note.deleted', noteId: adas },
    ]);
    expect(board(s).authors[adas]).toBeUndefined();
  });

  it('BD14: a board’s moderation document is read by facilitators only, and written by nobody', () => {
    const s = new TestSession();
    const anon = withAnonymousBoard(s);
    const access = (who: string, boardId = B) => moderationAccess(s.state, who, boardId);
    for (const boardId of [B, anon]) {
      expect([HOST, COFAC].map((who) => access(who, boardId))).toEqual(['read', 'read']);
      expect([ADA, BEN, OBSERVER, CAPTIONER].map((who) => access(who, boardId))).toEqual([
        'none',
        'none',
        'none',
        'none',
      ]);
    }
    // Locks and phases do not matter: nobody writes it over the wire, whatever the board allows.
    s.ok(HOST, { type: 'board.setPhase', boardId: B, phase: 'private' });
    s.ok(HOST, { type: 'board.setLock', boardId: B, locked: true });
    expect([access(HOST), access(ADA)]).toEqual(['read', 'none']);
    expect(access(HOST, 'nosuch01')).toBe('none');
    expect(access('stranger')).toBe('none');
    // Roles change access at once; removed people have none (RO5).
    s.ok(HOST, { type: 'participant.setRole', participantId: ADA, role: 'cofacilitator' });
    expect(access(ADA)).toBe('read');
    s.ok(HOST, { type: 'participant.setRole', participantId: COFAC, role: 'participant' });
    expect(access(COFAC)).toBe('none');
    s.ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(access(ADA)).toBe('none');
  });

  it('BD13: reactions are set, not toggled; each person sees only their own', () => {
    const s = new TestSession();
    const react = (who: string, reaction: string, on: boolean) =>
      s.ok(who, { type: 'note.react', boardId: B, noteId: 'note0001', reaction, on });
    expect(react(ADA, 'heart', true)).toHaveLength(1);
    expect(react(ADA, 'heart', true)).toEqual([]);
    react(ADA, 'idea', true);
    react(BEN, 'heart', true);
    expect(board(s).reactions).toEqual({ note0001: { [ADA]: ['heart', 'idea'], [BEN]: ['heart'] } });
    expect(viewFor(s.state, ADA).boards[0]?.myReactions).toEqual({ note0001: ['heart', 'idea'] });
    expect(viewFor(s.state, HOST).boards[0]?.myReactions).toEqual({});
    expect(JSON.stringify(redactState(s.state, HOST))).not.toContain(ADA + '":["heart');
    react(ADA, 'heart', false);
    react(ADA, 'idea', false);
    expect(board(s).reactions).toEqual({ note0001: { [BEN]: ['heart'] } });
    expect(
      s.refused(ADA, { type: 'note.react', boardId: 'nosuch01', noteId: 'n', reaction: 'heart', on: true }),
    ).toBe('not_found');
  });
});

describe('dot votes (VO)', () => {
  it('VO1: one open vote at a time; a new vote starts fresh; the cap cannot exceed the budget', () => {
    const s = new TestSession();
    expect(s.refused(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 3, hidden: false })).toBe(
      'bad_request',
    );
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 2, hidden: false });
    expect(s.refused(COFAC, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 1, hidden: false })).toBe(
      'conflict',
    );
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(HOST, { type: 'vote.close', boardId: B });
    expect(s.ok(HOST, { type: 'vote.close', boardId: B })).toEqual([]);
    expect(board(s).vote).toMatchObject({ open: false, totals: { note0001: 1 } });
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 5, capPerNote: 1, hidden: true });
    expect(board(s).vote).toMatchObject({ open: true, budget: 5, ballots: {}, totals: {} });
    s.ok(HOST, { type: 'vote.close', boardId: B });
    s.ok(HOST, { type: 'board.setPhase', boardId: B, phase: 'private' });
    expect(s.refused(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 1, hidden: false })).toBe(
      'conflict',
    );
  });

  it('VO2: the server holds the budget and the cap; nobody votes without an open vote; observers never', () => {
    const s = new TestSession();
    const cast = (who: string, noteId: string, delta: 1 | -1 = 1) => {
      const d = s.run(who, { type: 'vote.cast', boardId: B, noteId, delta });
      return d.ok ? 'ok' : `${d.error.code}: ${d.error.message}`;
    };
    expect(cast(ADA, 'note0001')).toBe('conflict: no vote is open on this board');
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 3, capPerNote: 2, hidden: false });
    expect([cast(ADA, 'note0001'), cast(ADA, 'note0001'), cast(ADA, 'note0001')]).toEqual([
      'ok',
      'ok',
      'conflict: this note has as many of your votes as it can take',
    ]);
    expect([cast(ADA, 'note0002'), cast(ADA, 'note0003')]).toEqual([
      'ok',
      'conflict: you have no votes left',
    ]);
    expect(cast(ADA, 'note0003', -1)).toBe('conflict: you have no vote on this note to take back');
    expect(cast(OBSERVER, 'note0001')).toMatch(/^forbidden/);
    expect(cast(CAPTIONER, 'note0001')).toMatch(/^forbidden/);
    expect(cast(HOST, 'note0001')).toBe('ok');
    // Voting is allowed on a locked board (lock the words, then vote on them).
    s.ok(HOST, { type: 'board.setLock', boardId: B, locked: true });
    expect(cast(BEN, 'note0001')).toBe('ok');
    expect(board(s).vote?.totals).toEqual({ note0001: 4, note0002: 1 });
  });

  it('VO3: with the document read, missing and hidden notes take no votes, and votes on gone notes come back', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 2, hidden: false });
    s.notes = new Map([
      ['note0001', { hidden: false }],
      ['note0002', { hidden: true }],
    ]);
    const cast = (who: string, noteId: string) =>
      s.run(who, { type: 'vote.cast', boardId: B, noteId, delta: 1 });
    expect(cast(ADA, 'nosuch01')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(cast(ADA, 'note0002')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(cast(HOST, 'note0002')).toMatchObject({ ok: true });
    expect(cast(ADA, 'note0001')).toMatchObject({ ok: true });
    expect(cast(ADA, 'note0001')).toMatchObject({ ok: true });
    expect(cast(ADA, 'note0001')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // note0001 was deleted in the document (by its author, without a command): its votes come back.
    s.notes = new Map([['note0003', { hidden: false }]]);
    expect(cast(ADA, 'note0003')).toMatchObject({ ok: true });
    expect(cast(ADA, 'note0003')).toMatchObject({ ok: true });
  });

  it('VO5/VO6: ballots are private; a hidden vote shows totals to facilitators only until it closes', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 3, capPerNote: 3, hidden: true });
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(BEN, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(BEN, { type: 'vote.cast', boardId: B, noteId: 'note0002', delta: 1 });
    const vote = (who: string) => viewFor(s.state, who).boards[0]?.vote;
    expect(vote(ADA)).toMatchObject({ totals: null, mine: { note0001: 1 }, left: 2 });
    expect(vote(OBSERVER)).toMatchObject({ totals: null, mine: {}, left: 3 });
    expect(vote(COFAC)).toMatchObject({ totals: { note0001: 2, note0002: 1 }, mine: {} });
    for (const viewer of [ADA, OBSERVER, CAI]) {
      const cut = redactEvents(emptyState(), s.events, viewer).filter((e) => e.type === 'vote.changed');
      // Only your own votes reach you, and without the totals.
      expect(cut.every((e) => e.type === 'vote.changed' && e.voterId === viewer && e.total === null)).toBe(
        true,
      );
      expect(JSON.stringify(redactState(s.state, viewer))).not.toContain('"note0002"');
    }
    for (const viewer of [HOST, COFAC]) {
      const cut = redactEvents(emptyState(), s.events, viewer);
      for (const e of cut) if (e.type === 'vote.changed') expect([null, viewer]).toContain(e.voterId);
    }
    s.ok(COFAC, { type: 'vote.close', boardId: B });
    expect(vote(ADA)).toMatchObject({
      open: false,
      totals: { note0001: 2, note0002: 1 },
      mine: { note0001: 1 },
    });
    for (const viewer of [HOST, ADA, BEN, OBSERVER]) expectConsistent(s.events, viewer);
  });

  it('V5: a scripted board session stays consistent for every audience', () => {
    const s = new TestSession();
    const anon = withAnonymousBoard(s);
    s.ok(ADA, { type: 'note.add', boardId: anon, text: 'a', color: 'pink' });
    const adas = s.lastId();
    s.ok(BEN, { type: 'note.add', boardId: anon, text: 'b', color: 'pink' });
    s.ok(HOST, { type: 'vote.open', boardId: anon, budget: 2, capPerNote: 1, hidden: false });
    s.ok(BEN, { type: 'vote.cast', boardId: anon, noteId: adas, delta: 1 });
    s.ok(ADA, { type: 'vote.cast', boardId: anon, noteId: adas, delta: 1 });
    s.ok(CAI, { type: 'note.react', boardId: anon, noteId: adas, reaction: 'thanks', on: true });
    s.ok(ADA, { type: 'note.react', boardId: anon, noteId: adas, reaction: 'thanks', on: true });
    s.ok(HOST, { type: 'participant.setRole', participantId: CAI, role: 'observer' });
    s.ok(ADA, { type: 'note.delete', boardId: anon, noteId: adas });
    s.ok(HOST, { type: 'vote.close', boardId: anon });
    s.ok(HOST, { type: 'board.focus', boardId: anon });
    s.ok(HOST, { type: 'vote.open', boardId: B, budget: 2, capPerNote: 2, hidden: true });
    s.ok(ADA, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(BEN, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: 1 });
    s.ok(BEN, { type: 'vote.cast', boardId: B, noteId: 'note0001', delta: -1 });
    s.ok(HOST, { type: 'board.archive', boardId: B, archived: true });
    for (const viewer of [HOST, COFAC, ADA, BEN, OBSERVER, CAI]) expectConsistent(s.events, viewer);
  });

  it('V5: the seeded random sessions exercise boards too', () => {
    const s = randomSession(3, 400, [COFAC, ADA, OBSERVER]);
    const types = new Set(s.events.map((e) => e.type));
    for (const type of [
      'vote.changed',
      'vote.closed',
      'note.added',
      'note.reactionChanged',
      'board.created',
    ]) {
      expect({ type, seen: types.has(type as SessionEvent['type']) }).toEqual({ type, seen: true });
    }
  });
});
