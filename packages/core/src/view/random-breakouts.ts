import { PLENARY } from '@kring/protocol';
import { roomMembers } from '../breakouts/room-floor';
import { balancedGroups, isAssignable } from '../breakouts/rules';
import { ADA, COFAC, HOST, type TestSession, shuffled } from '../testing';

/**
 * Breakout commands for the seeded random sessions (BR rules): rooms drafted, dealt, moved, opened
 * and closed, hosts and visits, and floors and timers run inside rooms by their members, hosts and
 * facilitators, so redaction is checked while access to rooms grows and shrinks. Test-only.
 */

export type Move = [weight: number, make: () => [actor: string, command: unknown]];

const FLOOR_MOVES: Record<string, string[]> = {
  open: ['hand.raise', 'hand.raise', 'hand.lower', 'floor.endTurn', 'floor.give'],
  round: ['round.pass', 'round.done', 'round.done', 'round.skip'],
  piece: ['piece.take', 'piece.take'],
  fishbowl: ['fishbowl.enter', 'fishbowl.leave', 'fishbowl.setSeats'],
  reflecting: ['hand.raise', 'reflecting.setPhase'],
};

export function breakoutMoves(s: TestSession, random: () => number): Move[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const current = () => s.state.breakouts.current;
  const rooms = () => (current()?.rooms ?? []).map((r) => r.id);
  const someRoom = () => (random() < 0.05 ? 'nosuch01' : (pick(rooms()) ?? 'nosuch01'));
  const assignable = () => Object.keys(s.state.participants).filter((id) => isAssignable(s.state, id));
  const people = () =>
    Object.values(s.state.participants)
      .filter((p) => !p.removed)
      .map((p) => p.id);
  /** Mostly someone of the room (a member, its host, a facilitator), sometimes anyone. */
  const actorFor = (room: string) => {
    const members = roomMembers(s.state, room);
    const host = current()?.rooms.find((r) => r.id === room)?.host;
    const choices = [...members, ...members, ...(host ? [host, host] : []), COFAC];
    return random() < 0.15 ? pick(people()) : pick(choices);
  };
  /** The wire schema wants at least one person; an outsider then tests the refusal (BR15). */
  const orSomeone = (ids: string[]) => (ids.length > 0 ? ids : [pick(people())]);
  const setupFor = (room: string) => {
    const members = roomMembers(s.state, room);
    const some = orSomeone(members.filter(() => random() < 0.6));
    return pick([
      { mode: 'open', quietFirst: random() < 0.5 },
      { mode: 'round', orderBy: 'join' },
      { mode: 'round', orderBy: 'random', participantIds: orSomeone(shuffled(members, random)) },
      { mode: 'piece' },
      { mode: 'fishbowl', seats: 2 },
      { mode: 'reflecting', teamIds: some },
    ]);
  };
  const roomFloorCommand = (room: string): unknown => {
    const floor = s.state.floors[room];
    const r = random();
    if (r < 0.15) return { type: 'floor.start', scope: room, setup: setupFor(room) };
    if (r < 0.3) {
      const action = pick(['timer.start', 'timer.pause', 'timer.resume', 'timer.adjust', 'timer.clear']);
      if (action === 'timer.start') return { type: action, scope: room, durationMs: 120_000 };
      if (action === 'timer.adjust') return { type: action, scope: room, deltaMs: 30_000 };
      return { type: action, scope: room };
    }
    const member = pick(roomMembers(s.state, room)) ?? HOST;
    const type = pick(FLOOR_MOVES[floor?.mode ?? 'open'] ?? ['hand.raise']);
    switch (type) {
      case 'fishbowl.setSeats':
        return { type, scope: room, seats: 1 + Math.floor(random() * 3) };
      case 'reflecting.setPhase':
        return { type, scope: room, phase: pick(['team', 'others']) };
      case 'floor.give':
        return random() < 0.5 ? { type, scope: room } : { type, scope: room, participantId: member };
      case 'piece.take':
        return random() < 0.3 ? { type: 'piece.pass', scope: room, to: member } : { type, scope: room };
      default:
        return { type, scope: room };
    }
  };
  return [
    [
      2,
      () => [
        HOST,
        {
          type: 'breakout.create',
          rooms: pick([
            { by: 'count', count: 2 + Math.floor(random() * 2) },
            { by: 'names', rooms: [{ name: 'Here', capacity: 2 }, { name: 'There' }] },
            { by: 'size', size: 2 },
          ]),
          selfSelect: random() < 0.3,
          boardTemplateId: pick(['blank', 'check-in', 'ips-four-tasks']),
        },
      ],
    ],
    [
      3,
      () => [
        HOST,
        {
          type: 'breakout.assign',
          assign:
            random() < 0.8
              ? {
                  mode: 'random',
                  groups: balancedGroups(shuffled(assignable(), random), rooms().length || 1),
                }
              : { mode: 'keep' },
        },
      ],
    ],
    [
      3,
      () => [
        COFAC,
        {
          type: 'breakout.move',
          participantId: pick(assignable()) ?? ADA,
          roomId: random() < 0.2 ? null : someRoom(),
        },
      ],
    ],
    [2, () => [pick(people()), { type: 'breakout.choose', roomId: someRoom() }]],
    [3, () => [HOST, { type: 'breakout.open', durationMs: 600_000 }]],
    [1, () => [HOST, { type: 'breakout.adjust', deltaMs: 60_000 }]],
    [1, () => [COFAC, { type: 'breakout.broadcast', text: 'Two minutes' }]],
    [2, () => [pick(people()), { type: 'breakout.help', on: random() < 0.6 }]],
    [2, () => [HOST, { type: 'breakout.gallery', open: random() < 0.5 }]],
    [1, () => [HOST, { type: 'breakout.close' }]],
    [
      2,
      () => {
        const room = someRoom();
        const host = random() < 0.3 ? null : (pick(roomMembers(s.state, room)) ?? pick(people()));
        return [COFAC, { type: 'breakout.setHost', roomId: room, participantId: host }];
      },
    ],
    [
      3,
      () => [
        pick([HOST, COFAC]),
        { type: 'breakout.visit', roomId: random() < 0.25 ? null : someRoom(), unseen: random() < 0.5 },
      ],
    ],
    [
      20,
      () => {
        const room = random() < 0.1 ? PLENARY : someRoom();
        return [actorFor(room), roomFloorCommand(room)];
      },
    ],
    [
      8,
      () => {
        const room = someRoom();
        const boardId = current()?.rooms.find((r) => r.id === room)?.boardId ?? 'nosuch01';
        const noteId =
          pick(Object.keys(s.state.boards.find((b) => b.id === boardId)?.authors ?? {})) ?? 'note0001';
        return [
          actorFor(room),
          pick([
            { type: 'note.add', boardId, text: 'n', color: 'green' },
            { type: 'note.react', boardId, noteId, reaction: 'heart', on: random() < 0.7 },
            { type: 'vote.cast', boardId, noteId, delta: 1 },
            { type: 'vote.open', boardId, budget: 3, capPerNote: 2, hidden: random() < 0.5 },
            { type: 'board.focus', boardId },
          ]),
        ];
      },
    ],
  ];
}
