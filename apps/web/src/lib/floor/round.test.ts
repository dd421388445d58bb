import { describe, expect, it } from 'vitest';
import { ids, round } from './fixtures';
import { mayPass, roundComplete, roundProgress, roundRows } from './round';

describe('round display (F-R2, F-R7)', () => {
  const order = [ids.ana, ids.bo, ids.cas, ids.host];

  it('shows each person in order with a neutral status', () => {
    const floor = round(order, { turns: [{ participantId: ids.ana, outcome: 'passed', at: 1 }] });
    expect(roundRows(floor).map((r) => r.status)).toEqual(['passed', 'speaking', 'next', 'waiting']);
    expect(roundProgress(floor)).toBe('1 of 4 turns taken.');
    expect(roundComplete(floor)).toBe(false);
  });

  it('someone who passed ahead of their turn is shown as passed, and the next is the one after', () => {
    const floor = round(order, { turns: [{ participantId: ids.bo, outcome: 'passed', at: 1 }] });
    expect(roundRows(floor).map((r) => r.status)).toEqual(['speaking', 'passed', 'next', 'waiting']);
  });

  it('is complete when everyone has an outcome, also when all passed (F-R6)', () => {
    const floor = round([ids.ana, ids.bo], {
      turns: [
        { participantId: ids.ana, outcome: 'passed', at: 1 },
        { participantId: ids.bo, outcome: 'skipped', at: 2 },
      ],
    });
    expect(roundComplete(floor)).toBe(true);
    expect(roundRows(floor).map((r) => r.status)).toEqual(['passed', 'skipped']);
  });

  it('anyone still waiting may pass, on their turn or ahead of it (F-R4)', () => {
    const floor = round([ids.ana, ids.bo], { turns: [{ participantId: ids.ana, outcome: 'spoke', at: 1 }] });
    expect(mayPass(floor, ids.bo)).toBe(true);
    expect(mayPass(floor, ids.ana)).toBe(false);
    expect(mayPass(floor, ids.cas)).toBe(false);
  });
});
