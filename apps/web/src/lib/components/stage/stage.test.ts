import { describe, expect, it } from 'vitest';
import { room } from '$lib/breakouts/fixtures';
import { hand, ids, open, round, speaking } from '$lib/floor/fixtures';
import { stageItems, stageMark, type StageInput } from './stage';

const base: StageInput = {
  floor: null,
  you: ids.ana,
  takesPart: true,
  room: null,
  roomEndsAt: null,
  announcements: [],
  focusBoard: null,
};
const kinds = (input: Partial<StageInput>) => stageItems({ ...base, ...input }).map((i) => i.kind);

describe('stageItems', () => {
  it('shows nothing when nothing concerns you', () => {
    expect(kinds({ floor: open() })).toEqual([]);
    expect(stageMark(stageItems({ ...base, floor: open() }))).toBeNull();
  });

  it('says it is your turn, or that you are next, in a round and on the open floor', () => {
    expect(kinds({ floor: round([ids.ana, ids.bo]) })).toEqual(['turn']);
    expect(kinds({ floor: round([ids.bo, ids.ana]) })).toEqual(['next']);
    expect(kinds({ floor: open({ speaker: speaking(ids.bo), hands: [hand(ids.ana)] }) })).toEqual(['next']);
    expect(kinds({ floor: open({ speaker: speaking(ids.ana) }) })).toEqual(['turn']);
  });

  it('leaves the turn out for observers (F3)', () => {
    expect(kinds({ floor: round([ids.ana, ids.bo]), takesPart: false })).toEqual([]);
  });

  it('orders: your turn, your room, the newest announcement, the board', () => {
    const r = room(1, { callUrl: 'https://call.example/1' });
    const items = stageItems({
      ...base,
      floor: round([ids.ana]),
      room: r,
      roomEndsAt: 5000,
      announcements: [
        { id: 'a1', text: 'old' },
        { id: 'a2', text: 'new' },
      ],
    });
    expect(items).toEqual([
      { kind: 'turn', inRoom: true },
      { kind: 'room', room: r, endsAt: 5000 },
      { kind: 'announcement', id: 'a2', text: 'new' },
    ]);
    expect(stageMark(items)).toBe('turn');
  });

  it('marks the title for open rooms, and shows the board only in the plenary', () => {
    const items = stageItems({ ...base, room: room(1), focusBoard: { id: 'b1', title: 'Check-in' } });
    expect(items.map((i) => i.kind)).toEqual(['room']);
    expect(stageMark(items)).toBe('rooms');
    expect(
      kinds({ focusBoard: { id: 'b1', title: 'Check-in' }, announcements: [{ id: 'a', text: 't' }] }),
    ).toEqual(['announcement', 'board']);
  });
});
