import { performance } from 'node:perf_hooks';
import type { EventBatch } from '@kring/protocol';
import { type ClientSocket, command } from './clients';
import { connectAll, createCrowd, crowdLimits, quiet, until } from './crowd';
import { type ServerProcess, startServer } from './process';
import { markdownTable, percentile, loadAverage, runMain, median } from './report';

/**
 * Floor fan-out at a thousand (issue 14): one session, a host and `BENCH_PEOPLE - 1` participants
 * on real socket.io clients (joined over HTTP, each holding its snapshot). The host changes the
 * floor's options `BENCH_EVENTS` times; each time, per client: from sending the command until that
 * client received the event (the host included). Also the server's CPU per event.
 *
 * Side by side with a bare socket.io server (`bare-server.ts`) with as many clients, where one
 * client's `command` makes the server send everyone a message of the same bytes as Kring's event
 * batch. Both run at once, their events alternating; `BENCH_RUNS` runs. All clients share the
 * driver's process (and the machine's cores with the servers): latencies include the time to read
 * 1,000 messages in one loop.
 * Run with `pnpm --filter @kring/server bench:fan-out`.
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 25);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

type Kind = 'Kring' | 'bare socket.io';

interface FanOutResult {
  kind: Kind;
  run: number;
  /** Per client and event: ms from the command until the client had the event. */
  latencies: number[];
  /** Server CPU over all the events, per event. */
  cpuPerEventMs: number;
  /** JSON bytes of one event message as a client receives it. */
  bytes: number;
}

/**
 * A server and its connected clients; `sockets[0]` sends the commands. Each `round` sends one and
 * times every client's copy; `counts` says whether a batch is the one being waited for.
 */
class Audience {
  readonly latencies: number[] = [];
  bytes = 0;
  private readonly got: Int32Array;
  private round = -1;
  private t0 = 0;
  private arrived = 0;
  private cpuBefore = 0;
  /** Commands since `start`. */
  private sent = 0;

  constructor(
    readonly server: ServerProcess,
    readonly sockets: readonly ClientSocket[],
    counts: (batch: EventBatch) => boolean,
  ) {
    this.got = new Int32Array(sockets.length).fill(-1);
    sockets.forEach((socket, i) =>
      socket.on('events', (batch) => {
        if (this.round < 0 || this.got[i] === this.round || !counts(batch)) return;
        this.latencies.push(performance.now() - this.t0);
        this.got[i] = this.round;
        this.arrived++;
        if (i === sockets.length - 1 && this.bytes === 0) this.bytes = JSON.stringify(batch).length;
      }),
    );
  }

  /** Measuring starts (again): latencies and CPU from here on, once the server is quiet. */
  async start(): Promise<void> {
    await quiet(this.server);
    this.latencies.length = 0;
    this.sent = 0;
    this.cpuBefore = await this.server.cpuMs();
  }

  /** One command; resolves once every client has its event. */
  async send(cmd: unknown): Promise<void> {
    this.round++;
    this.sent++;
    this.arrived = 0;
    this.t0 = performance.now();
    const ack = await command(this.sockets[0]!, cmd);
    if (!ack.ok) throw new Error(`command refused: ${ack.error.code} ${ack.error.message}`);
    await until(`event ${this.round} at every client`, () => this.arrived === this.sockets.length);
  }

  async result(): Promise<Omit<FanOutResult, 'kind' | 'run'>> {
    const cpuPerEventMs = ((await this.server.cpuMs()) - this.cpuBefore) / this.sent;
    return { latencies: [...this.latencies], cpuPerEventMs, bytes: this.bytes };
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.disconnect();
    await this.server.stop();
  }
}

async function kringAudience(): Promise<Audience> {
  const server = await startServer('./server-process.ts', [], { BENCH_LIMITS: crowdLimits(PEOPLE) });
  const crowd = await createCrowd(server.url, PEOPLE, 'Fan-out');
  const sockets = await connectAll(server.url, crowd.tokens);
  const open = await command(sockets[0]!, { type: 'floor.start', setup: { mode: 'open' } });
  if (!open.ok) throw new Error(`floor.start refused: ${open.error.message}`);
  return new Audience(server, sockets, (batch) =>
    batch.events.some((e) => e.type === 'floor.optionsChanged'),
  );
}

async function bareAudience(): Promise<Audience> {
  const server = await startServer('./bare-server.ts');
  const sockets = await connectAll(
    server.url,
    Array.from({ length: PEOPLE }, () => 'none'),
  );
  return new Audience(server, sockets, () => true);
}

/**
 * Both servers with their clients at once, and their events alternate: a burst of load from the
 * other benchmarks sharing the machine then falls on both alike. Every event only starts once the
 * previous one reached everyone, so the two never overlap. The first Kring event (not counted)
 * gives the size of the bare server's message.
 */
async function run(n: number): Promise<FanOutResult[]> {
  const kring = await kringAudience();
  const bare = await bareAudience();
  try {
    // Each command flips the option (setting it to what it is would change nothing, and send nothing).
    let quietFirst = false;
    const option = () => ({ type: 'floor.setOptions', quietFirst: (quietFirst = !quietFirst) });
    await kring.send(option());
    await Promise.all([kring.start(), bare.start()]);
    for (let i = 0; i < EVENTS; i++) {
      await kring.send(option());
      await bare.send({ bytes: kring.bytes });
    }
    return [
      { kind: 'Kring', run: n, ...(await kring.result()) },
      { kind: 'bare socket.io', run: n, ...(await bare.result()) },
    ];
  } finally {
    await Promise.all([kring.close(), bare.close()]);
  }
}

function report(results: readonly FanOutResult[]): string {
  const head = ['server', 'run', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'server CPU ms/event', 'message'];
  const rows = results.map((r) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return [
      r.kind,
      String(r.run),
      ...[50, 95, 99, 100].map((p) => percentile(sorted, p).toFixed(1)),
      r.cpuPerEventMs.toFixed(1),
      `${r.bytes} B`,
    ];
  });
  const p99 = (kind: Kind) =>
    median(
      results
        .filter((r) => r.kind === kind)
        .map((r) =>
          percentile(
            [...r.latencies].sort((a, b) => a - b),
            99,
          ),
        ),
    );
  return [
    '',
    `Fan-out: ${EVENTS} floor events, each to ${PEOPLE} clients (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `p99 (median of runs): Kring ${p99('Kring').toFixed(1)} ms, bare socket.io ${p99('bare socket.io').toFixed(1)} ms: ` +
      `${(p99('Kring') / p99('bare socket.io')).toFixed(2)}× (target ≤ 1.3×)`,
    loadAverage('after'),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const results: FanOutResult[] = [];
  for (let n = 1; n <= RUNS; n++) results.push(...(await run(n)));
  process.stdout.write(report(results));
}

runMain(main);
