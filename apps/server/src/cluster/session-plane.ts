import type { Log } from '../log';
import type { SessionService } from '../sessions/service';
import type { RedisLink } from './redis';
import { SessionNotices } from './session-notices';

export interface SessionPlaneDeps {
  link: RedisLink;
  nodeId: string;
  sessions: SessionService;
  /** What a node does for its own sockets and memory when another node deleted a session. */
  ended(sessionId: string): void;
  log: Log;
}

/**
 * Issue 17: sessions act as one across nodes. What this node stores is announced; what another
 * node stored is caught up with (`SessionService.catchUp`, whose listeners then broadcast, re-check
 * access and cut removed people on this node); a session another node deleted is forgotten here
 * and its connections here are cut.
 */
export async function startSessionPlane({ link, nodeId, sessions, ended, log }: SessionPlaneDeps) {
  const failed = (what: string) => (err: unknown) =>
    log('error', what, { error: err instanceof Error ? err.message : 'unknown' });
  const notices = await SessionNotices.start(
    link,
    nodeId,
    {
      appended(sessionId, version) {
        sessions.catchUp(sessionId, version).catch(failed('session catch-up failed'));
      },
      removed(sessionId) {
        sessions
          .forget(sessionId)
          .then(() => ended(sessionId))
          .catch(failed('session deletion not applied'));
      },
    },
    failed('session notice not handled'),
  );
  const stop = sessions.onLocalChange(notices);
  // Pub/sub keeps nothing for a subscriber that was away: after Redis comes back, every session
  // this node holds reads what it may have missed from the store (the store is the truth).
  let open = true;
  const caughtUpAll = () => {
    if (!open) return;
    for (const id of sessions.cachedIds()) {
      sessions.catchUp(id, Number.MAX_SAFE_INTEGER).catch(failed('session catch-up failed'));
    }
  };
  link.subscriber.on('ready', caughtUpAll);
  return {
    async close() {
      link.subscriber.off('ready', caughtUpAll);
      open = false;
      stop();
      await notices.close();
    },
  };
}
