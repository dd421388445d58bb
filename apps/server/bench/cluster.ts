import { availableParallelism } from 'node:os';
import { FanOutAudience, type FanOutFigures } from './cluster-fan-out';
import { type StormFigures, boardStorm } from './cluster-storm';
import { type Deployment, startDeployment } from './deployment';
import { buildServer } from './kring-node';
import { loadAverage, markdownTable, median, percentile, runMain, sortedOf } from './report';

/**
 * Issue 17's benchmark: 3,000 people over three nodes on this one machine, against the same people
 * on one node. Three processes of the built server (`dist/main.js`, rebuilt first) on one scratch
 * PostgreSQL database and one Redis prefix, as docs/operations.md runs several nodes; the baseline
 * is one process of the same binary on a database of its own, without Redis. Each run starts both
 * installations afresh and measures, side by side:
 *
 * 1. Floor fan-out: `BENCH_SESSIONS` sessions of `BENCH_PER_SESSION` people (default 6 × 500 =
 *    3,000; see cluster-fan-out.ts for why not one session), everyone on real socket.io clients,
 *    each session's people round-robin over the nodes. `BENCH_EVENTS` rounds in which every host
 *    changes its floor's options at once, the two installations' rounds alternating (a burst of
 *    load on the machine falls on both alike).
 * 2. Board storm: `BENCH_WRITERS` (200) writers on one board, writer i on node i mod 3, one write each
 *    every `BENCH_INTERVAL_MS` (10 s) for `BENCH_SECONDS` (20 s), the same seeded schedule on both.
 *
 * `BENCH_RUNS` runs (3), the storms' order alternating between runs. Everything, the 3,000 clients
 * included, shares the machine's cores with the nodes, PostgreSQL and Redis: the figures say that
 * the cluster path holds 3,000 and what it costs on one box, not what three machines would give.
 * Run with `pnpm bench cluster` (or `pnpm --filter @kring/server bench:cluster`).
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NODES = 3;
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 6);
const PER_SESSION = Number(process.env.BENCH_PER_SESSION ?? 500);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 200);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 10_000);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 20) * 1000;

const CLUSTER = `${NODES} nodes`;
const SINGLE = '1 node';
type Setup = typeof CLUSTER | typeof SINGLE;

interface RunResult {
  run: number;
  fanOut: Record<Setup, FanOutFigures>;
  storm: Record<Setup, StormFigures>;
  seconds: number;
}

async function run(n: number): Promise<RunResult> {
  const started = Date.now();
  const deployments: Deployment[] = [];
  try {
    const cluster = await startDeployment(CLUSTER, NODES);
    deployments.push(cluster);
    const single = await startDeployment(SINGLE, 1);
    deployments.push(single);

    const audiences: FanOutAudience[] = [];
    let fanOut: RunResult['fanOut'];
    try {
      audiences.push(await FanOutAudience.gather(cluster, SESSIONS, PER_SESSION));
      audiences.push(await FanOutAudience.gather(single, SESSIONS, PER_SESSION));
      const [a, b] = audiences as [FanOutAudience, FanOutAudience];
      // A first round each, not counted: every node has loaded every session and its floor.
      await a.send();
      await b.send();
      await Promise.all([a.start(), b.start()]);
      for (let i = 0; i < EVENTS; i++) {
        await a.send();
        await b.send();
      }
      fanOut = { [CLUSTER]: a.figures(), [SINGLE]: b.figures() };
    } finally {
      for (const audience of audiences) audience.close();
    }

    const plan = { writers: WRITERS, intervalMs: INTERVAL_MS, durationMs: DURATION_MS, seed: n };
    const order = n % 2 === 1 ? [cluster, single] : [single, cluster];
    const storm = {} as RunResult['storm'];
    for (const d of order) storm[d.label as Setup] = await boardStorm(d, plan);
    return { run: n, fanOut, storm, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.allSettled(deployments.map((d) => d.close()));
  }
}

const PERCENTILES = [50, 95, 99, 100] as const;
const label = (p: number) => (p === 100 ? 'max' : `p${p}`);
const SETUPS: readonly Setup[] = [CLUSTER, SINGLE];

/** "p50 a vs b ms: r×" for the medians over runs of each percentile. */
function ratios(of: (setup: Setup, p: number) => number): string {
  return PERCENTILES.map(
    (p) =>
      `${label(p)} ${of(CLUSTER, p).toFixed(1)} vs ${of(SINGLE, p).toFixed(1)} ms: ${(of(CLUSTER, p) / of(SINGLE, p)).toFixed(2)}×`,
  ).join('; ');
}

