import type { FloorMode, FloorView } from '@kring/protocol';

export const FLOOR_MODE_LABEL: Record<FloorMode, string> = {
  open: 'Open floor',
  round: 'Round',
  piece: 'Talking piece',
  fishbowl: 'Fishbowl',
  reflecting: 'Reflecting team',
};

/** The floor as a shared screen tells it: who speaks now, who is next, in plain words. */
export interface FloorSummary {
  mode: string;
  /** What `speakers` are doing: "Speaking", "Holding the piece", … */
  speakingLabel: string;
  speakers: string[];
  /** Said when nobody is named in `speakers`. */
  whenNobody: string;
  next: string | null;
  /** A short extra line: hands raised, turns left, seats taken. */
  detail: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function floorSummary(floor: FloorView, nameOf: (id: string) => string): FloorSummary {
  const mode = FLOOR_MODE_LABEL[floor.mode];
  const speaker = floor.speaker ? [nameOf(floor.speaker.participantId)] : [];
  const next = floor.next ? nameOf(floor.next) : null;
  switch (floor.mode) {
    case 'open':
      return {
        mode,
        speakingLabel: 'Speaking',
        speakers: speaker,
        whenNobody: 'The floor is open to everyone',
        next,
        detail: floor.hands.length ? `${plural(floor.hands.length, 'hand', 'hands')} raised` : null,
      };
    case 'round': {
      const done = new Set(floor.turns.map((t) => t.participantId));
      const left = floor.order.filter((id) => !done.has(id)).length;
      return {
        mode,
        speakingLabel: 'Speaking',
        speakers: speaker,
        whenNobody: left === 0 ? 'The round is complete' : 'Waiting for the next turn',
        next,
        detail: left > 0 ? `${plural(left, 'turn', 'turns')} to go · passing is always fine` : null,
      };
    }
    case 'piece':
      return {
        mode,
        speakingLabel: 'Holding the piece',
        speakers: speaker,
        whenNobody: 'The piece is in the centre',
        next: null,
        detail: null,
      };
    case 'fishbowl':
      return {
        mode,
        speakingLabel: 'In the inner circle',
        speakers: floor.inner.map((s) => nameOf(s.participantId)),
        whenNobody: 'The inner circle is empty',
        next: null,
        detail: `${floor.inner.length} of ${plural(floor.seats, 'seat', 'seats')} taken`,
      };
    case 'reflecting':
      return floor.phase === 'team'
        ? {
            mode,
            speakingLabel: 'The reflecting team speaks',
            speakers: floor.team.map(nameOf),
            whenNobody: 'No team named yet',
            next: null,
            detail: 'Everyone else listens',
          }
        : {
            mode,
            speakingLabel: 'Everyone else responds',
            speakers: [],
            whenNobody: 'The team listens now',
            next: null,
            detail: null,
          };
  }
}
