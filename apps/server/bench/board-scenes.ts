import { newId } from '@kring/board';
import {
  CreateSessionResponse,
  JoinSessionResponse,
  type SessionState,
  type SnapshotAck,
  readSnapshot,
} from '@kring/protocol';
import { type BoardServer, kringBoards, referenceBoards } from './board-clients';
import { type ClientSocket, command, connect, post } from './clients';
import { pooled } from './ipc';
import { type ServerProcess, startServer } from './process';

/**
 * The board benchmarks' setting on each server: which boards there are, who writes on which, and
 * a token that may read them all afterwards. On Kring that is a real session: people joined over
 * HTTP, and either the session's own board (one board) or a breakout whose rooms each have a board
 * (many boards, as a facilitator would split 300 people into 60 rooms). On the reference server
 * boards are just room names and nobody needs a token.
 */

export interface Writer {
  token: string;
  /** Written as the note's author (Kring's write guard accepts only one's own id). */
  authorId: string;
}

export interface BoardScene {
  boards: BoardServer;
  rooms: { room: string; writers: Writer[] }[];
  /** May read every board (Kring: the host) for the check after the run. */
  readerToken: string;
}

/** Limits a session of `people` joining from one address would otherwise trip. */
export const benchLimits = (people: number) =>
  JSON.stringify({
    joinsPerAddress: { points: 10 * people, seconds: 600 },
    joinsPerSession: { points: 10 * people, seconds: 600 },
  });

/** Kring in its own process; with `dataDir`, on that directory (the caller owns it and removes it). */
export const startKring = (people: number, dataDir?: string): Promise<ServerProcess> =>
  startServer('./server-process.ts', [], {
    BENCH_LIMITS: benchLimits(people),
    ...(dataDir ? { BENCH_DATA_DIR: dataDir } : {}),
  });

export const startReference = (): Promise<ServerProcess> => startServer('./ywebsocket-reference.ts');

async function stateOf(socket: ClientSocket): Promise<SessionState> {
  const snap = await new Promise<SnapshotAck>((resolve) =>
    socket.emit('snapshot', (wire) => resolve(readSnapshot(wire))),
  );
  if (!snap.ok) throw new Error(`snapshot refused: ${snap.error.message}`);
  return snap.state;
}

async function run(host: ClientSocket, cmd: { type: string } & Record<string, unknown>): Promise<void> {
  const ack = await command(host, cmd);
  if (!ack.ok) throw new Error(`${cmd.type} refused: ${ack.error.code} ${ack.error.message}`);
}

/** A Kring session of `people` participants spread evenly over `boards` boards. */
export async function kringScene(url: string, boards: number, people: number): Promise<BoardScene> {
  const session = await post(`${url}/api/sessions`, { title: 'Board storm' }, (j) =>
    CreateSessionResponse.parse(j),
  );
  const joined = await pooled(
    Array.from({ length: people }, (_, i) => i),
    25,
    (i) =>
      post(`${url}/api/sessions/${session.joinCode}/participants`, { displayName: `Person ${i + 1}` }, (j) =>
        JoinSessionResponse.parse(j),
      ),
  );
  const writers = new Map(
    joined.map((j) => [j.participantId, { token: j.token, authorId: j.participantId }]),
  );
  const host = await connect(url, session.facilitatorToken);
  try {
    let rooms: BoardScene['rooms'];
    if (boards === 1) {
      const board = (await stateOf(host)).boards[0];
      if (!board) throw new Error('the session has no board');
      rooms = [{ room: board.id, writers: [...writers.values()] }];
    } else {
      // The server shuffles people into balanced rooms; each room's board takes its members' writes.
      await run(host, { type: 'breakout.create', rooms: { by: 'count', count: boards } });
      await run(host, { type: 'breakout.assign', assign: { mode: 'random', groups: [] } });
      await run(host, { type: 'breakout.open', durationMs: 60 * 60_000 });
      const breakout = (await stateOf(host)).breakouts.current;
      if (!breakout) throw new Error('no breakout');
      rooms = breakout.rooms.map((r) => ({
        room: r.boardId,
        writers: Object.entries(breakout.assignment)
          .filter(([, roomId]) => roomId === r.id)
          .map(([id]) => writers.get(id)!),
      }));
    }
    return { boards: kringBoards(url), rooms, readerToken: session.facilitatorToken };
  } finally {
    host.disconnect();
  }
}

/** The same shape on the reference server: rooms by name, writers without tokens. */
export function referenceScene(url: string, boards: number, people: number): BoardScene {
  const perBoard = Math.ceil(people / boards);
  return {
    boards: referenceBoards(url),
    rooms: Array.from({ length: boards }, (_, b) => ({
      room: `board-${b}`,
      writers: Array.from({ length: Math.min(perBoard, people - b * perBoard) }, () => ({
        token: '',
        authorId: newId(), // Kring's kind of id: the same bytes in both documents
      })),
    })),
    readerToken: '',
  };
}
