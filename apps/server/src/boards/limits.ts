import { LIMITS } from '@kring/protocol';

/** Tunables of the board sync server. The product limits themselves live in `LIMITS` (@kring/protocol). */

/** Largest single message accepted from a client; bigger ones close the connection with 4413. */
export const MESSAGE_BYTES = LIMITS.boardMessageBytes;

/** Largest encoded document; an update that would grow a board past it is refused. */
export const DOCUMENT_BYTES = LIMITS.boardDocumentBytes;

/**
 * `ws` drops frames above `maxPayload` itself (close 1009) before we see them. We set it above our
 * own limit so that ordinary oversize messages get our 4413, while absurd frames are still cut off
 * before they are buffered.
 */
export const WS_MAX_PAYLOAD = MESSAGE_BYTES * 2;

/** Log rows per board above which they are merged into one (Y.mergeUpdates). */
export const COMPACT_AFTER_ROWS = 300;
/**
 * PR6: words edited or deleted on a board leave its stored log within this long: a document with
 * new rows is compacted this long after its first one (and when it unloads). The store then
 * checkpoints its WAL within ERASURE_CHECKPOINT_MS: under a minute in all.
 */
export const COMPACT_WITHIN_MS = 20_000;
/** A board nobody uses stays loaded this long, so commands on it do not load it again each time. */
export const IDLE_UNLOAD_MS = 30_000;

/** Awareness carries a cursor and a name; anything bigger is abuse. */
export const AWARENESS_MESSAGE_BYTES = 32 * 1024;

/** A provider speaks for one awareness client id; a few more allow for a reconnect race. */
export const AWARENESS_IDS_PER_CONNECTION = 4;

export const PING_INTERVAL_MS = 30_000;

/** A reader this far behind is dropped: otherwise a stalled client grows our memory without bound. */
export const MAX_BUFFERED_BYTES = 2 * DOCUMENT_BYTES;

/** Messages waiting in a board's queue for one connection before we stop reading its socket. */
export const MAX_QUEUED_PER_CONNECTION = 64;
