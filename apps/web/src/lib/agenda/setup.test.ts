import { describe, expect, it } from 'vitest';
import { emptyFields, fieldsOf, setupOf, setupSummary, type SetupFields } from './setup';

const presetMinutes = () => 12;
const fields = (over: Partial<SetupFields>): SetupFields => ({ ...emptyFields(), ...over });

describe('segment setup fields (core A8, as the form holds them)', () => {
  it('an empty form is no setup: Start then only makes the segment current', () => {
    expect(setupOf(emptyFields(), presetMinutes)).toEqual({ ok: true, setup: null });
  });

  it('turns every part into the protocol shape', () => {
    const result = setupOf(
      fields({
        timerMinutes: ' 8 ',
        floor: 'round-random',
        boardId: 'b1',
        phase: 'private',
        locked: true,
        vote: true,
        voteBudget: '5',
        presetId: 'ips-four-tasks',
        roomMinutes: '30',
      }),
      presetMinutes,
    );
    expect(result).toEqual({
      ok: true,
      setup: {
        timerMinutes: 8,
        floor: { mode: 'round', orderBy: 'random' },
        board: {
          boardId: 'b1',
          phase: 'private',
          locked: true,
          vote: { budget: 5, capPerNote: 5, hidden: false },
        },
        breakout: { presetId: 'ips-four-tasks', minutes: 30 },
      },
    });
  });

  it("rooms without minutes take the preset's length", () => {
    expect(setupOf(fields({ presetId: 'ips-check-in' }), presetMinutes)).toEqual({
      ok: true,
      setup: { breakout: { presetId: 'ips-check-in', minutes: 12 } },
    });
  });

  it('names the field that is wrong instead of sending a broken command', () => {
    expect(setupOf(fields({ timerMinutes: '8.5' }), presetMinutes)).toEqual({ ok: false, problem: 'timer' });
    expect(setupOf(fields({ timerMinutes: '0' }), presetMinutes)).toEqual({ ok: false, problem: 'timer' });
    expect(setupOf(fields({ floor: 'fishbowl' }), presetMinutes)).toEqual({
      ok: false,
      problem: 'floorCount',
    });
    expect(setupOf(fields({ boardId: 'b', vote: true, voteBudget: 'x' }), presetMinutes)).toEqual({
      ok: false,
      problem: 'voteBudget',
    });
    expect(setupOf(fields({ presetId: 'pairs', roomMinutes: '-3' }), presetMinutes)).toEqual({
      ok: false,
      problem: 'roomMinutes',
    });
  });

  it('reads a stored setup back into the same fields (round trip)', () => {
    const setups = [
      { timerMinutes: 10 },
      { floor: { mode: 'fishbowl' as const, seats: 4 } },
      { floor: { mode: 'reflecting' as const, teamSize: 3 } },
      { floor: { mode: 'open' as const, quietFirst: true } },
      { board: { boardId: 'b2', phase: 'open' as const } },
      { breakout: { presetId: 'pairs' as const, minutes: 10 } },
    ];
    for (const setup of setups) expect(setupOf(fieldsOf(setup), presetMinutes)).toEqual({ ok: true, setup });
  });

  it('summarises the plan in short words, naming the board', () => {
    const parts = setupSummary({ timerMinutes: 8, board: { boardId: 'b1', phase: 'private' } }, [
      { id: 'b1', title: 'The four IPS tasks' },
    ]);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('8');
    expect(parts[1]).toContain('The four IPS tasks');
    expect(setupSummary(null, [])).toEqual([]);
  });
});
