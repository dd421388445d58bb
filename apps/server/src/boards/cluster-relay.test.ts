import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeRows } from '../store/merge-thread';
import type { BoardStore, StoredBoardUpdate } from '../store/store';
import { type BoardSync, createBoardSync } from './index';
import {
  type BoardRelay,
  type RelayHandlers,
  type RelayMessage,
  decodeRelayMessage,
  deliver,
  encodeRelayMessage,
} from './cluster-relay';

/** One store both nodes share; `loadHold` keeps a load waiting AFTER it read the rows. */
class SharedStore implements BoardStore {
  rows: StoredBoardUpdate[] = [];
  private seq = 0;
  loadHold: Promise<void> | null = null;

  async appendBoardUpdate(_docId: string, update: Uint8Array): Promise<number> {
    const seq = ++this.seq;
    this.rows.push({ seq, update: update.slice() });
    return seq;
  }

  async loadBoardUpdates(): Promise<StoredBoardUpdate[]> {
    const snapshot = this.rows.map((r) => ({ ...r }));
    if (this.loadHold) await this.loadHold;
    return snapshot;
  }

  async compactBoard(_docId: string, throughSeq: number): Promise<void> {
    const through = this.rows.filter((r) => r.seq <= throughSeq);
    const rest = this.rows.filter((r) => r.seq > throughSeq);
    this.rows = [
      {
        seq: throughSeq,
        update: mergeRows(
          Y,
          through.map((r) => r.update),
        ),
      },
      ...rest,
    ];
  }
}

/** Redis pub/sub in memory: what one node publishes reaches the others (asynchronously), unless dropped. */
class Bus {
  private readonly listeners = new Map<string, RelayHandlers>();
  dropping = false;

  relay(nodeId: string): BoardRelay {
    return {
      publish: (message) => {
        if (this.dropping) return;
        const bytes = encodeRelayMessage(nodeId, message);
        setImmediate(() => {
          const decoded = decodeRelayMessage(bytes)!;
          for (const [id, handlers] of this.listeners)
            if (id !== decoded.from) deliver(handlers, decoded.message);
        });
      },
      listen: (handlers) => {
        this.listeners.set(nodeId, handlers);
      },
      close: async () => {
        this.listeners.delete(nodeId);
      },
    };
  }

  resyncAll(): void {
    for (const handlers of this.listeners.values()) handlers.resync();
  }
}

const DOC = 'board-one';

function node(store: BoardStore, relay: BoardRelay): BoardSync {
  return createBoardSync(
    {
      store,
      relay,
      log: () => {},
      authorize: async () => ({ ok: false, code: 'unauthorized' }),
      access: () => 'write',
    },
    { idleUnloadMs: 60_000, compactWithinMs: 60_000 },
  );
}

const textOf = (sync: BoardSync) => sync.read(DOC, (doc) => doc.getText('t').toString());

function twoNodes() {
  const store = new SharedStore();
  const bus = new Bus();
  const a = node(store, bus.relay('a'));
  const b = node(store, bus.relay('b'));
  return { store, bus, a, b };
}

describe('board relay across nodes', () => {
  it('encodes and decodes every kind of message', () => {
    const update: RelayMessage = {
      kind: 'update',
      docId: 'b1/drafts/p1',
      seq: 42,
      participantId: 'p1',
      update: new Uint8Array([1, 2, 3]),
    };
    const awareness: RelayMessage = {
      kind: 'awareness',
      docId: 'b1',
      participantId: null,
      update: new Uint8Array([9]),
    };
    expect(decodeRelayMessage(encodeRelayMessage('node-1', update))).toEqual({
      from: 'node-1',
      message: update,
    });
    expect(decodeRelayMessage(encodeRelayMessage('node-2', awareness))).toEqual({
      from: 'node-2',
      message: awareness,
    });
    const ended: RelayMessage = { kind: 'ended', docId: 'b1' };
    expect(decodeRelayMessage(encodeRelayMessage('node-3', ended))).toEqual({
      from: 'node-3',
      message: ended,
    });
    expect(decodeRelayMessage(new Uint8Array([7]))).toBeNull();
    expect(() => decodeRelayMessage(new Uint8Array([0, 5]))).toThrow();
  });

  it('a stored update reaches the node holding the document, which does not store it again', async () => {
    const { store, a, b } = twoNodes();
    expect(await textOf(b)).toBe('');
    await a.change(DOC, (doc) => doc.getText('t').insert(0, 'hello'));
    await expect.poll(() => textOf(b)).toBe('hello');
    expect(store.rows).toHaveLength(1);
  });

  it('a node without the document ignores it (it loads from the store later)', async () => {
    const { a, b } = twoNodes();
    await a.change(DOC, (doc) => doc.getText('t').insert(0, 'hello'));
    await a.change(DOC, (doc) => doc.getText('t').insert(5, ' world'));
    expect(b.stats().docs).toBe(0);
    expect(await textOf(b)).toBe('hello world');
  });

  it('an update published while the document loads is applied after the load', async () => {
    const { store, a, b } = twoNodes();
    await a.change(DOC, (doc) => doc.getText('t').insert(0, 'one'));
    let release = () => {};
    store.loadHold = new Promise<void>((resolve) => {
      release = resolve;
    });
    // B's load has read the rows ("one") and waits; A stores "two" meanwhile.
    const reading = textOf(b);
    await expect.poll(() => b.stats().docs).toBe(1);
    await a.change(DOC, (doc) => doc.getText('t').insert(3, ' two'));
    await new Promise((resolve) => setImmediate(resolve)); // the message is delivered now
    store.loadHold = null;
    release();
    await reading;
    await expect.poll(() => textOf(b)).toBe('one two');
  });

  it('a lost message is caught up from the store when a later one depends on it, or on resync', async () => {
    const { bus, a, b } = twoNodes();
    expect(await textOf(b)).toBe('');
    bus.dropping = true;
    await a.change(DOC, (doc) => doc.getText('t').insert(0, 'lost'));
    bus.dropping = false;
    await a.change(DOC, (doc) => doc.getText('t').insert(4, ' and found'));
    await expect.poll(() => textOf(b)).toBe('lost and found');

    // Not depending on anything B lacks: only a resync (Redis back after a gap) brings it.
    bus.dropping = true;
    await a.change(DOC, (doc) => doc.getMap('m').set('k', 'v'));
    bus.dropping = false;
    expect(await b.read(DOC, (doc) => doc.getMap('m').get('k'))).toBeUndefined();
    bus.resyncAll();
    await expect.poll(() => b.read(DOC, (doc) => doc.getMap('m').get('k'))).toBe('v');
  });

  it('compaction on one node keeps what the other stored', async () => {
    const { store, a, b } = twoNodes();
    await a.change(DOC, (doc) => doc.getText('t').insert(0, 'a'));
    await b.change(DOC, (doc) => doc.getMap('m').set('from', 'b'));
    await a.change(DOC, (doc) => doc.getText('t').insert(1, 'a'), { compact: true });
    const doc = new Y.Doc();
    for (const row of store.rows) Y.applyUpdate(doc, row.update);
    expect(doc.getText('t').toString()).toBe('aa');
    expect(doc.getMap('m').get('from')).toBe('b');
  });
});
