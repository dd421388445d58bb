import { describe, expect, it } from 'vitest';
import { fishbowl, hand, ids, open, people, piece, reflecting, round, speaking } from './fixtures';
import { floorSummary, MODE_LABEL, ordinal, yourPlace } from './labels';

describe('floorSummary: who speaks now and who is next, for every screen', () => {
  it('open floor', () => {
    expect(floorSummary(open(), people, ids.ana)).toEqual({
      speakingLabel: 'Speaking now',
      speaking: 'Nobody has been given the floor',
      next: 'Nobody is waiting',
    });
    const floor = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    expect(floorSummary(floor, people, ids.bo)).toMatchObject({ speaking: 'Ana', next: 'You' });
  });

  it('round: speaker, next, last turn and a complete round', () => {
    const order = [ids.ana, ids.bo, ids.cas];
    expect(floorSummary(round(order), people, ids.host)).toMatchObject({ speaking: 'Ana', next: 'Bo' });
    const last = round(order, {
      turns: [
        { participantId: ids.ana, outcome: 'spoke', at: 1 },
        { participantId: ids.bo, outcome: 'passed', at: 2 },
      ],
    });
    expect(floorSummary(last, people, ids.host)).toMatchObject({
      speaking: 'Cas',
      next: 'Nobody: this is the last turn',
    });
    const done = round(order, {
      turns: order.map((participantId) => ({ participantId, outcome: 'spoke' as const, at: 1 })),
    });
    expect(floorSummary(done, people, ids.host)).toMatchObject({
      speaking: 'The round is complete',
      next: null,
    });
  });

  it('talking piece, fishbowl and reflecting team', () => {
    expect(floorSummary(piece(null), people, ids.ana).speaking).toBe('Nobody: the piece is in the centre');
    expect(floorSummary(piece(ids.ana), people, ids.bo)).toMatchObject({
      speakingLabel: 'Holding the piece',
      speaking: 'Ana',
      next: null,
    });
    expect(floorSummary(fishbowl([ids.ana, ids.bo]), people, ids.bo).speaking).toBe('Ana and You');
    expect(floorSummary(fishbowl([]), people, ids.bo).speaking).toBe('Nobody yet');
    expect(floorSummary(reflecting([ids.ana, ids.bo]), people, ids.cas).speaking).toBe(
      'The team: Ana and Bo',
    );
    expect(floorSummary(reflecting([ids.ana], 'others'), people, ids.cas).speaking).toBe(
      'Everyone who is not on the team',
    );
  });
});

describe('yourPlace: may I speak now? (F4)', () => {
  it('open floor: nobody given the floor means everyone may speak', () => {
    expect(yourPlace(open(), ids.ana, people, true)).toMatchObject({ maySpeak: true, yourTurn: false });
    const given = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    expect(yourPlace(given, ids.ana, people, true)).toEqual({
      text: 'It is your turn. You have the floor.',
      maySpeak: true,
      yourTurn: true,
    });
    expect(yourPlace(given, ids.bo, people, true)).toMatchObject({
      text: 'You are next. Ana is speaking.',
      maySpeak: false,
    });
    expect(yourPlace(given, ids.cas, people, true)).toMatchObject({
      text: 'Ana has the floor. Please listen.',
    });
  });

  it('observers follow without taking the floor (F3)', () => {
    expect(yourPlace(open(), ids.obs, people, false)).toMatchObject({ maySpeak: false, yourTurn: false });
  });

  it('round: your turn offers passing as equally fine; after the round everyone may speak', () => {
    const floor = round([ids.ana, ids.bo]);
    expect(yourPlace(floor, ids.ana, people, true).text).toMatch(/^It is your turn\. Speak, or pass/);
    expect(yourPlace(floor, ids.bo, people, true)).toMatchObject({
      text: 'You are next, after Ana.',
      maySpeak: false,
    });
    const done = round([ids.ana], { turns: [{ participantId: ids.ana, outcome: 'passed', at: 1 }] });
    expect(yourPlace(done, ids.bo, people, true)).toMatchObject({ maySpeak: true });
  });

  it('talking piece, fishbowl, reflecting team', () => {
    expect(yourPlace(piece(ids.ana), ids.ana, people, true)).toMatchObject({
      yourTurn: true,
      maySpeak: true,
    });
    expect(yourPlace(piece(null), ids.ana, people, true)).toMatchObject({ maySpeak: false });
    expect(yourPlace(fishbowl([ids.ana]), ids.ana, people, true).maySpeak).toBe(true);
    expect(yourPlace(fishbowl([ids.ana]), ids.bo, people, true).maySpeak).toBe(false);
    expect(yourPlace(reflecting([ids.ana]), ids.ana, people, true).maySpeak).toBe(true);
    expect(yourPlace(reflecting([ids.ana]), ids.bo, people, true).maySpeak).toBe(false);
    expect(yourPlace(reflecting([ids.ana], 'others'), ids.bo, people, true).maySpeak).toBe(true);
    expect(yourPlace(reflecting([ids.ana], 'others'), ids.ana, people, true).maySpeak).toBe(false);
  });
});

describe('small words', () => {
  it('names every mode plainly', () => {
    expect(Object.values(MODE_LABEL)).toEqual([
      'Open floor',
      'Round',
      'Talking piece',
      'Fishbowl',
      'Reflecting team',
    ]);
  });

  it('ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});
