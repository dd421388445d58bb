import type { Role } from '@kring/protocol';
import type { SessionState } from './state';

/** P1: hosts and co-facilitators are facilitators; nobody else may run facilitator commands. */
export function isFacilitator(role: Role): boolean {
  return role === 'host' || role === 'cofacilitator';
}

export type BoardAccess = 'none' | 'read' | 'write';

/**
 * P2: a board of the session is readable by every member of that session.
 * P3: facilitators may always write. P4: observers and captioners never write on boards.
 * P5: participants write only while the board is unlocked.
 */
export function boardAccess(state: SessionState, participantId: string, boardId: string): BoardAccess {
  const who = state.participants[participantId];
  const board = state.boards.find((b) => b.id === boardId);
  if (!who || !board) return 'none';
  if (isFacilitator(who.role)) return 'write';
  if (who.role === 'observer' || who.role === 'captioner') return 'read';
  return board.locked ? 'read' : 'write';
}
