import type { SessionView } from '@kring/protocol';

/** The session engine's state is exactly what a facilitator may see; audiences are cut by `viewFor`. */
export type SessionState = SessionView;

export function emptyState(): SessionState {
  return {
    version: 0,
    sessionId: '',
    title: '',
    joinCode: '',
    createdAt: 0,
    participants: {},
    boards: [],
  };
}
