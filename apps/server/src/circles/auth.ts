import { circleLinkValid } from '@kring/core';
import type { CircleMember, CircleState, ErrorBody } from '@kring/protocol';
import type { TokenSigner } from '../tokens';
import type { CircleService } from './service';

export type CircleMemberAuth = { ok: true; state: CircleState; memberId: string; member: CircleMember };

/**
 * One check for every entrance to a circle: the personal link's token is a circle token with a
 * good signature (a session token never is), it names this circle, and (CI13) its member is still
 * in the circle at the token's epoch. The role comes from the circle, not from the token.
 */
export async function authenticateCircle(
  tokens: TokenSigner,
  circles: CircleService,
  token: string | undefined,
  circleId: string,
): Promise<CircleMemberAuth | { ok: false; error: ErrorBody }> {
  const claims = token ? tokens.verifyCircle(token) : null;
  if (!claims) return { ok: false, error: { code: 'unauthorized', message: 'missing or invalid token' } };
  if (claims.c !== circleId) {
    return { ok: false, error: { code: 'forbidden', message: 'this token belongs to another circle' } };
  }
  const state = await circles.get(circleId);
  if (!state) return { ok: false, error: { code: 'not_found', message: 'this circle no longer exists' } };
  const member = state.members[claims.p];
  if (!member) {
    return {
      ok: false,
      error: { code: 'unauthorized', message: 'you are no longer a member of this circle' },
    };
  }
  if (!circleLinkValid(state, claims.p, claims.e)) {
    return { ok: false, error: { code: 'unauthorized', message: 'this link was replaced by a newer one' } };
  }
  return { ok: true, state, memberId: claims.p, member };
}
