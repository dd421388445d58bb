import { m } from '$lib/paraglide/messages';
import { ROLES, type Role } from '@kring/protocol';

/** A role's words, read in the page's language each time they are shown. */
const words = (name: () => string, does: () => string) => ({
  get name() {
    return name();
  },
  get does() {
    return does();
  },
});

/** Roles in plain words, with what each may do (RO, P, F3). */
export const ROLE_INFO: Record<Role, { readonly name: string; readonly does: string }> = {
  host: words(m.people_role_host, m.people_role_host_does),
  cofacilitator: words(m.people_role_cofacilitator, m.people_role_cofacilitator_does),
  captioner: words(m.people_role_captioner, m.people_role_captioner_does),
  participant: words(m.people_role_participant, m.people_role_participant_does),
  observer: words(m.people_role_observer, m.people_role_observer_does),
};

/** The roles offered for a person; nobody makes themselves host (RO3). */
export function roleChoices(self: boolean, current: Role): { role: Role; allowed: boolean }[] {
  return ROLES.map((role) => ({ role, allowed: !(self && role === 'host' && current !== 'host') }));
}
