import type { CommandOf, EventOf } from '@kring/protocol';
import { LIMITS } from '@kring/protocol';
import { type Ctx, type Decision, accept, refuse, unchanged } from '../decision';
import { isFacilitator } from '../permissions';
import type { SessionState } from '../state';
import { sameName } from './names';

/**
 * Who may come in (J2–J5, RO8): the door, the cap on people, names that pose as a facilitator, the
 * join code and signing everyone else out. Joining itself is not a command (nobody is a member
 * yet): the server asks `mayJoin` before it records `participant.joined`.
 */

type EntryCommand = CommandOf<'session.setDoor' | 'session.rotateJoinCode' | 'session.signOutOthers'>;
export type EntryEvent = EventOf<'session.doorChanged' | 'session.joinCodeChanged' | 'session.signedOut'>;

/**
 * RO8: the facilitator whose display name `displayName` would copy (case, spacing and Unicode form
 * aside), other than `self`; null when it copies none.
 */
export function facilitatorNamed(state: SessionState, displayName: string, self: string | null = null) {
  return (
    Object.values(state.participants).find(
      (p) => p.id !== self && !p.removed && isFacilitator(p.role) && sameName(p.displayName, displayName),
    ) ?? null
  );
}

/**
 * Whether someone new may join with this display name. J2: not while the door is closed
 * (`door_closed`). J3: not once `LIMITS.participantsMax` people have joined (`full`; everyone who
 * ever joined counts, since everyone stays in the record). RO8: not with a facilitator's name
 * (`name_taken`). Null when they may.
 */
export function mayJoin(state: SessionState, displayName: string): Decision | null {
  if (!state.doorOpen) return refuse('door_closed', 'the facilitator has closed this session to new people');
  if (Object.keys(state.participants).length >= LIMITS.participantsMax) {
    return refuse('full', 'this session has as many people as it can take');
  }
  if (facilitatorNamed(state, displayName)) {
    return refuse('name_taken', 'a facilitator of this session has this name; choose another one');
  }
  return null;
}

export function decideEntry(ctx: Ctx, command: EntryCommand): Decision {
  const { state, who, now } = ctx;
  switch (command.type) {
    case 'session.setDoor':
      // J2 (C4: closing a closed door records nothing).
      if (state.doorOpen === command.open) return unchanged();
      return accept({ type: 'session.doorChanged', at: now, open: command.open, by: who.id });
    case 'session.rotateJoinCode':
      // J4: the server draws the code (C5), so it comes in the command.
      if (!command.joinCode) return refuse('bad_request', 'a new join code needs the code the server draws');
      if (command.joinCode === state.joinCode) return refuse('conflict', 'this is the current join code');
      return accept({ type: 'session.joinCodeChanged', at: now, joinCode: command.joinCode, by: who.id });
    case 'session.signOutOthers': {
      // J5: everyone but the actor; removed people have no sign-in left to end.
      const others = Object.values(state.participants)
        .filter((p) => p.id !== who.id && !p.removed)
        .map((p) => p.id);
      if (others.length === 0) return unchanged();
      return accept({ type: 'session.signedOut', at: now, participantIds: others, by: who.id });
    }
  }
}

export function evolveEntry(state: SessionState, event: EntryEvent): SessionState {
  switch (event.type) {
    case 'session.doorChanged':
      return { ...state, doorOpen: event.open };
    case 'session.joinCodeChanged':
      return { ...state, joinCode: event.joinCode };
    case 'session.signedOut': {
      const participants = { ...state.participants };
      for (const id of event.participantIds) {
        const who = participants[id];
        if (who) participants[id] = { ...who, tokenEpoch: (who.tokenEpoch ?? 0) + 1 };
      }
      return { ...state, participants };
    }
  }
}

/** J5: the epoch a token must carry to be accepted for this person (0 before any sign-out). */
export const tokenEpochOf = (state: SessionState, participantId: string): number =>
  state.participants[participantId]?.tokenEpoch ?? 0;
