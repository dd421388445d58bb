import { describe, expect, it } from 'vitest';
import { Command } from './commands';
import { SessionEvent } from './events';
import { LIMITS } from './limits';

const valid = (command: unknown) => Command.safeParse(command).success;

describe('command schemas (issue 3)', () => {
  it('takes floor commands with or without a scope, and no extra fields', () => {
    expect(valid({ type: 'hand.raise' })).toBe(true);
    expect(valid({ type: 'hand.raise', scope: 'plenary' })).toBe(true);
    expect(valid({ type: 'hand.raise', participantId: 'someone1' })).toBe(false);
    expect(valid({ type: 'hand.raise', scope: 'x' })).toBe(false);
  });

  it('checks each floor mode’s setup on its own terms', () => {
    expect(
      valid({ type: 'floor.start', setup: { mode: 'round', orderBy: 'random', participantIds: ['part01'] } }),
    ).toBe(true);
    expect(valid({ type: 'floor.start', setup: { mode: 'round', orderBy: 'alphabetical' } })).toBe(false);
    expect(valid({ type: 'floor.start', setup: { mode: 'fishbowl', seats: 0 } })).toBe(false);
    expect(
      valid({ type: 'floor.start', setup: { mode: 'fishbowl', seats: LIMITS.fishbowlSeatsMax + 1 } }),
    ).toBe(false);
    expect(valid({ type: 'floor.start', setup: { mode: 'reflecting', teamIds: [] } })).toBe(false);
    expect(valid({ type: 'floor.start', setup: { mode: 'piece', seats: 3 } })).toBe(false);
  });

  it('bounds question and announcement text and trims it', () => {
    expect(Command.parse({ type: 'qa.ask', text: '  Why?  ' })).toEqual({ type: 'qa.ask', text: 'Why?' });
    expect(valid({ type: 'qa.ask', text: 'x'.repeat(LIMITS.questionTextMax + 1) })).toBe(false);
    expect(valid({ type: 'announcement.post', text: '' })).toBe(false);
  });

  it('lets timers be adjusted down but not started at zero', () => {
    expect(valid({ type: 'timer.adjust', deltaMs: -60_000 })).toBe(true);
    expect(valid({ type: 'timer.start', durationMs: 0 })).toBe(false);
    expect(valid({ type: 'timer.start', durationMs: LIMITS.timerMaxMs + 1 })).toBe(false);
  });

  it('parses the placeholder for a redacted event, so the version chain survives on the wire', () => {
    expect(SessionEvent.parse({ type: 'event.redacted', v: 12, at: 5 })).toEqual({
      type: 'event.redacted',
      v: 12,
      at: 5,
    });
  });
});

describe('board command schemas (issue 4)', () => {
  it('names templates, colours and reactions from fixed sets', () => {
    expect(valid({ type: 'board.add', title: 'Harvest', templateId: 'summit-planning' })).toBe(true);
    expect(valid({ type: 'board.add', title: 'Harvest', templateId: 'kanban' })).toBe(false);
    expect(valid({ type: 'note.add', boardId: 'board1', text: 'hi', color: 'red' })).toBe(false);
    expect(
      valid({ type: 'note.react', boardId: 'board1', noteId: 'n1', reaction: 'thumbs-down', on: true }),
    ).toBe(false);
  });

  it('casts one vote at a time and bounds budgets', () => {
    expect(valid({ type: 'vote.cast', boardId: 'board1', noteId: 'n1', delta: 1 })).toBe(true);
    expect(valid({ type: 'vote.cast', boardId: 'board1', noteId: 'n1', delta: 2 })).toBe(false);
    expect(
      valid({
        type: 'vote.open',
        boardId: 'board1',
        budget: LIMITS.voteBudgetMax + 1,
        capPerNote: 1,
        hidden: false,
      }),
    ).toBe(false);
    expect(valid({ type: 'vote.open', boardId: 'board1', budget: 0, capPerNote: 1, hidden: false })).toBe(
      false,
    );
  });

  it('needs a text or a colour to edit a note, and takes no author from the client', () => {
    expect(valid({ type: 'note.edit', boardId: 'board1', noteId: 'n1' })).toBe(false);
    expect(valid({ type: 'note.edit', boardId: 'board1', noteId: 'n1', color: 'blue' })).toBe(true);
    expect(
      valid({ type: 'note.add', boardId: 'board1', text: 'hi', color: 'blue', authorId: 'part01' }),
    ).toBe(false);
    expect(valid({ type: 'board.focus', boardId: null })).toBe(true);
  });
});
