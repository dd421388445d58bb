import type { Command, ErrorBody, NewSessionEvent, Role } from '@kring/protocol';
import { isFacilitator } from './permissions';
import type { SessionState } from './state';

export type Decision = { ok: true; events: NewSessionEvent[] } | { ok: false; error: ErrorBody };

export interface Actor {
  participantId: string;
}

const refuse = (code: ErrorBody['code'], message: string): Decision => ({
  ok: false,
  error: { code, message },
});

/**
 * (state, command, actor, now) → events | error. Pure and clock-free: `now` is passed in.
 * C1: an actor who is not a participant of the session is refused (`unauthorized`).
 * C2: facilitator commands from anyone else are refused (`forbidden`).
 * C3: a command about a board that does not exist is refused (`not_found`).
 * C4: a command that changes nothing produces no events (idempotent lock/unlock).
 */
export function decide(state: SessionState, command: Command, actor: Actor, now: number): Decision {
  const who = state.participants[actor.participantId];
  if (!who) return refuse('unauthorized', 'you are not part of this session');
  switch (command.type) {
    case 'board.setLock': {
      if (!isFacilitator(who.role)) return refuse('forbidden', 'only facilitators can lock a board');
      const board = state.boards.find((b) => b.id === command.boardId);
      if (!board) return refuse('not_found', 'no such board');
      if (board.locked === command.locked) return { ok: true, events: [] };
      return {
        ok: true,
        events: [
          {
            type: 'board.lockChanged',
            at: now,
            boardId: board.id,
            locked: command.locked,
            by: who.id,
          },
        ],
      };
    }
  }
}

/** S1: a new session starts with its host and one board ("Board"). */
export function createSession(input: {
  sessionId: string;
  title: string;
  joinCode: string;
  hostId: string;
  hostName: string;
  boardId: string;
  now: number;
}): NewSessionEvent[] {
  return [
    {
      type: 'session.created',
      at: input.now,
      sessionId: input.sessionId,
      title: input.title,
      joinCode: input.joinCode,
    },
    {
      type: 'participant.joined',
      at: input.now,
      participantId: input.hostId,
      displayName: input.hostName,
      role: 'host',
    },
    { type: 'board.created', at: input.now, boardId: input.boardId, title: 'Board' },
  ];
}

/** J1: anyone with the join code may join as a participant with only a display name. */
export function joinSession(input: {
  participantId: string;
  displayName: string;
  role?: Role;
  now: number;
}): NewSessionEvent[] {
  return [
    {
      type: 'participant.joined',
      at: input.now,
      participantId: input.participantId,
      displayName: input.displayName,
      role: input.role ?? 'participant',
    },
  ];
}
