/** Told when a person comes online or goes offline in a session (not per connection). */
export type PresenceListener = (sessionId: string, participantId: string, online: boolean) => void;

/**
 * Who is connected, as the control plane and the session service use it: this process's counts
 * (`Presence`), or the cluster's (`cluster/presence.ts`, issue 17).
 */
export interface PresenceTracker {
  /** This process's connection opened; true when it made the participant connected here. */
  connect(sessionId: string, participantId: string): boolean;
  /** This process's connection closed; true when it was the participant's last one here. */
  disconnect(sessionId: string, participantId: string): boolean;
  /** Who is connected anywhere now. */
  online(sessionId: string): string[];
  /** Changes of `online`, whichever process's connection caused them. */
  onChange(listener: PresenceListener): void;
}

/**
 * Who is connected right now, per session. Ephemeral by design: presence is never stored.
 * A person with two tabs is present until their last connection closes.
 */
export class Presence implements PresenceTracker {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly listeners: PresenceListener[] = [];

  /** Returns true when this connection made the participant present. */
  connect(sessionId: string, participantId: string): boolean {
    let session = this.counts.get(sessionId);
    if (!session) this.counts.set(sessionId, (session = new Map()));
    const n = (session.get(participantId) ?? 0) + 1;
    session.set(participantId, n);
    if (n === 1) this.tell(sessionId, participantId, true);
    return n === 1;
  }

  /** Returns true when this was the participant's last connection. */
  disconnect(sessionId: string, participantId: string): boolean {
    const session = this.counts.get(sessionId);
    const n = session?.get(participantId) ?? 0;
    if (!session || n === 0) return false;
    if (n > 1) {
      session.set(participantId, n - 1);
      return false;
    }
    session.delete(participantId);
    if (session.size === 0) this.counts.delete(sessionId);
    this.tell(sessionId, participantId, false);
    return true;
  }

  online(sessionId: string): string[] {
    return [...(this.counts.get(sessionId)?.keys() ?? [])];
  }

  /** Everyone connected here, per session (the cluster presence announces them again). */
  *entries(): Generator<[sessionId: string, participantId: string]> {
    for (const [sessionId, people] of this.counts) for (const id of people.keys()) yield [sessionId, id];
  }

  onChange(listener: PresenceListener): void {
    this.listeners.push(listener);
  }

  private tell(sessionId: string, participantId: string, online: boolean): void {
    for (const l of this.listeners) l(sessionId, participantId, online);
  }
}
