import { turnChange } from '@kring/core';
import type { FloorView } from '@kring/protocol';
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
  if (before.mode !== after.mode) out.push(`The floor changed to: ${MODE_LABEL[after.mode]}.`);
  else if (modeChanged) out.push(`A new ${MODE_LABEL[after.mode].toLowerCase()} has started.`);

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
    out.push(after.mode === 'piece' ? `${name} holds the talking piece.` : `${name} is speaking now.`);
  } else if (speakerChanged && !is && !modeChanged) {
    if (after.mode === 'round') out.push('The round is complete.');
    else if (after.mode === 'piece') out.push('The talking piece is back in the centre.');
    else if (after.mode === 'open' && mine !== 'ended') out.push('Nobody has the floor now.');
  }

  // A raised hand that went down without getting the floor (lowered by you or by a facilitator).
  if (
    before.mode === 'open' &&
    after.mode === 'open' &&
    before.hands.some((h) => h.participantId === you) &&
    !after.hands.some((h) => h.participantId === you) &&
    after.speaker?.participantId !== you
  ) {
    out.push('Your hand is lowered.');
  }
  return out;
}

function personal(change: 'speaking' | 'next' | 'ended', floor: FloorView): string {
  if (change === 'next') return 'You are next.';
  if (change === 'speaking') {
    if (floor.mode === 'fishbowl') return 'You are in the inner circle: you may speak.';
    if (floor.mode === 'reflecting') return 'You may speak now.';
    if (floor.mode === 'piece') return 'It is your turn: you hold the talking piece.';
    return 'It is your turn.';
  }
  if (floor.mode === 'fishbowl') return 'You are back in the outer circle.';
  if (floor.mode === 'reflecting') return 'Please listen now.';
  return 'Your turn has ended.';
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
