import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientIdOwners } from './client-ids';

/** An update a peer with this client id makes on a copy of `server`. */
function writeAs(server: Y.Doc, clientID: number, fn: (doc: Y.Doc) => void): Uint8Array {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  // After the sync: Yjs itself picks a fresh id when a sync carries its own (a hand-made client does not).
  peer.clientID = clientID;
  const before = Y.encodeStateVector(peer);
  fn(peer);
  return Y.encodeStateAsUpdate(peer, before);
}

describe('client ids (BD12: nobody writes under someone else’s Yjs client id)', () => {
  it('a client id belongs to the first person who writes under it; others are refused', () => {
    const server = new Y.Doc();
    const owners = new ClientIdOwners();
    const ada = writeAs(server, 101, (d) => d.getMap('clusters').set('g1', 'a'));
    expect(owners.claim(server, ada, 'ada')).toBeNull();
    Y.applyUpdate(server, ada);
    // Ben squats Ada's client id ahead of her clock: the server would then skip her next writes.
    const squat = writeAs(server, 101, (d) => d.getMap('clusters').set('g2', 'b'));
    expect(owners.claim(server, squat, 'ben')).toMatch(/someone else/);
    // Ada's own next write still goes through.
    expect(owners.claim(server, squat, 'ada')).toBeNull();
  });

  it('nobody writes under the server’s own client id', () => {
    const server = new Y.Doc();
    const owners = new ClientIdOwners();
    const forged = writeAs(server, server.clientID, (d) => d.getMap('clusters').set('g1', 'x'));
    expect(owners.claim(server, forged, 'ben')).toMatch(/server/);
  });

  it('resending what the document already has claims nothing', () => {
    const server = new Y.Doc();
    const owners = new ClientIdOwners();
    const ada = writeAs(server, 101, (d) => d.getMap('clusters').set('g1', 'a'));
    Y.applyUpdate(server, ada);
    // Another person's client relays Ada's struct back (a full-state sync): not a claim, not refused.
    expect(owners.claim(server, ada, 'ben')).toBeNull();
    const next = writeAs(server, 101, (d) => d.getMap('clusters').set('g2', 'a'));
    expect(owners.claim(server, next, 'ada')).toBeNull();
  });
});
