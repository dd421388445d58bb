import { turnChange } from '@kring/core';
import type { FloorView } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { asFloorState } from './floor';
import { MODE_LABEL, PHASE_LABEL } from './labels';
import { nameOf, type People } from './people';

/**
 * F5: what a screen reader should hear when the floor changed from `before` to `after`, for the
 * person `you`. Only transitions produce sentences, so re-rendering the same floor says nothing.
 */
export function floorAnnouncements(
  before: FloorView,
  after: FloorView,
  you: string,
  people: People,
  takesPart = true,
): string[] {
  const out: string[] = [];
  const modeChanged = before.mode !== after.mode || restarted(before, after);
  if (before.mode !== after.mode) out.push(m.floor_changed_to({ mode: MODE_LABEL[after.mode] }));
  else if (modeChanged) out.push(m.floor_new_started({ mode: MODE_LABEL[after.mode].toLowerCase() }));

  if (after.mode === 'reflecting' && (before.mode !== 'reflecting' || before.phase !== after.phase)) {
    out.push(`${PHASE_LABEL[after.phase]}.`);
  }

  const mine = takesPart ? turnChange(asFloorState(before), asFloorState(after), you) : null;
  if (mine) out.push(personal(mine, after));

  // Someone else's turn: who speaks now (open floor, round, talking piece).
  const was = before.speaker;
  const is = after.speaker;
  const speakerChanged = was?.participantId !== is?.participantId || was?.startedAt !== is?.startedAt;
  if (speakerChanged && is && is.participantId !== you) {
    const name = nameOf(people, is.participantId);
    out.push(
      after.mode === 'piece' ? m.floor_holds_talking_piece({ name }) : m.floor_is_speaking_now({ name }),
    );
  } else if (speakerChanged && !is && !modeChanged) {
    if (after.mode === 'round') out.push(m.floor_round_complete());
    else if (after.mode === 'piece') out.push(m.floor_piece_back_centre());
    else if (after.mode === 'open' && mine !== 'ended') out.push(m.floor_nobody_has_floor());
  }

  // A raised hand that went down without getting the floor (lowered by you or by a facilitator).
  if (
    before.mode === 'open' &&
    after.mode === 'open' &&
    before.hands.some((h) => h.participantId === you) &&
    !after.hands.some((h) => h.participantId === you) &&
    after.speaker?.participantId !== you
  ) {
    out.push(m.floor_hand_lowered());
  }
  return out;
}

function personal(change: 'speaking' | 'next' | 'ended', floor: FloorView): string {
  if (change === 'next') return m.floor_you_are_next();
  if (change === 'speaking') {
    if (floor.mode === 'fishbowl') return m.floor_inner_may_speak();
    if (floor.mode === 'reflecting') return m.floor_you_may_speak_now();
    if (floor.mode === 'piece') return m.floor_your_turn_piece();
    return m.floor_your_turn();
  }
  if (floor.mode === 'fishbowl') return m.floor_back_outer_circle();
  if (floor.mode === 'reflecting') return m.floor_please_listen_now();
  return m.floor_your_turn_ended();
}

/** The same mode started afresh (a new round, a new fishbowl): `floor.start` again. */
function restarted(before: FloorView, after: FloorView): boolean {
  if (before.mode === 'round' && after.mode === 'round') {
    return (
      after.turns.length < before.turns.length ||
      after.order.length !== before.order.length ||
      after.order.some((id, i) => before.order[i] !== id)
    );
  }
  return false;
}
