import type { Command, CommandOf, NewSessionEvent } from '@kring/protocol';
import { type Actor, type DecideContext, type Decision, accept, refuse } from '../decision';
import { evolveAll } from '../reducer';
import type { SessionState } from '../state';
import { withVersions } from '../versions';
import { segmentSteps, tidyUpSteps } from './steps';

/** `decide` itself, passed in so this file does not import the dispatcher that imports it. */
type Decide = (
  state: SessionState,
  command: Command,
  actor: Actor,
  now: number,
  context: DecideContext,
) => Decision;

/** Which part of a segment's setup a step belongs to, for a refusal people can act on. */
function partOf(step: Command): string {
  if (step.type.startsWith('timer.')) return 'the timer';
  if (step.type.startsWith('floor.')) return 'the floor';
  if (step.type.startsWith('breakout.')) return 'the breakout';
  if (step.type.startsWith('board.') || step.type.startsWith('vote.')) return 'the board';
  return 'the agenda';
}

/**
 * Runs steps through `decide` one after another, each on the state the ones before it left (a
 * scratch copy), into one decision: all of them or nothing. A refused step refuses the whole,
 * with its code and which part it was.
 */
export function runSteps(
  decide: Decide,
  state: SessionState,
  steps: readonly Command[],
  actor: Actor,
  now: number,
  context: DecideContext,
): Decision {
  const events: NewSessionEvent[] = [];
  let scratch = state;
  for (const step of steps) {
    const decision = decide(scratch, step, actor, now, context);
    if (!decision.ok) {
      return refuse(decision.error.code, `${partOf(step)}: ${decision.error.message}`);
    }
    scratch = evolveAll(scratch, withVersions(scratch.version, decision.events));
    events.push(...decision.events);
  }
  return accept(...events);
}

/**
 * A8: Start on a segment, as one batch: the tidy-up of the segment it leaves (A9), the move, and
 * its setup (`segmentSteps`, with the server's draw from the command, C5).
 */
export function decideStartSegment(
  decide: Decide,
  state: SessionState,
  command: CommandOf<'agenda.start'>,
  actor: Actor,
  now: number,
  context: DecideContext,
): Decision {
  if (!state.agenda.segments.some((s) => s.id === command.segmentId)) {
    return refuse('not_found', 'no such segment');
  }
  const steps = segmentSteps(state, command.segmentId, {
    ...(command.shuffled ? { shuffled: command.shuffled } : {}),
    ...(context.online ? { online: context.online } : {}),
    ...(command.breakoutId ? { breakoutId: command.breakoutId } : {}),
    ...(command.locale ? { locale: command.locale } : {}),
  });
  return runSteps(decide, state, steps, actor, now, context);
}

/**
 * A9: moving the agenda by hand (next, previous, jump) tidies up after the segment it leaves, in
 * the same batch as the move. A move that changes nothing tidies nothing.
 */
export function withTidyUp(
  decide: Decide,
  state: SessionState,
  move: Decision,
  actor: Actor,
  now: number,
  context: DecideContext,
): Decision {
  if (!move.ok || !move.events.some((e) => e.type === 'agenda.currentChanged')) return move;
  const tidy = runSteps(decide, state, tidyUpSteps(state), actor, now, context);
  if (!tidy.ok) return tidy;
  return accept(...tidy.events, ...move.events);
}
