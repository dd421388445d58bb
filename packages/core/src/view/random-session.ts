import { COFAC, HOST, TestSession, seeded } from '../testing';
import { breakoutMoves } from './random-breakouts';

/**
 * A seeded random session for property tests: random commands from random people, refused or
 * not, never changing the `viewers`' own roles (that is V6's snapshot case). Test-only. With
 * `breakouts`, rooms come and go too (BR), and access to them with it.
 */
export function randomSession(
  seed: number,
  steps: number,
  viewers: readonly string[],
  { breakouts = false } = {},
): TestSession {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const s = new TestSession();
  let extras = 0;
  const join = () => {
    const id = `extra${String(++extras).padStart(3, '0')}`;
    s.join(id, id);
    return id;
  };
  for (let i = 0; i < 3; i++) join();
  const members = () =>
    Object.values(s.state.participants)
      .filter((p) => !p.removed)
      .map((p) => p.id);
  const others = () => members().filter((id) => !viewers.includes(id) && id !== HOST);
  const questions = () => Object.keys(s.state.questions).concat('nosuch01');
  const segments = () => s.state.agenda.segments.map((x) => x.id).concat('nosuch01');
  const boards = () => s.state.boards.map((b) => b.id).concat('nosuch01');
  const notes = () =>
    ['note0001', 'note0002', 'note0003'].concat(s.state.boards.flatMap((b) => Object.keys(b.authors)));
  const floorMoves: Record<string, string[]> = {
    open: ['hand.raise', 'hand.raise', 'hand.lower', 'floor.endTurn'],
    round: ['round.pass', 'round.done', 'round.done'],
    piece: ['piece.take', 'piece.take'],
    fishbowl: ['fishbowl.enter', 'fishbowl.enter', 'fishbowl.leave'],
    reflecting: ['hand.raise'],
  };
  const weighted: [number, () => [string, unknown]][] = [
    [4, () => [pick(members()), { type: 'qa.ask', text: `q${random()}`, anonymous: random() < 0.5 }]],
    [10, () => [pick(members()), { type: 'qa.vote', questionId: pick(questions()), voted: random() < 0.7 }]],
    [
      4,
      () => [
        pick([HOST, COFAC]),
        {
          type: 'qa.mark',
          questionId: pick(questions()),
          flag: pick(['answered', 'pinned', 'hidden']),
          on: random() < 0.5,
        },
      ],
    ],
    [2, () => [pick(members()), { type: 'qa.delete', questionId: pick(questions()) }]],
    [
      4,
      () => [
        pick(members()),
        { type: 'signal.set', signal: pick(['pause', 'notToday']), on: random() < 0.6 },
      ],
    ],
    [
      2,
      () => [
        HOST,
        {
          type: 'agenda.add',
          segment: {
            title: 'S',
            kind: 'talk',
            plannedMinutes: 5,
            ...(random() < 0.5 ? { notes: `n${random()}` } : {}),
            // A8: setups are cut like notes (V2) and their Start is one batch of several parts.
            ...(random() < 0.5
              ? { setup: { timerMinutes: 3, board: { boardId: pick(boards()), phase: 'private' } } }
              : {}),
          },
        },
      ],
    ],
    [2, () => [HOST, { type: 'agenda.start', segmentId: pick(segments()), shuffled: members() }]],
    [
      3,
      () => [
        COFAC,
        {
          type: 'agenda.update',
          segmentId: pick(segments()),
          changes: random() < 0.5 ? { notes: `n${random()}` } : { prompt: `p${random()}`, notes: null },
        },
      ],
    ],
    [2, () => [HOST, { type: pick(['agenda.next', 'agenda.previous']) }]],
    [12, () => [pick(members()), { type: pick(floorMoves[s.floor().mode] ?? []) }]],
    [3, () => [COFAC, { type: 'floor.give' }]],
    [
      2,
      () => [
        HOST,
        {
          type: 'floor.start',
          setup: pick([
            { mode: 'open', quietFirst: true },
            { mode: 'round', orderBy: 'join' },
            { mode: 'piece' },
            { mode: 'fishbowl', seats: 2 },
          ]),
        },
      ],
    ],
    [
      1,
      () => [
        HOST,
        {
          type: 'participant.setRole',
          participantId: pick(others()),
          role: pick(['participant', 'observer', 'captioner']),
        },
      ],
    ],
    [1, () => [HOST, { type: 'participant.remove', participantId: pick(others().concat(join())) }]],
    [1, () => [HOST, { type: 'timer.start', durationMs: 60_000 }]],
    [1, () => [HOST, { type: 'board.add', title: 'B', templateId: 'check-in', anonymous: random() < 0.5 }]],
    [
      2,
      () => [
        COFAC,
        {
          type: 'vote.open',
          boardId: pick(boards()),
          budget: 1 + Math.floor(random() * 4),
          capPerNote: 1 + Math.floor(random() * 2),
          hidden: random() < 0.5,
        },
      ],
    ],
    [1, () => [HOST, { type: 'vote.close', boardId: pick(boards()) }]],
    [
      10,
      () => [
        pick(members()),
        { type: 'vote.cast', boardId: pick(boards()), noteId: pick(notes()), delta: random() < 0.8 ? 1 : -1 },
      ],
    ],
    [
      4,
      () => [
        pick(members()),
        {
          type: 'note.react',
          boardId: pick(boards()),
          noteId: pick(notes()),
          reaction: pick(['heart', 'idea']),
          on: random() < 0.7,
        },
      ],
    ],
    [4, () => [pick(members()), { type: 'note.add', boardId: pick(boards()), text: 'n', color: 'blue' }]],
    [2, () => [pick(members()), { type: 'note.delete', boardId: pick(boards()), noteId: pick(notes()) }]],
    [1, () => [COFAC, { type: 'note.remove', boardId: pick(boards()), noteId: pick(notes()) }]],
    [
      1,
      () => [
        HOST,
        pick([
          { type: 'board.archive', boardId: pick(boards()), archived: random() < 0.5 },
          { type: 'board.focus', boardId: random() < 0.2 ? null : pick(boards()) },
          { type: 'board.setPhase', boardId: pick(boards()), phase: pick(['open', 'private']) },
          { type: 'board.setLock', boardId: pick(boards()), locked: random() < 0.5 },
          {
            type: 'board.setRules',
            boardId: pick(boards()),
            arrange: pick(['everyone', 'own', 'facilitators']),
            screening: random() < 0.5,
          },
        ]),
      ],
    ],
    [1, () => [HOST, { type: pick(['timer.pause', 'timer.resume', 'timer.reset']) }]],
  ];
  if (breakouts) weighted.push(...breakoutMoves(s, random));
  const total = weighted.reduce((sum, [w]) => sum + w, 0);
  const choose = () => {
    let r = random() * total;
    for (const [w, make] of weighted) if ((r -= w) < 0) return make();
    return weighted[0]![1]();
  };
  for (let i = 0; i < steps; i++) {
    s.tick(Math.floor(random() * 5000));
    const [who, command] = choose();
    s.run(who, command);
  }
  return s;
}
