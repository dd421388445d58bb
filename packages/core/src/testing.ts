import type { SessionState } from './state';
import { createSession, joinSession } from './decide';
import { replay } from './reducer';
import { withVersions } from './versions';

/** A session with a host `host1`, participant `part1`, and board `board1`. */
export function sessionWithParticipant(): SessionState {
  const created = createSession({
    sessionId: 'session1',
    title: 'Check-in',
    joinCode: 'ABCDEF',
    hostId: 'host01',
    hostName: 'Facilitator',
    boardId: 'board1',
    now: 1000,
  });
  const joined = joinSession({ participantId: 'part01', displayName: 'Ada', now: 2000 });
  return replay(withVersions(0, [...created, ...joined]));
}
