import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { badMessage } from './errors';

/**
 * The y-websocket wire format, as the stock `WebsocketProvider` speaks it:
 * `[messageType varUint, ...payload]`, with sync messages carrying a second varUint subtype
 * (y-protocols/sync). We decode into plain data before touching the document so that the
 * permission check can drop writes without ever applying them.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** step 2 (answer to our step 1) and update are the same thing to us: a write. */
  | { kind: 'write'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  /** Clients never need to send auth messages; we accept and ignore them like the reference server. */
  | { kind: 'auth' };

/** Throws BoardCloseError(4400) for anything that is not a well-formed y-websocket message. */
export function decodeClientMessage(bytes: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SYNC_STEP1) return { kind: 'syncStep1', stateVector: payload };
        if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) return { kind: 'write', update: payload };
        break;
      }
      case MESSAGE_AWARENESS:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MESSAGE_QUERY_AWARENESS:
        return { kind: 'queryAwareness' };
      case MESSAGE_AUTH:
        return { kind: 'auth' };
    }
  } catch {
    // lib0 throws on truncated input (varUint past the end, length beyond the buffer).
    throw badMessage('truncated message');
  }
  throw badMessage('unknown message type');
}

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Our state vector, so the client answers with what we are missing. */
export const encodeSyncStep1 = (doc: Y.Doc) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

/** Everything the client lacks given its state vector; throws (4400) on a malformed vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  let diff: Uint8Array;
  try {
    diff = Y.encodeStateAsUpdate(doc, stateVector);
  } catch {
    throw badMessage('malformed state vector');
  }
  return message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, diff);
  });
}

/** A state vector naming nothing: the whole document is what a client holding nothing lacks. */
export const EMPTY_STATE_VECTOR: Uint8Array = Uint8Array.of(0);

/**
 * Issue 14: what a client holds once it has both its own state (`client`) and what we already
 * sent it (`sent`): per Yjs client id, the higher of the two clocks. Throws (4400) when the
 * client's vector is malformed, as `encodeSyncStep2` would.
 */
export function mergeStateVectors(client: Uint8Array, sent: Uint8Array): Uint8Array {
  let merged: Map<number, number>;
  try {
    merged = Y.decodeStateVector(client);
  } catch {
    throw badMessage('malformed state vector');
  }
  for (const [id, clock] of Y.decodeStateVector(sent)) {
    if (clock > (merged.get(id) ?? 0)) merged.set(id, clock);
  }
  return Y.encodeStateVector(merged);
}

export const encodeUpdate = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (awarenessUpdate: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessUpdate);
  });
