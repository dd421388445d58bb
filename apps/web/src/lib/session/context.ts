import { createContext } from 'svelte';
import type { SessionClient } from './session.svelte';

/**
 * What every component under a session page shares: the one client for this page's session (its
 * state, its socket, its send path) and the page's polite live announcer. A page holds one session,
 * so components read it here instead of each receiving it as a prop only to pass it on.
 */
export interface SessionContext {
  client: SessionClient;
  /** Says a sentence in the page's live region (a no-op where nobody listens, as on the projector). */
  announce: (text: string) => void;
}

// The getter throws if a component is rendered outside a `SessionProvider`: a mistake, not a state.
// `inSession` is for the few components that also show without a session.
const [sessionContext, provideSession, inSession] = createContext<SessionContext>();

export { inSession, provideSession, sessionContext };
