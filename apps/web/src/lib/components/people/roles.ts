import { ROLES, type Role } from '@kring/protocol';

/** Roles in plain words, with what each may do (RO, P, F3). */
export const ROLE_INFO: Record<Role, { name: string; does: string }> = {
  host: { name: 'Host', does: 'runs the session: agenda, timer, floor, people' },
  cofacilitator: { name: 'Co-facilitator', does: 'the same controls as the host' },
  captioner: { name: 'Captioner', does: 'types captions; does not take the floor or write on boards' },
  participant: { name: 'Participant', does: 'takes part: boards, questions, the floor' },
  observer: { name: 'Observer', does: 'follows along; does not take the floor or write on boards' },
};

/** The roles offered for a person; nobody makes themselves host (RO3). */
export function roleChoices(self: boolean, current: Role): { role: Role; allowed: boolean }[] {
  return ROLES.map((role) => ({ role, allowed: !(self && role === 'host' && current !== 'host') }));
}
