import type { FloorView } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { floorSummary } from './floor-summary';

const names: Record<string, string> = { 'p-ana-1': 'Ana', 'p-bo-22': 'Bo', 'p-cas-3': 'Cas' };
const nameOf = (id: string) => names[id] ?? 'Someone';
const common = { softTurnMs: null, balance: null };

describe('floorSummary', () => {
  it('tells an open floor: speaker, next and hands', () => {
    const floor: FloorView = {
      mode: 'open',
      ...common,
      speaker: { participantId: 'p-ana-1', startedAt: 1 },
      hands: [
        { participantId: 'p-bo-22', raisedAt: 2 },
        { participantId: 'p-cas-3', raisedAt: 3 },
      ],
      quietFirst: false,
      next: 'p-bo-22',
    };
    expect(floorSummary(floor, nameOf)).toMatchObject({
      mode: 'Open floor',
      speakers: ['Ana'],
      next: 'Bo',
      detail: '2 hands raised',
    });
  });

  it('tells a round: turns to go, and when it is complete', () => {
    const floor: FloorView = {
      mode: 'round',
      ...common,
      speaker: { participantId: 'p-bo-22', startedAt: 1 },
      orderBy: 'join',
      order: ['p-ana-1', 'p-bo-22', 'p-cas-3'],
      turns: [{ participantId: 'p-ana-1', outcome: 'passed', at: 1 }],
      next: 'p-cas-3',
    };
    expect(floorSummary(floor, nameOf)).toMatchObject({
      speakers: ['Bo'],
      next: 'Cas',
      detail: /2 turns to go/,
    });
    const over = floorSummary(
      {
        ...floor,
        speaker: null,
        next: null,
        turns: floor.order.map((id) => ({ participantId: id, outcome: 'spoke' as const, at: 1 })),
      },
      nameOf,
    );
    expect(over).toMatchObject({ speakers: [], whenNobody: 'The round is complete', detail: null });
  });

  it('tells the piece, the fishbowl and the reflecting team', () => {
    expect(floorSummary({ mode: 'piece', ...common, speaker: null, next: null }, nameOf)).toMatchObject({
      mode: 'Talking piece',
      whenNobody: 'The piece is in the centre',
    });
    const bowl = floorSummary(
      {
        mode: 'fishbowl',
        ...common,
        speaker: null,
        next: null,
        seats: 3,
        inner: [{ participantId: 'p-cas-3', since: 1 }],
      },
      nameOf,
    );
    expect(bowl).toMatchObject({ speakers: ['Cas'], detail: '1 of 3 seats taken' });
    const team = { mode: 'reflecting' as const, ...common, speaker: null, next: null, team: ['p-ana-1'] };
    expect(floorSummary({ ...team, phase: 'team' }, nameOf)).toMatchObject({ speakers: ['Ana'] });
    expect(floorSummary({ ...team, phase: 'others' }, nameOf)).toMatchObject({
      speakingLabel: 'Everyone else responds',
      speakers: [],
    });
  });
});
