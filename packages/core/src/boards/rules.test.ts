import { BoardState, Command, SessionEvent, SessionState, SessionView } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { evolve, evolveAll, replay } from '../reducer';
import { emptyState } from '../state';
import { ADA, BEN, CAPTIONER, COFAC, HOST, OBSERVER, TestSession, ownerKeyOf } from '../testing';
import { redactEvents, redactState } from '../view/redact';
import { viewFor } from '../view/view';
import { heldForScreening } from './decide';

const B = 'board1';
const board = (s: TestSession, id = B) => {
  const found = s.state.boards.find((b) => b.id === id);
  if (!found) throw new Error(`no board ${id}`);
  return found;
};
const viewOf = (s: TestSession, viewer: string, id = B) =>
  viewFor(s.state, viewer).boards.find((b) => b.id === id);
const role = (s: TestSession, who: string) => s.state.participants[who]!.role;

function anonymousBoard(s: TestSession, extra: Record<string, unknown> = {}): string {
  s.ok(HOST, { type: 'board.add', title: 'Worries', templateId: 'check-in', anonymous: true, ...extra });
  return s.lastId();
}

/** V5: a cut snapshot plus cut events equals the cut of the end state (as in boards.test.ts). */
function expectConsistent(events: readonly SessionEvent[], viewer: string) {
  const states = [emptyState()];
  for (const e of events) states.push(evolve(states[states.length - 1] ?? emptyState(), e));
  const final = states[states.length - 1] ?? emptyState();
  const expected = redactState(final, viewer);
  for (let k = 0; k <= events.length; k += 1) {
    const at = states[k] ?? emptyState();
    expect(evolveAll(redactState(at, viewer), redactEvents(at, events.slice(k), viewer))).toEqual(expected);
  }
  for (const e of redactEvents(emptyState(), events, viewer)) expect(SessionEvent.parse(e)).toEqual(e);
  expect(SessionState.parse(expected)).toEqual(expected);
  const view = viewFor(final, viewer);
  expect(SessionView.parse(view)).toEqual(view);
}

