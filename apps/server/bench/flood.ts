import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  CreateSessionResponse,
  JoinSessionResponse,
  type SnapshotAck,
  readSnapshot,
  boardSyncProtocols,
} from '@kring/protocol';
import type { FloodPlan, FloodReport } from './flooder';
import { markdownTable, percentile, runMain } from './report';
import { type ClientSocket, command, connect, post } from './clients';
import { nextMessage } from './ipc';
import { startServer } from './process';

/**
 * One client must not slow down everyone (issue 9). A real server in its own process (SQLite in a
 * temporary directory, port 0, the default limits table), two sessions with honest clients that
 * each send a command every 200 ms and time its round trip, and an abuser in a third process.
 * Three phases of equal length: no flood; one participant of session A flooding 3,000 commands/s;
 * one flooding 1,700 board updates/s on A's board. Printed: the honest round trips per phase in
 * the same session and in the other one, with the ratio to the no-flood p99 (target ≤ 1.5×), what
 * happened to the flooder, and how fast session A's event log grew.
 *
 * Only 127.0.0.1, bounded in time (BENCH_PHASE_MS per phase, default 8000) and in count.
 * Run with `pnpm --filter @kring/server bench:flood`.
 */

const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 8000);
const HONEST_PER_SESSION = Number(process.env.BENCH_HONEST ?? 5);
const HONEST_INTERVAL_MS = 200;
const COMMAND_RATE = 3000;
const BOARD_RATE = 1700;
const TARGET_RATIO = 1.5;