function fanOutReport(results: readonly RunResult[]): string {
  const people = SESSIONS * PER_SESSION;
  const head = [
    'setup',
    'run',
    ...PERCENTILES.map((p) => `${label(p)} ms`),
    'all had it ms (median)',
    'node CPU ms/round',
    'joins sent again',
  ];
  const rows = results.flatMap((r) =>
    SETUPS.map((setup) => {
      const f = r.fanOut[setup];
      const sorted = sortedOf(f.latencies);
      return [
        setup,
        String(r.run),
        ...PERCENTILES.map((p) => percentile(sorted, p).toFixed(1)),
        median(f.allMs).toFixed(1),
        f.cpuPerRoundMs.toFixed(0),
        String(f.joinRetries),
      ];
    }),
  );
  const of = (setup: Setup, p: number) =>
    median(results.map((r) => percentile(sortedOf(r.fanOut[setup].latencies), p)));
  return [
    `Fan-out: ${people} people in ${SESSIONS} sessions of ${PER_SESSION}, each session's people round-robin over the nodes; ${EVENTS} rounds, in each every host changes its floor's options at once (${results.length} runs)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `${CLUSTER} vs ${SINGLE}, per person (median of runs): ${ratios(of)}`,
  ].join('\n');
}

function stormReport(results: readonly RunResult[]): string {
  const head = [
    'setup',
    'run',
    'writes',
    ...PERCENTILES.map((p) => `${label(p)} ms`),
    'node CPU ms',
    'undelivered',
    'lost',
    'drops',
  ];
  const rows = results.flatMap((r) =>
    SETUPS.map((setup) => {
      const s = r.storm[setup];
      const sorted = sortedOf(s.latencies);
      return [
        setup,
        String(r.run),
        String(s.latencies.length + s.undelivered),
        ...PERCENTILES.map((p) => percentile(sorted, p).toFixed(1)),
        s.cpuMs.toFixed(0),
        String(s.undelivered),
        String(s.lost),
        String(s.drops),
      ];
    }),
  );
  const of = (setup: Setup, p: number) =>
    median(results.map((r) => percentile(sortedOf(r.storm[setup].latencies), p)));
  return [
    `Board storm: ${WRITERS} writers on one board (on ${NODES} nodes: writer i on node i mod ${NODES}), one write each every ${INTERVAL_MS} ms for ${DURATION_MS / 1000} s (${results.length} runs)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `${CLUSTER} vs ${SINGLE}, until the last other writer had it (median of runs): ${ratios(of)}`,
  ].join('\n');
}

async function main(): Promise<void> {
  buildServer();
  process.stdout.write(`${loadAverage('before')}\n\n`);
  const results: RunResult[] = [];
  for (let n = 1; n <= RUNS; n++) {
    results.push(await run(n));
    process.stderr.write(`cluster run ${n}: ${results.at(-1)!.seconds.toFixed(0)} s\n`);
  }
  const failed = results.some((r) => SETUPS.some((s) => r.storm[s].undelivered + r.storm[s].lost > 0));
  process.stdout.write(
    [
      `Three nodes of the built server (one PostgreSQL database, one Redis prefix) against one node of the same binary (PostgreSQL, no Redis); the load generator, the nodes, PostgreSQL and Redis all share this machine's ${availableParallelism()} cores: what the cluster path costs on one box, not a speed-up.`,
      '',
      fanOutReport(results),
      '',
      stormReport(results),
      '',
      failed ? 'some writes were lost or undelivered' : '0 lost',
      loadAverage('after'),
      '',
    ].join('\n'),
  );
  if (failed) process.exitCode = 1;
}

runMain(main);
