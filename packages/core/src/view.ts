import type { SessionView } from '@kring/protocol';
import type { SessionState } from './state';

/**
 * V1: what one participant may see of the session. Today everyone sees everything in the state;
 * facilitator-only parts are cut here, on the server, never by the client.
 */
export function viewFor(state: SessionState, _participantId: string): SessionView {
  return state;
}
