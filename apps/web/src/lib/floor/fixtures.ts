/** Test fixtures: floors as views and people, built the way core's `viewFor` shapes them. */
import type { FloorView, ParticipantState, Role } from '@kring/protocol';
import type { FloorViewOf } from './floor';
import type { People } from './people';

export const ids = {
  host: 'host-0001',
  ana: 'ana-00001',
  bo: 'bo-000001',
  cas: 'cas-00001',
  obs: 'obs-00001',
};

export function person(
  id: string,
  displayName: string,
  joinedAt: number,
  role: Role = 'participant',
): ParticipantState {
  return { id, displayName, role, joinedAt };
}

export const people: People = {
  [ids.host]: person(ids.host, 'Facilitator', 1, 'host'),
  [ids.ana]: person(ids.ana, 'Ana', 2),
  [ids.bo]: person(ids.bo, 'Bo', 3),
  [ids.cas]: person(ids.cas, 'Cas', 4),
  [ids.obs]: person(ids.obs, 'Olli', 5, 'observer'),
};

const common = { speaker: null, softTurnMs: null, balance: null, next: null };

export function open(over: Partial<FloorViewOf<'open'>> = {}): FloorViewOf<'open'> {
  const floor: FloorViewOf<'open'> = { mode: 'open', ...common, hands: [], quietFirst: false, ...over };
  return { ...floor, next: over.next !== undefined ? over.next : (floor.hands[0]?.participantId ?? null) };
}

export function round(order: string[], over: Partial<FloorViewOf<'round'>> = {}): FloorViewOf<'round'> {
  const turns = over.turns ?? [];
  const done = new Set(turns.map((t) => t.participantId));
  const pending = order.filter((id) => !done.has(id));
  return {
    mode: 'round',
    ...common,
    orderBy: 'manual',
    order,
    turns,
    speaker: pending[0] ? { participantId: pending[0], startedAt: 1000 } : null,
    next: pending[1] ?? null,
    ...over,
  };
}

export const piece = (
  holder: string | null,
  over: Partial<FloorViewOf<'piece'>> = {},
): FloorViewOf<'piece'> => ({
  mode: 'piece',
  ...common,
  speaker: holder ? { participantId: holder, startedAt: 1000 } : null,
  ...over,
});

export const fishbowl = (inner: string[], seats = 3): FloorViewOf<'fishbowl'> => ({
  mode: 'fishbowl',
  ...common,
  seats,
  inner: inner.map((participantId, i) => ({ participantId, since: i })),
});

export const reflecting = (team: string[], phase: 'team' | 'others' = 'team'): FloorViewOf<'reflecting'> => ({
  mode: 'reflecting',
  ...common,
  team,
  phase,
});

export const hand = (participantId: string, raisedAt = 1) => ({ participantId, raisedAt });
export const speaking = (participantId: string, startedAt = 1000) => ({ participantId, startedAt });

export type { FloorView };
