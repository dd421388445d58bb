import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RedisLink } from '../cluster/redis';

/**
 * What one node tells the others about a document it holds (issue 17): an update it stored (with
 * the row's seq, and who wrote it: null for a server change), or an awareness change of one of
 * its connections.
 */
export type RelayMessage =
  | { kind: 'update'; docId: string; seq: number; participantId: string | null; update: Uint8Array }
  | { kind: 'awareness'; docId: string; participantId: string | null; update: Uint8Array }
  /** CI27: the board (`docId` is its id: every document of it) was deleted; close its connections. */
  | { kind: 'ended'; docId: string };

export interface RelayHandlers {
  /** An update or awareness change another node published. */
  message(message: Exclude<RelayMessage, { kind: 'ended' }>): void;
  /** Another node deleted the board `boardId`. */
  ended(boardId: string): void;
  /** The link came back after a gap: messages of the gap are lost, documents must catch up from the store. */
  resync(): void;
}

/** The board plane across nodes: left out, a node serves its boards alone (the default). */
export interface BoardRelay {
  /** Fire and forget: the update is stored already; a node that misses it catches up from the store. */
  publish(message: RelayMessage): void;
  /** Where other nodes' messages go from now on (one listener; before it, they are dropped). */
  listen(handlers: RelayHandlers): void;
  /** Stops listening (server shutdown); the Redis link itself is its owner's to close. */
  close(): Promise<void>;
}

const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_ENDED = 2;

/**
 * The relay over Redis pub/sub, on ONE channel for every document (`<prefix>board-updates`), not
 * one per document. Why: the subscription is made once, before this node can load any document,
 * so "subscribe before load" holds for every load without a SUBSCRIBE round trip per load and
 * without a race between a room's unsubscribe and its reload. The cost is that every node
 * receives every document's updates and drops those of documents it has not loaded (one short
 * header decoded); at a handful of nodes that is cheap next to storing the update.
 * Messages are binary (lib0 encoding): the node id first, so a node skips its own.
 */
export async function redisBoardRelay(
  link: RedisLink,
  /** This node's id in the cluster (its own messages come back to it and are skipped). */
  nodeId: string,
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void,
): Promise<BoardRelay> {
  const channel = `${link.prefix}board-updates`;
  let handlers: RelayHandlers | null = null;
  let closed = false;

  const onMessage = (raw: Buffer) => {
    if (!handlers || closed) return;
    let decoded: { from: string; message: RelayMessage } | null;
    try {
      decoded = decodeRelayMessage(raw);
    } catch {
      decoded = null;
    }
    if (!decoded) {
      log('warn', 'board relay message dropped', { reason: 'malformed' });
      return;
    }
    if (decoded.from === nodeId) return;
    deliver(handlers, decoded.message);
  };
  // The third argument asks node-redis for Buffers: updates are binary.
  await link.subscriber.subscribe(channel, onMessage, true);
  // node-redis reconnects and subscribes again by itself; whatever was published meanwhile is
  // lost to this node, so its documents re-read the store. The first 'ready' was before now.
  const onReady = () => {
    if (!closed) handlers?.resync();
  };
  link.subscriber.on('ready', onReady);

  return {
    publish(message) {
      if (closed) return;
      link.client.publish(channel, Buffer.from(encodeRelayMessage(nodeId, message))).catch((err: unknown) => {
        log('warn', 'board relay publish failed', { docId: message.docId, error: String(err) });
      });
    },
    listen(next) {
      handlers = next;
    },
    async close() {
      if (closed) return;
      closed = true;
      link.subscriber.off('ready', onReady);
      await link.subscriber.unsubscribe(channel, onMessage, true).catch(() => undefined);
    },
  };
}

/** Hands a decoded message to the handler of its kind. */
export function deliver(handlers: RelayHandlers, message: RelayMessage): void {
  if (message.kind === 'ended') handlers.ended(message.docId);
  else handlers.message(message);
}

export function encodeRelayMessage(from: string, message: RelayMessage): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(
    e,
    { update: KIND_UPDATE, awareness: KIND_AWARENESS, ended: KIND_ENDED }[message.kind],
  );
  encoding.writeVarString(e, from);
  encoding.writeVarString(e, message.docId);
  if (message.kind === 'ended') return encoding.toUint8Array(e);
  if (message.kind === 'update') encoding.writeVarUint(e, message.seq);
  // '' stands for "nobody" (ids are never empty).
  encoding.writeVarString(e, message.participantId ?? '');
  encoding.writeVarUint8Array(e, message.update);
  return encoding.toUint8Array(e);
}

/** Null for an unknown kind; throws on truncated input. */
export function decodeRelayMessage(bytes: Uint8Array): { from: string; message: RelayMessage } | null {
  const d = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(d);
  if (kind !== KIND_UPDATE && kind !== KIND_AWARENESS && kind !== KIND_ENDED) return null;
  const from = decoding.readVarString(d);
  const docId = decoding.readVarString(d);
  if (kind === KIND_ENDED) return { from, message: { kind: 'ended', docId } };
  const seq = kind === KIND_UPDATE ? decoding.readVarUint(d) : 0;
  const participantId = decoding.readVarString(d) || null;
  // A copy: the decoder's view would keep the whole message buffer alive.
  const update = decoding.readVarUint8Array(d).slice();
  const message: RelayMessage =
    kind === KIND_UPDATE
      ? { kind: 'update', docId, seq, participantId, update }
      : { kind: 'awareness', docId, participantId, update };
  return { from, message };
}
