import type { CommandOf, EventOf, NewSessionEvent } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { lateJoinerEvents } from '../breakouts/breakouts';
import { dropRoomRoles } from '../breakouts/evolve';
import { facilitatorNamed } from '../entry/entry';
import { dropFromFloors } from '../floor/evolve';
import { isFacilitator, takesTheFloor } from '../permissions';
import type { SessionState } from '../state';

/** Roles (RO rules): renaming, changing roles and removing people. */

type RoleCommand = CommandOf<'participant.rename' | 'participant.setRole' | 'participant.remove'>;
export type RoleEvent = EventOf<'participant.renamed' | 'participant.roleChanged' | 'participant.removed'>;

const activeHosts = (state: SessionState) =>
  Object.values(state.participants).filter((p) => p.role === 'host' && !p.removed).length;

export function decideRoles(ctx: Ctx, command: RoleCommand): Decision {
  const { state, who } = ctx;
  const target = state.participants[command.participantId];
  // RO5: removed people are no longer there to rename, promote or remove.
  if (!target || target.removed) return refuse('not_found', 'no such participant');
  const base = { at: ctx.now, participantId: target.id, by: who.id };
  switch (command.type) {
    case 'participant.rename':
      // RO1: your own display name, or (facilitators) anyone's.
      if (target.id !== who.id && !isFacilitator(who.role)) {
        return refuse('forbidden', 'only facilitators rename someone else');
      }
      if (target.displayName === command.displayName) return unchanged();
      // RO8: nobody who is not a facilitator takes a facilitator's name, so nobody poses as the host.
      if (!isFacilitator(target.role) && facilitatorNamed(state, command.displayName, target.id)) {
        return refuse('name_taken', 'a facilitator of this session has this name; choose another one');
      }
      return accept({ type: 'participant.renamed', ...base, displayName: command.displayName });
    case 'participant.setRole':
      if (target.role === command.role) return unchanged();
      // RO3: nobody raises their own rights; stepping down is fine.
      if (target.id === who.id && command.role === 'host') {
        return refuse('forbidden', 'nobody makes themselves host');
      }
      // RO4: the session always keeps a host.
      if (target.role === 'host' && activeHosts(state) === 1) {
        return refuse('conflict', 'the last host cannot step down; make someone else host first');
      }
      {
        const changed: NewSessionEvent = { type: 'participant.roleChanged', ...base, role: command.role };
        // BR5: someone who becomes a participant while rooms are drafted or open is placed like a
        // late joiner.
        const promoted = { ...state.participants, [target.id]: { ...target, role: command.role } };
        const placed =
          command.role === 'participant'
            ? lateJoinerEvents({ ...state, participants: promoted }, target.id, ctx.now)
            : [];
        return accept(changed, ...placed);
      }
    case 'participant.remove':
      if (target.role === 'host' && activeHosts(state) === 1) {
        return refuse('conflict', 'the last host cannot be removed');
      }
      return accept({ type: 'participant.removed', ...base });
  }
}

export function evolveRoles(state: SessionState, event: RoleEvent): SessionState {
  const who = state.participants[event.participantId];
  if (!who) return state;
  const withRecord = (record: typeof who) => ({
    ...state,
    participants: { ...state.participants, [record.id]: record },
  });
  switch (event.type) {
    case 'participant.renamed':
      return withRecord({ ...who, displayName: event.displayName });
    case 'participant.roleChanged': {
      const next = dropRoomRoles(withRecord({ ...who, role: event.role }), who.id);
      // RO6: observers and captioners do not hold the floor.
      return takesTheFloor(event.role) ? next : dropFromFloors(next, who.id, event.at);
    }
    case 'participant.removed': {
      // RO5: marked, not deleted (their turns and votes still count), and their name leaves (PR6).
      const next = dropFromFloors(
        dropRoomRoles(withRecord({ ...who, removed: true, displayName: '' }), who.id),
        who.id,
        event.at,
      );
      // SG4: their private signals go with them.
      const { [who.id]: _gone, ...signals } = next.signals;
      return { ...next, signals };
    }
  }
}
