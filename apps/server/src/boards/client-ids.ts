import * as Y from 'yjs';

/**
 * Who writes under which Yjs client id on one document (BD12). Every Yjs item is numbered by its
 * client id and clock; the server skips structs it already has. A hand-made client that writes
 * under someone else's client id, ahead of their clock, would make the server drop that person's
 * next real writes as "already known" (and a write under the server's own id would collide with
 * its authoritative ones). So a client id belongs to the first person whose update carries new
 * content under it while the document is loaded, and the server's own id to nobody else.
 *
 * Kept in memory per loaded document: after a restart or an unload the first writer claims it
 * again, which an honest client, whose page keeps its id, does with its first write.
 */
export class ClientIdOwners {
  private readonly owners = new Map<number, string>();

  /**
   * Claims the client ids under which `update` adds content to `doc` for `participantId`; returns
   * why not when one is the server's or another person's (nothing is claimed then).
   */
  claim(doc: Y.Doc, update: Uint8Array, participantId: string): string | null {
    let meta: ReturnType<typeof Y.parseUpdateMeta>;
    try {
      meta = Y.parseUpdateMeta(update);
    } catch {
      return null; // not ours to judge: applying it fails and closes the connection (4400)
    }
    const adding: number[] = [];
    for (const [client, to] of meta.to) {
      // Only content beyond what the document has counts: a resent struct claims nothing.
      if (to <= Y.getState(doc.store, client)) continue;
      if (client === doc.clientID) return 'writes under the server’s client id';
      const owner = this.owners.get(client);
      if (owner !== undefined && owner !== participantId) return 'writes under someone else’s client id';
      adding.push(client);
    }
    for (const client of adding) this.owners.set(client, participantId);
    return null;
  }
}
