import { describe, expect, it } from 'vitest';
import { CircleCommand } from '@kring/protocol';
import { BOARD_PRESETS, addBoardCommand } from './board-presets';

/** A host's choice of lasting board as the circle command the server takes (CI26). */

const dutch = { todo: 'Te doen', doing: 'Bezig', done: 'Klaar' };

describe('addBoardCommand', () => {
  it('makes an actions board a columns board with the three columns in the given language', () => {
    expect(addBoardCommand('actions', '  Afspraken  ', dutch)).toEqual({
      type: 'circleBoard.add',
      title: 'Afspraken',
      templateId: 'columns',
      columns: ['Te doen', 'Bezig', 'Klaar'],
    });
  });

  it.each(['decisions', 'ideas'] as const)('makes a %s board a blank board without columns', (preset) => {
    expect(addBoardCommand(preset, 'Next time', dutch)).toEqual({
      type: 'circleBoard.add',
      title: 'Next time',
      templateId: 'blank',
    });
  });

  it.each(BOARD_PRESETS)('gives a command the protocol accepts for %s', (preset) => {
    expect(CircleCommand.safeParse(addBoardCommand(preset, 'Board', dutch)).success).toBe(true);
  });
});
