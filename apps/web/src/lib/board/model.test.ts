import { addNote, createCluster, takeWordsOffNote, addColumn, readBoard } from '@kring/board';
import type { VoteView } from '@kring/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import * as Y from 'yjs';
import {
  countNotes,
  defaultLayout,
  isMine,
  mayContribute,
  notesLabel,
  parsePlace,
  placeOf,
  placeOptions,
  reactionLabel,
  readOnlyNotice,
  refusalText,
  visibleBoard,
  voteBlockedReason,
  voteControls,
  voteSummary,
  votesLabel,
} from './model';

function board() {
  const doc = new Y.Doc();
  const col = addColumn(doc, { title: 'Connection', id: 'c1' });
  addColumn(doc, { title: 'Worldview', id: 'c2' });
  addNote(doc, { id: 'n1', text: 'one', color: 'yellow', authorId: 'ana', columnId: col });
  addNote(doc, { id: 'n2', text: 'two', color: 'blue', authorId: 'bo', columnId: col });
  createCluster(doc, { id: 'g1', title: 'Listening', columnId: col, noteIds: ['n2'] });
  takeWordsOffNote(doc, 'n1');
  return readBoard(doc);
}

const vote = (over: Partial<VoteView> = {}): VoteView => ({
  open: true,
  budget: 2,
  capPerNote: 1,
  hidden: false,
  openedAt: 0,
  totals: {},
  mine: {},
  left: 2,
  ...over,
});

describe('board model', () => {
  it('outline is the default on narrow screens', () => {
    expect(defaultLayout(true)).toBe('outline');
    expect(defaultLayout(false)).toBe('canvas');
  });

  it('participants never see hidden notes; facilitators do', () => {
    const data = board();
    expect(countNotes(visibleBoard(data, true))).toBe(2);
    expect(countNotes(visibleBoard(data, false))).toBe(1);
  });

  it('lists every column and group as a place, and finds where a note is', () => {
    const data = board();
    expect(placeOptions(data).map((p) => p.label)).toEqual([
      'Column: Connection',
      'Group: Listening (in Connection)',
      'Column: Worldview',
    ]);
    expect(placeOf(data, 'n2')).toBe('group:g1');
    expect(placeOf(data, 'n1')).toBe('column:c1');
    expect(parsePlace('group:g1')).toEqual({ kind: 'group', id: 'g1' });
    expect(parsePlace('nowhere')).toBeNull();
  });

  it('knows your notes from the server record, the named author, or (BD15) a secret this device keeps', () => {
    expect(isMine({ id: 'a' }, 'me', ['a'])).toBe(true);
    expect(isMine({ id: 'b', authorId: 'me' }, 'me', [])).toBe(true);
    expect(isMine({ id: 'c', authorId: 'you' }, 'me', [])).toBe(false);
    const owns = (key: string) => key === 'my-key';
    expect(isMine({ id: 'd', ownerKey: 'my-key' }, 'me', [], owns)).toBe(true);
    expect(isMine({ id: 'e', ownerKey: 'their-key' }, 'me', [], owns)).toBe(false);
    expect(isMine({ id: 'f', ownerKey: 'my-key' }, 'me', [])).toBe(false);
  });

  it('names reactions for screen readers', () => {
    expect(reactionLabel('heart', 3, true)).toBe('Heart, 3, you reacted');
    expect(reactionLabel('idea', 0, false)).toBe('Gives me an idea, 0');
  });

  it('mirrors the budget and the cap', () => {
    expect(voteControls(null, 'n').open).toBe(false);
    expect(voteControls(vote(), 'n')).toEqual({ open: true, mine: 0, canAdd: true, canTakeBack: false });
    expect(voteControls(vote({ mine: { n: 1 }, left: 1 }), 'n').canAdd).toBe(false);
    expect(voteBlockedReason(vote({ mine: { n: 1 }, left: 1 }), 'n')).toBe('At most 1 vote per note.');
    expect(voteBlockedReason(vote({ left: 0 }), 'x')).toMatch(/used all 2/);
    expect(voteSummary(vote({ hidden: true, totals: null }))).toContain(
      'Totals are hidden until the vote closes; you see only your own votes.',
    );
    expect(voteSummary(vote({ left: 1 }))[0]).toBe('Dot vote open: you have 1 of 2 votes left.');
    expect(votesLabel(2, 1, true)).toBe('2 votes, 1 from you');
    expect(votesLabel(null, 0, true)).toBe('0 from you');
  });

  it('says why a board is read-only, and who may contribute', () => {
    const open = { locked: false, archived: false, anonymous: false, phase: 'open' as const };
    expect(readOnlyNotice(open, 'write', false)).toBeNull();
    expect(readOnlyNotice({ ...open, locked: true }, 'read', false)).toMatch(/locked by the facilitator/);
    expect(readOnlyNotice({ ...open, archived: true }, 'read', false)).toMatch(/archived/);
    expect(mayContribute(open, 'participant', false)).toBe(true);
    expect(mayContribute({ ...open, phase: 'private' }, 'participant', false)).toBe(false);
    expect(mayContribute({ ...open, locked: true }, 'host', true)).toBe(true);
    expect(mayContribute(open, 'observer', false)).toBe(false);
  });

  it('turns refusals into sentences', () => {
    expect(refusalText({ code: 'conflict', message: 'no votes left' })).toBe('No votes left.');
    expect(refusalText({ code: 'board_locked', message: 'x' })).toMatch(/locked/);
  });
});

describe('board model in Dutch and French', () => {
  const english = getLocale;
  afterEach(() => overwriteGetLocale(english));

  it('words counts, votes, places and refusals in the page language', () => {
    overwriteGetLocale(() => 'nl');
    expect(notesLabel(1)).toBe('1 notitie');
    expect(notesLabel(3)).toBe('3 notities');
    expect(reactionLabel('heart', 3, true)).toBe('Hartje, 3, ook van jou');
    expect(voteSummary(vote({ left: 1 }))[0]).toBe('De stemming is open: je hebt nog 1 van je 2 stemmen.');
    expect(votesLabel(2, 1, true)).toBe('2 stemmen, 1 van jou');
    expect(placeOptions(board()).map((p) => p.label)[1]).toBe('Groep: Listening (in Connection)');
    expect(refusalText({ code: 'conflict', message: 'you have no votes left' })).toBe(
      'Je hebt geen stemmen meer.',
    );
    expect(refusalText({ code: 'conflict', message: 'something new' })).not.toMatch(/something new/i);

    overwriteGetLocale(() => 'fr');
    // French takes the singular for 0 and 1.
    expect(votesLabel(0, 0, false)).toBe('0 vote');
    expect(readOnlyNotice({ locked: true, archived: false, anonymous: false }, 'read', false)).toMatch(
      /^L'animateur a verrouillé le tableau/,
    );
    expect(refusalText({ code: 'board_locked', message: 'this board is locked' })).toMatch(/verrouillé/);
  });
});