describe('board rules (BD16, BD17)', () => {
  it('BD16: a new board lets everyone arrange and screens nothing; everyone’s view says so', () => {
    const s = new TestSession();
    expect(board(s)).toMatchObject({ arrange: 'everyone', screening: false });
    for (const viewer of [HOST, ADA, OBSERVER]) {
      expect(viewOf(s, viewer)).toMatchObject({ arrange: 'everyone', screening: false });
    }
  });

  it('BD16: facilitators set who arranges; the same value records nothing; others are forbidden', () => {
    const s = new TestSession();
    for (const who of [ADA, OBSERVER, CAPTIONER]) {
      expect(s.refused(who, { type: 'board.setRules', boardId: B, arrange: 'own' })).toBe('forbidden');
    }
    expect(s.ok(HOST, { type: 'board.setRules', boardId: B, arrange: 'own' })).toEqual([
      { type: 'board.rulesChanged', at: s.now, boardId: B, arrange: 'own', screening: false, by: HOST },
    ]);
    expect(s.ok(COFAC, { type: 'board.setRules', boardId: B, arrange: 'own' })).toEqual([]);
    s.ok(COFAC, { type: 'board.setRules', boardId: B, arrange: 'facilitators' });
    expect(board(s).arrange).toBe('facilitators');
    // People should know the rules: every view carries them.
    for (const viewer of [HOST, ADA, BEN, OBSERVER]) expect(viewOf(s, viewer)?.arrange).toBe('facilitators');
    expect(s.refused(HOST, { type: 'board.setRules', boardId: 'nosuch01', arrange: 'own' })).toBe(
      'not_found',
    );
    // The wire schema: at least one of the two, and only the three values.
    expect(Command.safeParse({ type: 'board.setRules', boardId: B }).success).toBe(false);
    expect(Command.safeParse({ type: 'board.setRules', boardId: B, arrange: 'nobody' }).success).toBe(false);
    expect(Command.safeParse({ type: 'board.setRules', boardId: B, screening: 'yes' }).success).toBe(false);
  });

  it('BD16/BD17: a board is added with its rules; only what differs from the defaults is recorded', () => {
    const s = new TestSession();
    const [plain] = s.ok(HOST, { type: 'board.add', title: 'Plain', templateId: 'blank' });
    expect(plain).not.toHaveProperty('arrange');
    expect(plain).not.toHaveProperty('screening');
    const [own] = s.ok(HOST, { type: 'board.add', title: 'Own', templateId: 'blank', arrange: 'own' });
    expect(own).toMatchObject({ type: 'board.created', arrange: 'own' });
    expect(board(s, s.lastId())).toMatchObject({ arrange: 'own', screening: false });
    const anon = anonymousBoard(s, { arrange: 'facilitators', screening: true });
    expect(board(s, anon)).toMatchObject({ anonymous: true, arrange: 'facilitators', screening: true });
  });

  it('BD16/BD17: events and states stored before the rules still load, with the defaults', () => {
    const old = { v: 1, at: 5, type: 'board.created', boardId: 'old00001', title: 'Old' } as const;
    expect(SessionEvent.parse(old)).toEqual(old);
    const state = replay([SessionEvent.parse(old)], emptyState());
    expect(state.boards[0]).toMatchObject({ arrange: 'everyone', screening: false });
    // A stored state whose boards lack both fields parses with them filled in.
    const { arrange: _a, screening: _s, ...before } = state.boards[0]!;
    expect(BoardState.parse(before)).toEqual(state.boards[0]);
    expect(SessionState.parse({ ...state, boards: [before] }).boards[0]).toEqual(state.boards[0]);
  });

  it('BD17: screening is for anonymous boards only (bad_request on a named board)', () => {
    const s = new TestSession();
    expect(s.refused(HOST, { type: 'board.setRules', boardId: B, screening: true })).toBe('bad_request');
    expect(s.refused(HOST, { type: 'board.add', title: 'N', templateId: 'blank', screening: true })).toBe(
      'bad_request',
    );
    // Off on a named board is what it is already.
    expect(s.ok(HOST, { type: 'board.setRules', boardId: B, screening: false })).toEqual([]);
    const anon = anonymousBoard(s);
    expect(s.refused(ADA, { type: 'board.setRules', boardId: anon, screening: true })).toBe('forbidden');
    expect(s.ok(HOST, { type: 'board.setRules', boardId: anon, screening: true })).toEqual([
      {
        type: 'board.rulesChanged',
        at: s.now,
        boardId: anon,
        arrange: 'everyone',
        screening: true,
        by: HOST,
      },
    ]);
    // What is left out stays as it is.
    s.ok(HOST, { type: 'board.setRules', boardId: anon, arrange: 'own' });
    expect(board(s, anon)).toMatchObject({ arrange: 'own', screening: true });
    for (const viewer of [ADA, OBSERVER]) expect(viewOf(s, viewer, anon)?.screening).toBe(true);
  });

  it('BD17: while screening is on, notes participants add or reveal are held; facilitators’ are not', () => {
    const s = new TestSession();
    const anon = anonymousBoard(s);
    expect(heldForScreening(board(s, anon), role(s, ADA))).toBe(false);
    s.ok(HOST, { type: 'board.setRules', boardId: anon, screening: true });
    const screened = board(s, anon);
    expect(heldForScreening(screened, role(s, ADA))).toBe(true);
    expect(heldForScreening(screened, role(s, BEN))).toBe(true);
    expect(heldForScreening(screened, role(s, HOST))).toBe(false);
    expect(heldForScreening(screened, role(s, COFAC))).toBe(false);
    // A named board never screens, whatever its state says.
    expect(heldForScreening({ ...board(s), screening: true }, role(s, ADA))).toBe(false);
    // The note is still added as ever (the server writes it hidden): no author, nothing else recorded.
    const added = s.ok(ADA, {
      type: 'note.add',
      boardId: anon,
      text: 'worry',
      color: 'pink',
      ownerKey: ownerKeyOf(ADA),
    });
    expect(added).toEqual([
      { type: 'note.added', at: s.now, boardId: anon, noteId: s.lastId(), authorId: null },
    ]);
    // Turning screening off releases nothing by itself: it records only the rule.
    expect(
      s.ok(HOST, { type: 'board.setRules', boardId: anon, screening: false }).map((e) => e.type),
    ).toEqual(['board.rulesChanged']);
    expect(heldForScreening(board(s, anon), role(s, ADA))).toBe(false);
  });

  it('V5: rule changes are the same for every audience', () => {
    const s = new TestSession();
    const anon = anonymousBoard(s, { screening: true });
    s.ok(HOST, { type: 'board.setRules', boardId: B, arrange: 'own' });
    s.ok(ADA, { type: 'note.add', boardId: anon, text: 'a', color: 'pink' });
    s.ok(HOST, { type: 'board.setRules', boardId: anon, arrange: 'facilitators', screening: false });
    for (const viewer of [HOST, COFAC, ADA, BEN, OBSERVER]) expectConsistent(s.events, viewer);
  });
});
