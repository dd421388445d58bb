import { type SessionState, tokenEpochOf } from '@kring/core';
import type { ErrorBody, ParticipantState } from '@kring/protocol';
import type { SessionService } from './sessions/service';
import type { TokenSigner } from './tokens';

export type Authenticated = {
  ok: true;
  state: SessionState;
  participant: ParticipantState;
  /** The token's epoch (J5), for `stillCurrent` at the last moment of an entrance. */
  epoch: number;
};
export type AuthFailure = { ok: false; error: ErrorBody };

/**
 * One check for every entrance (HTTP, socket.io, board sync): the signature holds, the session
 * exists, the participant is still part of it and was not signed out since the token was made
 * (J5: its epoch is theirs). The role comes from the session state, not from the token, so a role
 * change takes effect at once.
 */
export async function authenticate(
  tokens: TokenSigner,
  sessions: SessionService,
  token: string | undefined,
): Promise<Authenticated | AuthFailure> {
  const claims = token ? tokens.verify(token) : null;
  if (!claims) return { ok: false, error: { code: 'unauthorized', message: 'missing or invalid token' } };
  let state = await sessions.get(claims.s);
  // A token the server signed names a session that existed: it was deleted (PR4).
  if (!state) return { ok: false, error: { code: 'not_found', message: 'this session no longer exists' } };
  // Issue 17: someone who just joined (or signed in again) on another node may reach this one
  // before that node's notice does: before refusing, read what the store has that this copy lacks.
  if (!current(state, claims.p, claims.e ?? 0)) {
    await sessions.catchUp(claims.s, Number.MAX_SAFE_INTEGER);
    state = (await sessions.get(claims.s)) ?? state;
  }
  const participant = state.participants[claims.p];
  if (!participant || participant.removed) {
    return { ok: false, error: { code: 'unauthorized', message: 'this token is not valid for any session' } };
  }
  if ((claims.e ?? 0) !== tokenEpochOf(state, participant.id)) {
    return { ok: false, error: { code: 'unauthorized', message: 'signed out' } };
  }
  return { ok: true, state, participant, epoch: claims.e ?? 0 };
}

/** Whether the token's person is in this copy of the session, not removed, at the token's epoch. */
function current(state: SessionState, participantId: string, epoch: number): boolean {
  const participant = state.participants[participantId];
  return !!participant && !participant.removed && tokenEpochOf(state, participantId) === epoch;
}

/**
 * J5 at the last moment of an entrance: whether the person a token let in is still in the session,
 * not removed and at that token's epoch. Synchronous, so an entrance asks it after its last
 * `await`, right before it opens: a sign-out stored while the entrance was waiting is not missed
 * (the sign-out itself cuts only connections that exist by then).
 */
export function stillCurrent(
  sessions: Pick<SessionService, 'peek'>,
  who: { sessionId: string; participantId: string; epoch: number },
): boolean {
  const state = sessions.peek(who.sessionId);
  const participant = state?.participants[who.participantId];
  if (!state || !participant || participant.removed) return false;
  return tokenEpochOf(state, participant.id) === who.epoch;
}
