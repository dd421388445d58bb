import { describe, expect, it } from 'vitest';
import { Command } from '@kring/protocol';
import { BREAKOUT_PRESETS, findBreakoutPreset } from './breakouts';

describe('S3 breakout presets', () => {
  it.each(BREAKOUT_PRESETS.map((p) => [p.id, p] as const))(
    '%s is a valid breakout.create command',
    (_id, p) => {
      expect(Command.safeParse(p.create).success).toBe(true);
      expect(p.durationMinutes).toBeGreaterThan(0);
      expect(p.assign === 'choose').toBe(p.create.selfSelect === true);
    },
  );

  it('S3: the IPS overview segments: random rooms of five; self-selected task rooms capped at eight', () => {
    expect(findBreakoutPreset('ips-check-in')?.create.rooms).toEqual({ by: 'size', size: 5 });
    const tasks = findBreakoutPreset('ips-four-tasks')?.create.rooms;
    expect(tasks?.by).toBe('names');
    if (tasks?.by !== 'names') return;
    expect(tasks.rooms.map((r) => r.name)).toEqual([
      'Connection',
      'Worldview',
      'Mutuality',
      'Moving towards',
    ]);
    expect(tasks.rooms.every((r) => r.capacity === 8)).toBe(true);
    expect(findBreakoutPreset('nope')).toBeUndefined();
  });
});
