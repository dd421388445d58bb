import type { Log } from '../log';

/**
 * A connection this far behind is cut (as board connections are, `boards/limits.ts`): a screen
 * that stopped reading its socket (a phone asleep with the tab open, a hostile client) would
 * otherwise make the server hold every message for it, without bound. It reconnects and takes a
 * fresh snapshot, so nothing is lost to it.
 */
export const MAX_BEHIND_BYTES = 8 * 1024 * 1024;
/** How often every connection is looked at (cheap: a few fields per socket). */
export const SWEEP_EVERY_MS = 2000;

/** The parts of an engine.io connection that say how much waits to be written. */
interface EngineConnection {
  /** Packets engine.io holds while the transport is not writable (it is while a write is pending). */
  writeBuffer?: { data?: unknown }[];
  /** The websocket transport's `ws` socket, with what it has queued but not yet handed to the kernel. */
  transport?: { socket?: { bufferedAmount?: unknown; terminate?: unknown } };
}

const sizeOf = (data: unknown): number =>
  typeof data === 'string'
    ? data.length
    : data instanceof Uint8Array || data instanceof ArrayBuffer
      ? data.byteLength
      : 0;

/** Bytes waiting for one connection: engine.io's queue plus the websocket's own. */
export function bytesBehind(conn: unknown): number {
  const engine = conn as EngineConnection;
  let bytes = 0;
  for (const packet of engine.writeBuffer ?? []) bytes += sizeOf(packet.data);
  const ws = engine.transport?.socket?.bufferedAmount;
  return bytes + (typeof ws === 'number' ? ws : 0);
}

interface SweptSocket {
  conn: { close(discard?: boolean): unknown };
}

/**
 * Cuts a connection at once, discarding what waits for it. A plain disconnect would first wait for
 * the queue to drain, and a websocket's closing handshake for an answer: a connection that does not
 * read gives neither, so its TCP connection is ended too.
 */
function cut(socket: SweptSocket): void {
  socket.conn.close(true);
  const ws = (socket.conn as EngineConnection).transport?.socket;
  if (ws && typeof ws.terminate === 'function') (ws.terminate as () => void).call(ws);
}

/** Looks at every connection now and then; cuts those more than `maxBytes` behind. Returns the stop. */
export function sweepSlowReaders(
  sockets: () => Iterable<SweptSocket>,
  log: Log,
  { everyMs = SWEEP_EVERY_MS, maxBytes = MAX_BEHIND_BYTES } = {},
): () => void {
  const timer = setInterval(() => {
    let count = 0;
    for (const socket of sockets()) {
      if (bytesBehind(socket.conn) <= maxBytes) continue;
      cut(socket);
      count++;
    }
    if (count > 0) log('warn', 'cut connections that stopped reading', { count });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
