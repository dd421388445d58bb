import type { Command } from '@kring/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { stepsText, type StepNames } from './steps';

const original = getLocale;
const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(original));

const names: StepNames = {
  segment: (id) => ({ 'seg-check': 'Check-in' })[id] ?? null,
  board: (id) => ({ 'b-tasks': 'The four IPS tasks' })[id] ?? null,
};

/** What core's `segmentSteps` gives for the IPS overview's writing segment, leaving a check-in round. */
const writing: Command[] = [
  { type: 'timer.clear', scope: 'plenary' },
  { type: 'board.focus', boardId: null },
  { type: 'agenda.jump', segmentId: 'seg-check' },
  { type: 'timer.start', scope: 'plenary', durationMs: 8 * 60_000, label: 'Writing' },
  { type: 'floor.start', scope: 'plenary', setup: { mode: 'round', orderBy: 'random' } },
  { type: 'board.setLock', boardId: 'b-tasks', locked: false },
  { type: 'board.focus', boardId: 'b-tasks' },
  { type: 'board.setPhase', boardId: 'b-tasks', phase: 'private' },
  { type: 'vote.open', boardId: 'b-tasks', budget: 3, capPerNote: 3, hidden: false },
];

describe('Start preview (A8: the steps of Start in words)', () => {
  it('A8 says each step of a segment in one short sentence, in order', () => {
    speak('en');
    expect(stepsText(writing, names)).toEqual([
      'Clear the timer',
      'Let everyone choose their board again',
      'Move the agenda to “Check-in”',
      'Start a timer for 8 minutes',
      'Start a round (in random order)',
      'Open “The four IPS tasks” for writing',
      'Bring everyone to “The four IPS tasks”',
      'Private writing on “The four IPS tasks”',
      'Open a dot vote on “The four IPS tasks”: 3 dots each',
    ]);
  });

  it('A8 words rooms from a preset: named rooms, self-select, a random deal and their length', () => {
    speak('en');
    const rooms: Command[] = [
      {
        type: 'breakout.create',
        rooms: { by: 'names', rooms: [{ name: 'Connection' }, { name: 'Mutuality' }] },
        selfSelect: true,
      },
      { type: 'breakout.create', rooms: { by: 'size', size: 5 } },
      { type: 'breakout.assign', assign: { mode: 'random', groups: [] } },
      { type: 'breakout.open', durationMs: 30 * 60_000 },
    ];
    expect(stepsText(rooms, names)).toEqual([
      'Make rooms: Connection, Mutuality',
      'People choose their own room',
      'Make rooms of 5 people',
      'Deal everyone into the rooms at random',
      'Open the rooms for 30 minutes',
    ]);
  });

  it('A8 names a board or segment it cannot find generically instead of by id', () => {
    speak('en');
    expect(
      stepsText(
        [
          { type: 'board.setPhase', boardId: 'gone', phase: 'open' },
          { type: 'agenda.jump', segmentId: 'gone' },
        ],
        names,
      ),
    ).toEqual(['Reveal the drafts on “a board”', 'Move the agenda to “a segment”']);
  });

  it('A8 speaks Dutch and French, with the singular where the language takes it', () => {
    const one: Command[] = [
      { type: 'timer.start', scope: 'plenary', durationMs: 60_000 },
      { type: 'floor.start', scope: 'plenary', setup: { mode: 'open', quietFirst: true } },
    ];
    speak('nl');
    expect(stepsText(one, names)).toEqual([
      'Een timer van 1 minuut starten',
      'Open gesprek, stille stemmen eerst',
    ]);
    speak('fr');
    expect(stepsText(one, names)).toEqual([
      'Lancer un minuteur de 1 minute',
      "Ouvrir la parole, les voix discrètes d'abord",
    ]);
    expect(stepsText([{ type: 'timer.start', scope: 'plenary', durationMs: 8 * 60_000 }], names)).toEqual([
      'Lancer un minuteur de 8 minutes',
    ]);
  });
});
