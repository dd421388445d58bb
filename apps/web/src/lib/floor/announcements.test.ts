import { describe, expect, it } from 'vitest';
import { floorAnnouncements } from './announcements';
import { fishbowl, hand, ids, open, people, piece, reflecting, round, speaking } from './fixtures';

const say = (
  before: Parameters<typeof floorAnnouncements>[0],
  after: Parameters<typeof floorAnnouncements>[1],
  you: string,
) => floorAnnouncements(before, after, you, people);

describe('floor announcements: transitions only (F5)', () => {
  it('says nothing when the floor did not change (a re-render, another part of the session)', () => {
    const floor = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    expect(say(floor, { ...floor }, ids.bo)).toEqual([]);
    expect(say(floor, { ...floor }, ids.ana)).toEqual([]);
  });

  it('tells you it is your turn, and nobody else hears your name as news twice', () => {
    const before = open({ hands: [hand(ids.ana), hand(ids.bo)] });
    const after = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    expect(say(before, after, ids.ana)).toEqual(['It is your turn.']);
    expect(say(before, after, ids.cas)).toEqual(['Ana is speaking now.']);
  });

  it('tells you when you are next', () => {
    const before = open({ hands: [hand(ids.ana)] });
    const after = open({ hands: [hand(ids.ana), hand(ids.bo)] });
    expect(say(before, after, ids.bo)).toEqual([]); // second in line is not next
    const given = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    expect(say(after, given, ids.bo)).toEqual(['You are next.', 'Ana is speaking now.']);
  });

  it('tells you your turn ended; others hear the floor is free', () => {
    const before = open({ speaker: speaking(ids.ana) });
    const after = open();
    expect(say(before, after, ids.ana)).toEqual(['Your turn has ended.']);
    expect(say(before, after, ids.bo)).toEqual(['Nobody has the floor now.']);
  });

  it('a turn given again to the same person is news again', () => {
    const before = open({ speaker: speaking(ids.ana, 1000) });
    const after = open({ speaker: speaking(ids.ana, 5000) });
    expect(say(before, after, ids.ana)).toEqual(['It is your turn.']);
    expect(say(before, after, ids.bo)).toEqual(['Ana is speaking now.']);
  });

  it('says when your raised hand went down without getting the floor', () => {
    const before = open({ hands: [hand(ids.ana)] });
    expect(say(before, open(), ids.ana)).toEqual(['Your hand is lowered.']);
    expect(say(before, open({ speaker: speaking(ids.ana) }), ids.ana)).toEqual(['It is your turn.']);
  });

  it('round: start, done, pass, complete', () => {
    const order = [ids.ana, ids.bo, ids.cas];
    const start = round(order);
    expect(say(open(), start, ids.ana)).toEqual(['The floor changed to: Round.', 'It is your turn.']);
    expect(say(open(), start, ids.bo)).toEqual([
      'The floor changed to: Round.',
      'You are next.',
      'Ana is speaking now.',
    ]);
    const second = round(order, { turns: [{ participantId: ids.ana, outcome: 'spoke', at: 2 }] });
    expect(say(start, second, ids.ana)).toEqual(['Your turn has ended.', 'Bo is speaking now.']);
    expect(say(start, second, ids.bo)).toEqual(['It is your turn.']);
    expect(say(start, second, ids.cas)).toEqual(['You are next.', 'Bo is speaking now.']);
    const done = round(order, {
      turns: order.map((participantId, at) => ({ participantId, outcome: 'spoke' as const, at })),
    });
    const last = round(order, { turns: done.turns.slice(0, 2) });
    expect(say(last, done, ids.ana)).toEqual(['The round is complete.']);
    expect(say(done, round(order), ids.cas)).toEqual(['A new round has started.', 'Ana is speaking now.']);
  });

  it('talking piece: taken, handed on, back in the centre', () => {
    expect(say(piece(null), piece(ids.ana), ids.bo)).toEqual(['Ana holds the talking piece.']);
    expect(say(piece(ids.ana), piece(ids.bo), ids.bo)).toEqual([
      'It is your turn: you hold the talking piece.',
    ]);
    expect(say(piece(ids.ana), piece(null), ids.bo)).toEqual(['The talking piece is back in the centre.']);
  });

  it('fishbowl and reflecting team', () => {
    expect(say(fishbowl([]), fishbowl([ids.ana]), ids.ana)).toEqual([
      'You are in the inner circle: you may speak.',
    ]);
    expect(say(fishbowl([ids.ana]), fishbowl([]), ids.ana)).toEqual(['You are back in the outer circle.']);
    expect(say(fishbowl([]), fishbowl([ids.ana]), ids.bo)).toEqual([]);
    const team = reflecting([ids.ana]);
    const others = reflecting([ids.ana], 'others');
    expect(say(team, others, ids.ana)).toEqual(['Others respond.', 'Please listen now.']);
    expect(say(team, others, ids.bo)).toEqual(['Others respond.', 'You may speak now.']);
  });

  it('observers hear the floor but never "your turn"', () => {
    const before = open({ hands: [hand(ids.ana)] });
    const after = open({ speaker: speaking(ids.ana) });
    expect(floorAnnouncements(before, after, ids.obs, people, false)).toEqual(['Ana is speaking now.']);
  });
});
