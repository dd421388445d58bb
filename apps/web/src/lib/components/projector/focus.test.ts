import { describe, expect, it } from 'vitest';
import { breakout, room } from '$lib/breakouts/fixtures';
import type { BoardView, BreakoutsState } from '@kring/protocol';
import {
  galleryColumns,
  joinLink,
  projectorFocus,
  questionsShown,
  roomsOpen,
  shortLink,
  type ProjectorInput,
} from './focus';

const plenary: BoardView = {
  id: 'board-1',
  title: 'What helps us',
  locked: false,
  templateId: 'blank',
  anonymous: false,
  archived: false,
  phase: 'open',
  arrange: 'everyone',
  screening: false,
  lasting: false,
  vote: null,
  myReactions: {},
  myNotes: [],
};
const none: BreakoutsState = { current: null, history: [] };
const input = (over: Partial<ProjectorInput> = {}): ProjectorInput => ({
  breakouts: none,
  focusBoardId: null,
  boards: [plenary],
  ...over,
});
const kind = (over: Partial<ProjectorInput> = {}) => projectorFocus(input(over)).kind;

describe('projectorFocus: what fills the projector', () => {
  it('shows the current segment when nothing is in focus', () => {
    expect(kind()).toBe('segment');
    // A focus on a board that is gone (archived away, a stale id) falls back to the segment.
    expect(kind({ focusBoardId: 'board-gone' })).toBe('segment');
  });

  it('shows the plenary board everyone was brought to', () => {
    expect(projectorFocus(input({ focusBoardId: 'board-1' }))).toEqual({ kind: 'board', board: plenary });
  });

  it('shows a room board in focus as the spotlight, before the gallery', () => {
    const b = breakout({ status: 'closed', galleryOpen: true });
    const focus = projectorFocus(
      input({ breakouts: { current: b, history: [] }, focusBoardId: room(1).boardId }),
    );
    expect(focus).toEqual({ kind: 'spotlight', room: room(1) });
  });

  it('shows the gallery once it opens, with every room', () => {
    const b = breakout({ status: 'closed', galleryOpen: true });
    expect(projectorFocus(input({ breakouts: { current: b, history: [] } }))).toEqual({
      kind: 'gallery',
      rooms: b.rooms,
    });
  });

  it('shows the open rooms, even over a plenary board left in focus (nothing stale)', () => {
    const b = breakout({ status: 'open', endsAt: 10_000 });
    const breakouts = { current: b, history: [] };
    expect(kind({ breakouts })).toBe('rooms');
    expect(kind({ breakouts, focusBoardId: 'board-1' })).toBe('rooms');
    expect(roomsOpen(breakouts)).toBe(true);
  });

  it('leaves drafted and closed rooms out of it', () => {
    expect(kind({ breakouts: { current: breakout({ status: 'draft' }), history: [] } })).toBe('segment');
    const closed = { current: breakout({ status: 'closed' }), history: [] };
    expect(kind({ breakouts: closed, focusBoardId: 'board-1' })).toBe('board');
    expect(roomsOpen(closed)).toBe(false);
    expect(roomsOpen(none)).toBe(false);
  });
});

describe('questionsShown', () => {
  const segments = [
    { id: 's1', kind: 'talk' as const },
    { id: 's2', kind: 'qa' as const },
  ];
  it('shows the top questions during a Q&A segment only', () => {
    expect(questionsShown({ segments, currentId: 's2' })).toBe(true);
    expect(questionsShown({ segments, currentId: 's1' })).toBe(false);
    expect(questionsShown({ segments, currentId: null })).toBe(false);
  });
});

describe('joinLink', () => {
  it('builds the join link and its short form to type', () => {
    expect(joinLink('https://kring.example/', 'K7MPQ2')).toBe('https://kring.example/j/K7MPQ2');
    expect(shortLink('https://kring.example/j/K7MPQ2')).toBe('kring.example/j/K7MPQ2');
    expect(shortLink('http://127.0.0.1:4393/j/K7MPQ2')).toBe('127.0.0.1:4393/j/K7MPQ2');
  });
});

describe('galleryColumns', () => {
  it('puts up to four boards side by side, then two rows of at most five', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 10, 12].map(galleryColumns)).toEqual([1, 2, 3, 4, 3, 3, 4, 5, 5]);
    expect(galleryColumns(0)).toBe(1);
  });
});
