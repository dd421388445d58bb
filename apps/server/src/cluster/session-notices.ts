import * as z from 'zod';
import { type RedisLink, within } from './redis';

/**
 * What one node tells the others about a session (issue 17): it stored events up to `version`, or
 * it deleted the session. Only ids and a number: the events themselves are read from the store,
 * which stays the one source of truth (a lost notice delays a node, it never misleads it).
 */
const Notice = z.union([
  z.object({ node: z.string(), sessionId: z.string(), version: z.number().int().nonnegative() }),
  z.object({ node: z.string(), sessionId: z.string(), removed: z.literal(true) }),
]);
type Notice = z.infer<typeof Notice>;

export interface NoticeHandlers {
  appended(sessionId: string, version: number): void;
  removed(sessionId: string): void;
}

/** The channel session notices travel on, under the installation's prefix. */
export const sessionEventsChannel = (prefix: string) => `${prefix}session-events`;

/** Publishes this node's session changes and hands other nodes' to `handlers`. */
export class SessionNotices {
  private constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly listener: (message: string) => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  static async start(
    link: RedisLink,
    nodeId: string,
    handlers: NoticeHandlers,
    onError: (err: unknown) => void,
  ): Promise<SessionNotices> {
    const listener = (message: string) => {
      let notice: Notice;
      try {
        notice = Notice.parse(JSON.parse(message));
      } catch (err) {
        return onError(err);
      }
      // A node's own notices come back to it; it already told its listeners.
      if (notice.node === nodeId) return;
      if ('removed' in notice) handlers.removed(notice.sessionId);
      else handlers.appended(notice.sessionId, notice.version);
    };
    await link.subscriber.subscribe(sessionEventsChannel(link.prefix), listener);
    return new SessionNotices(link, nodeId, listener, onError);
  }

  appended(sessionId: string, version: number): void {
    this.publish({ node: this.nodeId, sessionId, version });
  }

  removed(sessionId: string): void {
    this.publish({ node: this.nodeId, sessionId, removed: true });
  }

  async close(): Promise<void> {
    if (!this.link.subscriber.isOpen) return;
    await within(
      2_000,
      this.link.subscriber.unsubscribe(sessionEventsChannel(this.link.prefix), this.listener),
    );
  }

  private publish(notice: Notice): void {
    // Not awaited: a command's answer must not wait for Redis. One connection runs its commands
    // in order, so a session's notices leave in the order its events were stored.
    this.link.client
      .publish(sessionEventsChannel(this.link.prefix), JSON.stringify(notice))
      .catch(this.onError);
  }
}
