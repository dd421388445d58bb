import { type SessionState, tokenEpochOf } from '@kring/core';
import type { ErrorBody, ParticipantState } from '@kring/protocol';
import type { SessionService } from './sessions/service';
import type { TokenSigner } from './tokens';

export type Authenticated = { ok: true; state: SessionState; participant: ParticipantState };
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
  const state = await sessions.get(claims.s);
  const participant = state?.participants[claims.p];
  if (!state || !participant || participant.removed) {
    return { ok: false, error: { code: 'unauthorized', message: 'this token is not valid for any session' } };
  }
  if ((claims.e ?? 0) !== tokenEpochOf(state, participant.id)) {
    return { ok: false, error: { code: 'unauthorized', message: 'signed out' } };
  }
  return { ok: true, state, participant };
}
