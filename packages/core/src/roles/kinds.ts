import type { Role } from '@kring/protocol';

/**
 * What a role is, with no rules around it: the one piece both `permissions` (P, BD) and the breakout
 * rules (BR) need, kept apart so neither of them imports the other.
 */

/** P1: hosts and co-facilitators are facilitators; nobody else may run facilitator commands. */
export function isFacilitator(role: Role): boolean {
  return role === 'host' || role === 'cofacilitator';
}

/**
 * F3: who takes part in the conversation. Observers watch and captioners type captions; neither
 * raises a hand, sits in a round, holds the piece, takes a seat or joins the team.
 */
export function takesTheFloor(role: Role): boolean {
  return role === 'host' || role === 'cofacilitator' || role === 'participant';
}
