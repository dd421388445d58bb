import { m } from '$lib/paraglide/messages';
import { formatCount, isOne } from '$lib/timer/plural';
import type { FloorMode, FloorView } from '@kring/protocol';

const FLOOR_MODE_LABEL: Record<FloorMode, () => string> = {
  open: m.projector_mode_open,
  round: m.projector_mode_round,
  piece: m.projector_mode_piece,
  fishbowl: m.projector_mode_fishbowl,
  reflecting: m.projector_mode_reflecting,
};

/** A floor mode in plain words, in the page's language. */
export function floorModeLabel(mode: FloorMode): string {
  return FLOOR_MODE_LABEL[mode]();
}

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

/** Words in the page's language; call it where they are shown (a `$derived`), so they follow a switch. */
export function floorSummary(floor: FloorView, nameOf: (id: string) => string): FloorSummary {
  const mode = floorModeLabel(floor.mode);
  const speaker = floor.speaker ? [nameOf(floor.speaker.participantId)] : [];
  const next = floor.next ? nameOf(floor.next) : null;
  switch (floor.mode) {
    case 'open': {
      const hands = floor.hands.length;
      const count = formatCount(hands);
      return {
        mode,
        speakingLabel: m.projector_speaking(),
        speakers: speaker,
        whenNobody: m.projector_open_to_everyone(),
        next,
        detail: hands
          ? isOne(hands)
            ? m.projector_hands_raised_one({ count })
            : m.projector_hands_raised_other({ count })
          : null,
      };
    }
    case 'round': {
      const done = new Set(floor.turns.map((t) => t.participantId));
      const left = floor.order.filter((id) => !done.has(id)).length;
      const count = formatCount(left);
      return {
        mode,
        speakingLabel: m.projector_speaking(),
        speakers: speaker,
        whenNobody: left === 0 ? m.projector_round_complete() : m.projector_waiting_next_turn(),
        next,
        detail:
          left > 0
            ? isOne(left)
              ? m.projector_turns_to_go_one({ count })
              : m.projector_turns_to_go_other({ count })
            : null,
      };
    }
    case 'piece':
      return {
        mode,
        speakingLabel: m.projector_holding_piece(),
        speakers: speaker,
        whenNobody: m.projector_piece_in_centre(),
        next: null,
        detail: null,
      };
    case 'fishbowl': {
      const seats = { taken: formatCount(floor.inner.length), seats: formatCount(floor.seats) };
      return {
        mode,
        speakingLabel: m.projector_inner_circle(),
        speakers: floor.inner.map((s) => nameOf(s.participantId)),
        whenNobody: m.projector_inner_circle_empty(),
        next: null,
        detail: isOne(floor.seats)
          ? m.projector_seats_taken_one(seats)
          : m.projector_seats_taken_other(seats),
      };
    }
    case 'reflecting':
      return floor.phase === 'team'
        ? {
            mode,
            speakingLabel: m.projector_team_speaks(),
            speakers: floor.team.map(nameOf),
            whenNobody: m.projector_no_team_yet(),
            next: null,
            detail: m.projector_others_listen(),
          }
        : {
            mode,
            speakingLabel: m.projector_others_respond(),
            speakers: [],
            whenNobody: m.projector_team_listens(),
            next: null,
            detail: null,
          };
  }
}
