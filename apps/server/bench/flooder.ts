import { performance } from 'node:perf_hooks';
import { addNote } from '@kring/board';
import {
  type ClientToServerEvents,
  type CommandAck,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  WS_CLOSE,
  boardSyncProtocols,
} from '@kring/protocol';
import { io as ioClient, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeUpdate } from '../src/boards/messages';

/**
 * The abuser of the flood benchmark, in a process of its own so that its sending does not slow
 * down the honest clients' event loop (only the server's, which is what is measured). Started
 * with a plan over IPC, it floods for `durationMs` the way a script would: as fast as the plan
 * says, reconnecting at once whenever the server cuts it off, then reports what happened.
 */
export interface FloodPlan {
  kind: 'commands' | 'board';
  url: string;
  token: string;
  participantId: string;
  boardId: string;
  /** Messages per second. */
  rate: number;
  durationMs: number;
}

export interface FloodReport {
  kind: FloodPlan['kind'];
  sent: number;
  /** Commands answered ok (board: left at 0; the driver counts the notes that reached the board). */
  accepted: number;
  /** Commands answered rate_limited (board: connections closed with 4429). */
  limited: number;
  /** Other answers (board: connections closed with another code). */
  other: number;
  /** When the server first cut the flooder off, ms after the flood began (null: never). */
  firstCutMs: number | null;
  /** Times the server ended a connection of the flooder. */
  cuts: number;
  /** Connection attempts the server refused at the door (handshake / upgrade). */
  refusedAtDoor: number;
  reconnects: number;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const TICK_MS = 10;
const RECONNECT_MS = 100;

function report(kind: FloodPlan['kind']): FloodReport {
  return {
    kind,
    sent: 0,
    accepted: 0,
    limited: 0,
    other: 0,
    firstCutMs: null,
    cuts: 0,
    refusedAtDoor: 0,
    reconnects: 0,
  };
}

async function floodCommands(plan: FloodPlan): Promise<FloodReport> {
  const out = report('commands');
  const start = performance.now();
  const end = start + plan.durationMs;
  let socket: ClientSocket | null = null;
  let connecting = false;
  const perTick = Math.max(1, Math.round((plan.rate * TICK_MS) / 1000));
  let flip = false;

  const connect = () => {
    if (connecting || performance.now() > end) return;
    connecting = true;
    const s: ClientSocket = ioClient(plan.url, {
      auth: { token: plan.token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    s.once('connect', () => {
      connecting = false;
      socket = s;
    });
    s.once('connect_error', (err) => {
      connecting = false;
      if (err.message === 'rate_limited') out.refusedAtDoor++;
      else out.other++;
      s.close();
      setTimeout(connect, RECONNECT_MS);
    });
    s.on('disconnect', (reason) => {
      if (socket === s) socket = null;
      if (reason === 'io server disconnect') {
        out.cuts++;
        out.firstCutMs ??= performance.now() - start;
      }
      out.reconnects++;
      setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();

  const onAck = (ack: CommandAck) => {
    if (ack.ok) out.accepted++;
    else if (ack.error.code === 'rate_limited') out.limited++;
    else out.other++;
  };
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() > end) {
        clearInterval(timer);
        resolve();
        return;
      }
      const s = socket;
      if (!s?.connected) return;
      for (let i = 0; i < perTick; i++) {
        flip = !flip;
        out.sent++;
        s.emit('command', { type: flip ? 'hand.raise' : 'hand.lower' }, onAck);
      }
    }, TICK_MS);
  });
  (socket as ClientSocket | null)?.close();
  return out;
}

/** Small real updates (a note each, in the flooder's own name), made before the flood starts. */
function boardUpdates(plan: FloodPlan): Uint8Array[] {
  // Each from a document of its own, so none depends on another: whatever the server drops after
  // a cut, the next connection's updates still apply (the most a script can get stored).
  const updates: Uint8Array[] = [];
  const total = Math.ceil((plan.rate * plan.durationMs) / 1000);
  for (let i = 0; i < total; i++) {
    const local = new Y.Doc();
    local.on('update', (u: Uint8Array) => updates.push(encodeUpdate(u)));
    addNote(local, { id: `flood-${i}`, text: `flood ${i}`, color: 'yellow', authorId: plan.participantId });
    local.destroy();
  }
  return updates;
}

async function floodBoard(plan: FloodPlan, updates: Uint8Array[]): Promise<FloodReport> {
  const out = report('board');
  const start = performance.now();
  const end = start + plan.durationMs;
  const perTick = Math.max(1, Math.round((plan.rate * TICK_MS) / 1000));
  let next = 0;
  let ws: WebSocket | null = null;

  const connect = () => {
    if (performance.now() > end) return;
    const socket = new WebSocket(
      `${plan.url.replace(/^http/, 'ws')}/yjs/${plan.boardId}`,
      boardSyncProtocols(plan.token),
    );
    socket.on('error', () => {});
    socket.on('unexpected-response', (_req, res) => {
      if (res.statusCode === 429) out.refusedAtDoor++;
      else out.other++;
      socket.terminate();
      setTimeout(connect, RECONNECT_MS);
    });
    socket.on('open', () => {
      ws = socket;
    });
    socket.on('close', (code) => {
      if (ws !== socket) return;
      ws = null;
      if (code === WS_CLOSE.rateLimited) out.limited++;
      else out.other++;
      out.cuts++;
      out.firstCutMs ??= performance.now() - start;
      out.reconnects++;
      setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();

  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (performance.now() > end || next >= updates.length) {
        clearInterval(timer);
        resolve();
        return;
      }
      const socket = ws;
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      for (let i = 0; i < perTick && next < updates.length; i++) {
        out.sent++;
        socket.send(updates[next++]!);
      }
    }, TICK_MS);
  });
  const last: WebSocket | null = ws;
  ws = null;
  (last as WebSocket | null)?.terminate();
  return out;
}

let prepared: Uint8Array[] = [];
process.on('message', (message: { type: 'prepare' | 'run'; plan: FloodPlan }) => {
  const { plan } = message;
  if (message.type === 'prepare') {
    if (plan.kind === 'board') prepared = boardUpdates(plan);
    process.send?.({ type: 'prepared' });
    return;
  }
  const run = plan.kind === 'commands' ? floodCommands(plan) : floodBoard(plan, prepared);
  void run.then((out) => {
    process.send?.({ type: 'report', report: out });
  });
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
