import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { Server } from 'socket.io';
import {
  type CaptionAck,
  type CaptionLine,
  CaptionSourceView,
  type CaptionUpdate,
  CreateSessionResponse,
  JoinSessionResponse,
} from '@kring/protocol';
import { type ClientSocket, command, connect, post } from './clients';
import { markdownTable, percentile } from './report';
import { pooled, processStats } from './ipc';
import { type ServerProcess, startServer } from './process';

/**
 * Live captions at scale (issue 12): a caption line reaches every connected screen within 300 ms at
 * the 95th percentile with 300 people connected. A real Kring server (its own process, SQLite in a
 * temporary directory, port 0), one session, 300 participants on real socket.io clients listening
 * to `caption`, and one captioner (a participant made captioner with `participant.setRole`).
 *
 * - A, the console: the captioner types (a `partial` every 100 ms, the words so far) and sends a
 *   `line` every 1.5 s. Latency per (screen, line): the screen's `line` update − the emit.
 * - B, caption software: a POST of the line (text/plain) to a caption URL every 1.5 s, with
 *   `&seq=N&lang=en-US`. Latency per (screen, line): the screen's `line` update − the POST's start.
 *
 * The baseline is a bare socket.io server (this file, forked with `--baseline-server`) that
 * broadcasts the same `caption` payloads to its 300 clients, taking lines the same two ways
 * (socket event, HTTP POST), with no checks and no storage. Both servers run at once, each in its
 * own process, their scenarios in turn; all clients and the captioner share this process (and its
 * clock), so the figures are upper bounds of what one browser per person would see.
 *
 * `pnpm --filter @kring/server bench:captions [--runs 3] [--lines 8]`; BENCH_PEOPLE changes 300.
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300);
const LINE_EVERY_MS = 1500;
const PARTIAL_EVERY_MS = 100;
const TARGET_P95_MS = 300;
/** How long after the last line a screen may still get it before it counts as lost. */
const DRAIN_MS = 5000;
const JOIN_CONCURRENCY = 25;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name}: a positive whole number`);
  return value;
}

// ——— The baseline server (a child process of the benchmark) ———

/**
 * A bare socket.io server: every socket in one room, a `caption` event or a POST /caption becomes
 * one broadcast of the payload Kring sends (a `CaptionUpdate`). Same IPC as server-process.ts.
 */
async function baselineServer(): Promise<void> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  let order = 0;
  const lineOf = (text: string, by: CaptionLine['by'], lang: string | null): CaptionLine => ({
    id: `line${++order}`,
    scope: 'plenary',
    text,
    speaker: null,
    lang,
    at: Date.now(),
    order,
    by,
    editedAt: null,
  });
  const broadcast = (update: CaptionUpdate) => io.to('session').emit('caption', update);
  io.on('connection', (socket) => {
    void socket.join('session');
    socket.on('caption', (input: { kind: string; text: string }, ack: (res: CaptionAck) => void) => {
      const by = { kind: 'person' as const, participantId: 'captioner' };
      if (input.kind === 'partial') {
        broadcast({
          kind: 'partial',
          partial: { scope: 'plenary', participantId: by.participantId, speaker: null, text: input.text },
        });
        ack({ ok: true, line: null });
        return;
      }
      const line = lineOf(input.text, by, null);
      broadcast({ kind: 'line', line });
      ack({ ok: true, line });
    });
  });
  http.on('request', (req, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/caption')) return;
    const query = new URL(req.url, 'http://localhost').searchParams;
    const seq = Number(query.get('seq'));
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      broadcast({
        kind: 'line',
        line: lineOf(body, { kind: 'url', sourceId: 'bench', seq }, query.get('lang')),
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, seq, duplicate: false }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') {
      process.send?.({ type: 'stats', stats: processStats() });
    } else if (message.type === 'stop') {
      void io.close(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(1));
  process.send?.({ type: 'listening', port });
}

// ——— The driver ———

/** Each line's text ends with its key (`[A-2-7]`: scenario, run, line), found again on the screens. */
const KEY = /\[([A-Z]-\d+-\d+)\]$/;
const WORDS =
  'so the next thing we want to look at is how the groups shared their notes after the break and what came out of it'.split(
    ' ',
  );
const lineText = (key: string, i: number) =>
  `${WORDS.slice(i % 7, (i % 7) + 9 + (i % 5)).join(' ')} [${key}]`;

/** A screen: when each line reached it (by key), and how many partials it got. */
class Screen {
  readonly lines = new Map<string, number>();
  partials = 0;

  constructor(readonly socket: ClientSocket) {
    socket.on('caption', (update) => {
      const at = performance.now();
      if (update.kind === 'partial') {
        this.partials++;
        return;
      }
      if (update.kind !== 'line') return;
      const key = KEY.exec(update.line.text)?.[1];
      if (key && !this.lines.has(key)) this.lines.set(key, at);
    });
  }
}

/** One target's side: its server, its screens, and how a line gets to it the two ways. */
interface Target {
  name: string;
  server: ServerProcess;
  screens: Screen[];
  captioner: ClientSocket;
  /** The caption URL to POST to, without `seq` and `lang`. */
  postUrl: string;
}

async function kringTarget(): Promise<Target> {
  const server = await startServer('./server-process.ts', []);
  const { url } = server;
  const session = await post(`${url}/api/sessions`, { title: 'Caption benchmark' }, (j) =>
    CreateSessionResponse.parse(j),
  );
  const join = (displayName: string) =>
    post(`${url}/api/sessions/${session.joinCode}/participants`, { displayName }, (j) =>
      JoinSessionResponse.parse(j),
    );
  const host = await connect(url, session.facilitatorToken);
  const captionerJoin = await join('Captioner');
  const ok = (what: string, ack: { ok: boolean; error?: { message: string } }) => {
    if (!ack.ok) throw new Error(`${what} refused: ${ack.error?.message ?? ''}`);
  };
  ok(
    'participant.setRole',
    await command(host, {
      type: 'participant.setRole',
      participantId: captionerJoin.participantId,
      role: 'captioner',
    }),
  );
  ok('captions.addSource', await command(host, { type: 'captions.addSource', label: 'bench' }));
  const res = await fetch(`${url}/api/sessions/${session.joinCode}/captions/sources`, {
    headers: { authorization: `Bearer ${session.facilitatorToken}` },
  });
  if (!res.ok) throw new Error(`captions/sources: ${res.status} ${await res.text()}`);
  const { sources } = (await res.json()) as { sources: unknown[] };
  const source = CaptionSourceView.parse(sources[0]);
  if (!source.url) throw new Error('the caption URL is revoked');
  // The path and signature as the server made them, on the address this bench reaches it at.
  const signed = new URL(source.url);
  const captioner = await connect(url, captionerJoin.token);
  const screens = await pooled(
    Array.from({ length: PEOPLE }, (_, i) => i),
    JOIN_CONCURRENCY,
    async (i) => new Screen(await connect(url, (await join(`Person ${i + 1}`)).token)),
  );
  host.disconnect(); // the host's screen is not one of the 300
  return { name: 'Kring', server, screens, captioner, postUrl: `${url}${signed.pathname}${signed.search}` };
}

async function baselineTarget(): Promise<Target> {
  const server = await startServer('./captions.ts', ['--baseline-server']);
  const { url } = server;
  const captioner = await connect(url, 'captioner');
  const screens = await pooled(
    Array.from({ length: PEOPLE }, (_, i) => i),
    JOIN_CONCURRENCY,
    async (i) => new Screen(await connect(url, `screen-${i}`)),
  );
  return { name: 'bare socket.io', server, screens, captioner, postUrl: `${url}/caption?bench=1` };
}

interface Result {
  target: string;
  scenario: 'A' | 'B';
  lines: number;
  /** Per (screen, line) that arrived: ms from the emit (A) or the POST's start (B). */
  latencies: number[];
  expected: number;
  /** Until the captioner's ack (A) or the POST's answer (B), per line. */
  answerMs: number[];
  partialsPerScreen: number;
  serverCpuMs: number;
  errors: string[];
}

/** Scenario A (console) or B (caption URL) against one target: `lines` lines, 1.5 s apart. */
async function scenario(
  target: Target,
  which: 'A' | 'B',
  run: number,
  lines: number,
  every = LINE_EVERY_MS,
): Promise<Result> {
  const sent = new Map<string, number>();
  const answerMs: number[] = [];
  const errors: string[] = [];
  const partialsBefore = target.screens.reduce((n, s) => n + s.partials, 0);
  const cpuBefore = await target.server.cpuMs();
  const answers: Promise<void>[] = [];
  for (let i = 1; i <= lines; i++) {
    const key = `${which}-${run}-${i}`;
    const text = lineText(key, i);
    const start = performance.now();
    if (which === 'A') {
      // Typing: the words so far every 100 ms, then the line at the end of the 1.5 s.
      const words = text.split(' ');
      const partials = Math.floor(every / PARTIAL_EVERY_MS) - 1;
      for (let p = 1; p <= partials; p++) {
        const typed = words.slice(0, Math.ceil((p / partials) * (words.length - 1))).join(' ');
        target.captioner.emit('caption', { kind: 'partial', text: typed }, (ack) => {
          if (!ack.ok) errors.push(`partial: ${ack.error.code}`);
        });
        await delay(start + p * PARTIAL_EVERY_MS - performance.now());
      }
      await delay(start + every - performance.now());
      const t0 = performance.now();
      sent.set(key, t0);
      answers.push(
        new Promise((resolve) =>
          target.captioner.emit('caption', { kind: 'line', text }, (ack) => {
            answerMs.push(performance.now() - t0);
            if (!ack.ok) errors.push(`line: ${ack.error.code}`);
            resolve();
          }),
        ),
      );
    } else {
      await delay(start + every - performance.now());
      const t0 = performance.now();
      sent.set(key, t0);
      answers.push(
        fetch(`${target.postUrl}&seq=${run * 1000 + i}&lang=en-US`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: text,
        }).then(async (res) => {
          await res.text();
          answerMs.push(performance.now() - t0);
          if (res.status !== 200) errors.push(`POST: ${res.status}`);
        }),
      );
    }
  }
  await Promise.all(answers);
  const expected = lines * target.screens.length;
  const received = () =>
    target.screens.reduce((n, s) => n + [...sent.keys()].filter((k) => s.lines.has(k)).length, 0);
  const deadline = performance.now() + DRAIN_MS;
  while (received() < expected && performance.now() < deadline) await delay(20);
  const serverCpuMs = (await target.server.cpuMs()) - cpuBefore;
  const latencies: number[] = [];
  for (const screen of target.screens)
    for (const [key, t0] of sent) {
      const at = screen.lines.get(key);
      if (at !== undefined) latencies.push(at - t0);
    }
  return {
    target: target.name,
    scenario: which,
    lines,
    latencies,
    expected,
    answerMs,
    partialsPerScreen:
      (target.screens.reduce((n, s) => n + s.partials, 0) - partialsBefore) / target.screens.length,
    serverCpuMs,
    errors,
  };
}

const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1));
const SCENARIOS = { A: 'A console', B: 'B caption URL' } as const;

function table(results: readonly Result[]): string {
  const head = [
    'scenario',
    'server',
    'received',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'ack/POST p50 ms',
    'partials/screen',
    'server CPU ms',
  ];
  const rows = results.map((r) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const answers = [...r.answerMs].sort((a, b) => a - b);
    return [
      SCENARIOS[r.scenario],
      r.target,
      `${sorted.length}/${r.expected}`,
      ms(percentile(sorted, 50)),
      ms(percentile(sorted, 95)),
      ms(percentile(sorted, 99)),
      ms(sorted.at(-1) ?? Number.NaN),
      ms(percentile(answers, 50)),
      r.scenario === 'A' ? r.partialsPerScreen.toFixed(0) : '—',
      r.serverCpuMs.toFixed(0),
    ];
  });
  return markdownTable(head, rows, 2);
}

async function main(): Promise<void> {
  const runs = flag('runs', 3);
  const lines = flag('lines', 8);
  const setupStart = performance.now();
  const kring = await kringTarget();
  const baseline = await baselineTarget();
  const setupMs = performance.now() - setupStart;
  // Warm-up (not counted): both ways, both servers, a few quick lines.
  for (const target of [kring, baseline])
    for (const which of ['A', 'B'] as const) await scenario(target, which, 0, 3, 500);

  const print = (s: string) => process.stdout.write(`${s}\n`);
  print('');
  print(
    `Live captions: ${PEOPLE} screens on real socket.io clients per server, one captioner; ` +
      `a line every ${LINE_EVERY_MS / 1000} s (${lines} per scenario), partials every ${PARTIAL_EVERY_MS} ms in A`,
  );
  print(`setup (both servers, ${PEOPLE} joins + connects each): ${(setupMs / 1000).toFixed(1)} s`);
  const all: Result[] = [];
  for (let run = 1; run <= runs; run++) {
    const results: Result[] = [];
    for (const which of ['A', 'B'] as const)
      for (const target of [kring, baseline]) results.push(await scenario(target, which, run, lines));
    all.push(...results);
    print('');
    print(`run ${run}:`);
    print(table(results));
    for (const r of results)
      if (r.errors.length) print(`  ${r.target} ${r.scenario}: ${r.errors.join(', ')}`);
  }

  // Summary: every run's samples together, per scenario and server.
  const merged: Result[] = [];
  for (const which of ['A', 'B'] as const)
    for (const name of [kring.name, baseline.name]) {
      const rs = all.filter((r) => r.scenario === which && r.target === name);
      merged.push({
        target: name,
        scenario: which,
        lines: rs.reduce((n, r) => n + r.lines, 0),
        latencies: rs.flatMap((r) => r.latencies),
        expected: rs.reduce((n, r) => n + r.expected, 0),
        answerMs: rs.flatMap((r) => r.answerMs),
        partialsPerScreen: rs.reduce((n, r) => n + r.partialsPerScreen, 0),
        serverCpuMs: rs.reduce((n, r) => n + r.serverCpuMs, 0),
        errors: rs.flatMap((r) => r.errors),
      });
    }
  print('');
  print(`all ${runs} runs together:`);
  print(table(merged));
  const kringRows = merged.filter((r) => r.target === kring.name);
  const p95s = kringRows.map((r) =>
    percentile(
      [...r.latencies].sort((a, b) => a - b),
      95,
    ),
  );
  const lost = kringRows.reduce((n, r) => n + r.expected - r.latencies.length, 0);
  const met = p95s.every((p) => p <= TARGET_P95_MS) && lost === 0;
  print('');
  print(
    `target: a line at every screen within ${TARGET_P95_MS} ms at p95 (Kring, A and B): ` +
      `${met ? 'met' : 'NOT met'} (p95 ${p95s.map(ms).join(' / ')} ms; ${lost} lines lost)`,
  );
  print('');

  for (const target of [kring, baseline]) {
    for (const s of target.screens) s.socket.disconnect();
    target.captioner.disconnect();
  }
  await Promise.all([kring.server.stop(), baseline.server.stop()]);
  if (!met) process.exitCode = 1;
}

const fail = (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
};
if (process.argv.includes('--baseline-server')) baselineServer().catch(fail);
else main().catch(fail);
