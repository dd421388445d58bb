import { performance } from 'node:perf_hooks';
import { CreateSessionResponse, JoinSessionResponse, type SnapshotAck, readSnapshot } from '@kring/protocol';
import { type ClientSocket, connect, post, welcome } from './clients';
import { pooled } from './ipc';
import type { ServerProcess } from './process';

/**
 * A session of many people on a Kring server process: created, joined over HTTP (as the join
 * page does), then connected on real socket.io clients that each take their first state from the
 * welcome the server sends on connecting (as the web app does). Shared by the benchmarks that need a full room before they measure.
 */

/**
 * BENCH_LIMITS for `people` joining from one address (the benchmark's): the per-address and
 * per-session join limits would otherwise refuse most of them.
 */
export const crowdLimits = (people: number) =>
  JSON.stringify({
    joinsPerAddress: { points: 10 * people, seconds: 600 },
    joinsPerSession: { points: 10 * people, seconds: 600 },
    handshakesPerAddress: { points: 10 * people, seconds: 60 },
  });

export interface Crowd {
  session: CreateSessionResponse;
  /** The host's token first, then one per participant. */
  tokens: string[];
}

/** A session with a host and `people - 1` participants who joined over HTTP. */
export async function createCrowd(url: string, people: number, title: string): Promise<Crowd> {
  const session = await createSession(url, title);
  return { session, tokens: [session.facilitatorToken, ...(await joinPeople(url, session, people - 1))] };
}

export const createSession = (url: string, title: string) =>
  post(`${url}/api/sessions`, { title }, (j) => CreateSessionResponse.parse(j));

/** `count` participants join over HTTP, a few at a time; their tokens. */
export async function joinPeople(
  url: string,
  session: CreateSessionResponse,
  count: number,
): Promise<string[]> {
  const joined = await pooled(
    Array.from({ length: count }, (_, i) => i),
    25,
    (i) =>
      post(`${url}/api/sessions/${session.joinCode}/participants`, { displayName: `Person ${i + 1}` }, (j) =>
        JoinSessionResponse.parse(j),
      ),
  );
  return joined.map((j) => j.token);
}

/** The state the server sends on a `snapshot` request (the bare baseline's too). */
export async function snapshot(socket: ClientSocket): Promise<Extract<SnapshotAck, { ok: true }>> {
  const snap = await new Promise<SnapshotAck>((resolve) =>
    socket.emit('snapshot', (wire) => resolve(readSnapshot(wire))),
  );
  if (!snap.ok) throw new Error(`snapshot refused: ${snap.error.message}`);
  return snap;
}

/** The bytes of a first state as it travels (its JSON): what the bare baseline answers with. */
export function stateSize(socket: ClientSocket): Promise<number> {
  return new Promise((resolve) =>
    socket.emit('snapshot', (wire) => resolve(wire.ok ? wire.state.byteLength : 0)),
  );
}

/** Everyone connected, each holding their first state; a few at a time, like people arriving. */
export function connectAll(url: string, tokens: readonly string[]): Promise<ClientSocket[]> {
  return pooled(tokens, 50, async (token) => {
    const socket = await connect(url, token);
    await welcome(socket);
    return socket;
  });
}

/** Polls `done` until it holds; throws after `timeoutMs`. */
export async function until(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Waits until the server process is quiet (under 5% of a core over 200 ms: a CPU profiler's own
 * sampling stays below that), so a measurement does not catch the tail of what came before
 * (presence fan-out, snapshots still being written).
 */
export async function quiet(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let before = await server.cpuMs();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = await server.cpuMs();
    if (now - before < 10) return;
    if (performance.now() > deadline) throw new Error('the server did not become quiet');
    before = now;
  }
}
