import type { CircleMemberSummary, CircleState } from '@kring/protocol';

/**
 * CI14: the people of a circle as one member sees them. Hosts see everyone (with when they
 * joined): they look after the circle. A member sees the hosts (whom to ask) and themselves —
 * nobody is shown to the rest of the group without choosing it. Nobody ever sees a link.
 */
export function membersSeenBy(state: CircleState, viewerId: string): CircleMemberSummary[] {
  const host = state.members[viewerId]?.role === 'host';
  return (
    Object.entries(state.members)
      .filter(([id, m]) => host || m.role === 'host' || id === viewerId)
      .map(([id, m]) => ({ id, name: m.name, role: m.role, ...(host ? { joinedAt: m.joinedAt } : {}) }))
      // Hosts first, then by name; locale-free, so every copy orders alike.
      .sort((a, b) => rank(a.role) - rank(b.role) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  );
}

/**
 * CI13: a personal link lets its member in while they are in the circle and the link is of their
 * current epoch (a new link, `member.newLink`, ends the old one; removal ends all).
 */
export function circleLinkValid(state: CircleState, memberId: string, epoch: number): boolean {
  const member = state.members[memberId];
  return member !== undefined && member.epoch === epoch;
}

const rank = (role: string): number => (role === 'host' ? 0 : 1);