/** A child process started from a file next to this one, answering over IPC. */
function child(file: string): ChildProcess {
  return fork(fileURLToPath(new URL(file, import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Starts the flooder's process (its start-up, a second or so, is not part of the phase). */
async function startFlooder() {
  const proc = child('./flooder.ts');
  await nextMessage(proc, 'ready');
  return {
    async prepare(plan: FloodPlan): Promise<void> {
      const reply = nextMessage(proc, 'prepared');
      proc.send({ type: 'prepare', plan });
      await reply;
    },
    run(plan: FloodPlan): Promise<FloodReport> {
      const reply = nextMessage<{ report: FloodReport }>(proc, 'report').then((m) => m.report);
      proc.send({ type: 'run', plan });
      return reply;
    },
    stop: () => proc.disconnect(),
  };
}

interface Person {
  token: string;
  participantId: string;
  socket: ClientSocket;
}

interface Session {
  joinCode: string;
  host: ClientSocket;
  boardId: string;
  honest: Person[];
}

async function version(socket: ClientSocket): Promise<number> {
  const snap = await new Promise<SnapshotAck>((resolve) =>
    socket.emit('snapshot', (wire) => resolve(readSnapshot(wire))),
  );
  if (!snap.ok) throw new Error(`snapshot refused: ${snap.error.message}`);
  return snap.state.version;
}

async function join(url: string, joinCode: string, name: string) {
  return post(`${url}/api/sessions/${joinCode}/participants`, { displayName: name }, (j) =>
    JoinSessionResponse.parse(j),
  );
}

async function session(url: string, title: string): Promise<Session> {
  const created = await post(`${url}/api/sessions`, { title }, (j) => CreateSessionResponse.parse(j));
  const host = await connect(url, created.facilitatorToken);
  const snap = await new Promise<SnapshotAck>((resolve) =>
    host.emit('snapshot', (wire) => resolve(readSnapshot(wire))),
  );
  if (!snap.ok) throw new Error('no snapshot');
  const honest: Person[] = [];
  for (let i = 0; i < HONEST_PER_SESSION; i++) {
    const joined = await join(url, created.joinCode, `${title} person ${i + 1}`);
    honest.push({ ...joined, socket: await connect(url, joined.token) });
  }
  return { joinCode: created.joinCode, host, boardId: snap.state.boards[0]!.id, honest };
}

interface Samples {
  ms: number[];
  errors: Record<string, number>;
}

/** One honest person: a command every 200 ms (hand up, hand down), its round trip timed. */
async function honestLoop(person: Person, until: number, into: Samples): Promise<void> {
  await delay(Math.random() * HONEST_INTERVAL_MS); // not all in step
  let raised = false;
  while (performance.now() < until) {
    const t0 = performance.now();
    const ack = await command(person.socket, { type: raised ? 'hand.lower' : 'hand.raise' });
    const took = performance.now() - t0;
    if (ack.ok) {
      into.ms.push(took);
      raised = !raised;
    } else {
      into.errors[ack.error.code] = (into.errors[ack.error.code] ?? 0) + 1;
    }
    await delay(Math.max(0, HONEST_INTERVAL_MS - took));
  }
  if (raised) await command(person.socket, { type: 'hand.lower' });
}

interface PhaseResult {
  name: string;
  same: Samples;
  other: Samples;
  flood: FloodReport | null;
  /** Events session A stored during the phase. */
  eventsA: number;
  serverCpuMs: number;
}

async function phase(
  name: string,
  server: Awaited<ReturnType<typeof startServer>>,
  a: Session,
  b: Session,
  flood: (() => Promise<FloodReport>) | null,
): Promise<PhaseResult> {
  const same: Samples = { ms: [], errors: {} };
  const other: Samples = { ms: [], errors: {} };
  const versionBefore = await version(a.host);
  const cpuBefore = (await server.stats()).cpuMs;
  const until = performance.now() + PHASE_MS;
  const flooding = flood?.() ?? Promise.resolve(null);
  await Promise.all([
    ...a.honest.map((p) => honestLoop(p, until, same)),
    ...b.honest.map((p) => honestLoop(p, until, other)),
  ]);
  const report = await flooding;
  const serverCpuMs = (await server.stats()).cpuMs - cpuBefore;
  return { name, same, other, flood: report, eventsA: (await version(a.host)) - versionBefore, serverCpuMs };
}

/** Notes of the board flooder that reached the board (read once after its phase). */
async function floodedNotes(url: string, boardId: string, token: string): Promise<number> {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, boardId, doc, {
    protocols: boardSyncProtocols(token),
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const deadline = performance.now() + 10_000;
  while (!p.synced && performance.now() < deadline) await delay(20);
  const count = [...doc.getMap('notes').keys()].filter((k) => k.startsWith('flood-')).length;
  p.destroy();
  doc.destroy();
  return count;
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));

function rows(results: PhaseResult[]): string {
  const base = results[0]!;
  const p99 = (s: Samples) =>
    percentile(
      [...s.ms].sort((x, y) => x - y),
      99,
    );
  const head = ['phase', 'session', 'samples', 'p50 ms', 'p95 ms', 'p99 ms', 'p99 vs no flood', 'refused'];
  const body = results.flatMap((r) =>
    (['same', 'other'] as const).map((which) => {
      const s = r[which];
      const sorted = [...s.ms].sort((x, y) => x - y);
      const ratio = p99(s) / p99(base[which]);
      const refused = Object.entries(s.errors)
        .map(([code, n]) => `${n} ${code}`)
        .join(', ');
      return [
        r.name,
        which === 'same' ? 'same (A)' : 'other (B)',
        String(sorted.length),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 95)),
        ms(percentile(sorted, 99)),
        r === base ? '—' : `${ratio.toFixed(2)}×`,
        refused || '0',
      ];
    }),
  );
  return markdownTable(head, body, 2);
}

function describeFlood(r: FloodReport, floodedNotesCount: number | null): string {
  const cut = r.firstCutMs === null ? 'never cut off' : `first cut off after ${r.firstCutMs.toFixed(0)} ms`;
  if (r.kind === 'commands') {
    return (
      `command flooder: ${r.sent} sent, answered ${r.accepted} ok, ${r.limited} rate_limited, ${r.other} other ` +
      `(answers in flight at a cut are lost: the event log below says what was stored); ` +
      `${cut}; disconnected ${r.cuts}×; ${r.refusedAtDoor} reconnects refused at the handshake (cooldown)`
    );
  }
  return (
    `board flooder: ${r.sent} updates sent, ${floodedNotesCount ?? '?'} reached the board; ${cut}; ` +
    `closed with 4429 ${r.limited}× (other closes: ${r.other}); ${r.refusedAtDoor} reconnects refused (HTTP 429)`
  );
}

async function main(): Promise<void> {
  const server = await startServer('./server-process.ts');
  const { url } = server;
  const a = await session(url, 'A');
  const b = await session(url, 'B');
  const commandFlooder = await join(url, a.joinCode, 'Command flooder');
  const boardFlooder = await join(url, a.joinCode, 'Board flooder');
  const flooder = await startFlooder();
  // Warm-up: the flooder's process compiles and connects nothing yet; the server's code paths warm.
  await phase('warm-up', server, a, b, null);

  const results: PhaseResult[] = [];
  results.push(await phase('no flood', server, a, b, null));
  const commandPlan: FloodPlan = {
    kind: 'commands',
    url,
    token: commandFlooder.token,
    participantId: commandFlooder.participantId,
    boardId: a.boardId,
    rate: COMMAND_RATE,
    durationMs: PHASE_MS,
  };
  const boardPlan: FloodPlan = {
    ...commandPlan,
    kind: 'board',
    token: boardFlooder.token,
    participantId: boardFlooder.participantId,
    rate: BOARD_RATE,
  };
  await flooder.prepare(commandPlan);
  results.push(await phase('3000 commands/s', server, a, b, () => flooder.run(commandPlan)));
  await flooder.prepare(boardPlan);
  results.push(await phase('1700 board updates/s', server, a, b, () => flooder.run(boardPlan)));
  const notes = await floodedNotes(url, a.boardId, boardFlooder.token);

  const p99 = (s: Samples) =>
    percentile(
      [...s.ms].sort((x, y) => x - y),
      99,
    );
  const base = results[0]!;
  const worst = Math.max(
    ...results.slice(1).flatMap((r) => [p99(r.same) / p99(base.same), p99(r.other) / p99(base.other)]),
  );
  const seconds = PHASE_MS / 1000;
  const out = [
    '',
    `Flood benchmark: ${HONEST_PER_SESSION} honest clients in session A and ${HONEST_PER_SESSION} in session B, ` +
      `each one command every ${HONEST_INTERVAL_MS} ms; phases of ${seconds} s`,
    '',
    rows(results),
    '',
    `target: others' p99 during a flood within ${TARGET_RATIO}× of their p99 without: ` +
      `${worst <= TARGET_RATIO ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}×)`,
    '',
    ...results
      .filter((r) => r.flood)
      .map((r) => describeFlood(r.flood!, r.flood!.kind === 'board' ? notes : null)),
    '',
    'session A event log during each phase (all its people together):',
    ...results.map(
      (r) =>
        `  ${r.name.padEnd(22)} ${String(r.eventsA).padStart(6)} events (${(r.eventsA / seconds).toFixed(0)}/s), ` +
        `server CPU ${r.serverCpuMs.toFixed(0)} ms`,
    ),
    '',
  ];
  process.stdout.write(out.join('\n'));
  for (const s of [a, b])
    for (const socket of [s.host, ...s.honest.map((p) => p.socket)]) socket.disconnect();
  flooder.stop();
  await server.stop();
}

runMain(main);
