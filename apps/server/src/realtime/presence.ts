/**
 * Who is connected right now, per session. Ephemeral by design: presence is never stored.
 * A person with two tabs is present until their last connection closes.
 */
export class Presence {
  private readonly counts = new Map<string, Map<string, number>>();

  /** Returns true when this connection made the participant present. */
  connect(sessionId: string, participantId: string): boolean {
    let session = this.counts.get(sessionId);
    if (!session) this.counts.set(sessionId, (session = new Map()));
    const n = (session.get(participantId) ?? 0) + 1;
    session.set(participantId, n);
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
    return true;
  }

  online(sessionId: string): string[] {
    return [...(this.counts.get(sessionId)?.keys() ?? [])];
  }
}
