import { evolveCopy } from '@kring/core';
import type { BreakoutState, SessionEvent, SessionState } from '@kring/protocol';
import { type ClientSocket, connectSocket, joinSession, snapshotAck, withToken } from './harness';
import { command, type scene, snapshot } from './boards-harness';

export type Scene = Awaited<ReturnType<typeof scene>>;
export type Person = Scene['people'][number];

/** Sends a command that must be accepted. */
export async function ok(socket: ClientSocket, cmd: unknown): Promise<void> {
  const ack = await command(socket, cmd);
  if (!ack.ok) throw new Error(`${JSON.stringify(cmd)} refused: ${ack.error.code} ${ack.error.message}`);
}

/** The current breakout as the host sees it. */
export async function breakoutOf(host: ClientSocket): Promise<BreakoutState> {
  const current = (await snapshot(host)).breakouts.current;
  if (!current) throw new Error('no breakout');
  return current;
}

/** Creates a breakout with named rooms and puts people in them by hand (room index per person). */
export async function roomsWith(
  host: ClientSocket,
  names: readonly string[],
  placement: readonly (readonly [Person, number])[] = [],
): Promise<BreakoutState> {
  await ok(host, { type: 'breakout.create', rooms: { by: 'names', rooms: names.map((name) => ({ name })) } });
  const created = await breakoutOf(host);
  if (placement.length > 0) {
    await ok(host, {
      type: 'breakout.assign',
      assign: {
        mode: 'manual',
        moves: placement.map(([p, i]) => ({ participantId: p.id, roomId: created.rooms[i]!.id })),
      },
    });
  }
  return breakoutOf(host);
}

/**
 * A client as the web app runs it: a snapshot, then the events it receives, each applied to its
 * cut copy with core `evolveCopy`, and a fresh snapshot whenever core says the copy cannot follow
 * (V6: a room became readable). Keeps every event and batch it received, and counts snapshots.
 */
export async function mirror(socket: ClientSocket) {
  const box = {
    state: null as unknown as SessionState,
    you: '',
    events: [] as SessionEvent[],
    batches: [] as SessionEvent[][],
    snapshots: 0,
  };
  /** Events that came while a snapshot was on its way; applied after it, past its version. */
  let pending: SessionEvent[] | null = null;
  const apply = (events: readonly SessionEvent[]) => {
    for (const e of events) {
      if (e.v <= box.state.version) continue;
      const next = evolveCopy(box.state, e, box.you);
      box.state = next.state;
      if (next.snapshot) {
        // The snapshot is taken after this batch was stored: it holds the rest of it too.
        void refresh();
        return;
      }
    }
  };
  const refresh = async () => {
    pending = [];
    box.snapshots++;
    box.state = await snapshot(socket);
    const buffered = pending;
    pending = null;
    apply(buffered);
  };
  socket.on('events', ({ events }) => {
    box.batches.push(events);
    box.events.push(...events);
    if (pending) pending.push(...events);
    else if (box.state) apply(events);
  });
  const first = await snapshotAck(socket);
  if (!first.ok) throw new Error(first.error.message);
  box.you = first.you;
  box.state = first.state;
  return box;
}

/** `n` more people who join and connect, named `prefix 0…n-1`. */
export async function crowd(url: string, joinCode: string, n: number, prefix = 'Person'): Promise<Person[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const name = `${prefix} ${i}`;
      const joined = await joinSession(url, joinCode, name);
      const socket = await connectSocket(url, withToken(joined.token));
      return { name, id: joined.participantId, token: joined.token, socket };
    }),
  );
}
