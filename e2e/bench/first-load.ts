/**
 * First load on a weak phone (issue 14): a participant opens the join link, joins and sees the
 * board; a facilitator opens their link and gets the cockpit. Headless Chromium with CDP network
 * emulation (400 kbit/s both ways, 400 ms RTT), a 360×740 touch screen, cold cache per person.
 * Prints figures next to the baseline recorded in first-load-baseline.json; a script, not a test.
 *
 *   pnpm --filter @kring/e2e bench:first-load [--runs 3] [--cpu 4] [--identity] [--build DIR] [--compare DIR]
 *
 * --build / --compare: a directory holding another build as `dist/` (apps/server/dist) and `web/`
 * (apps/web/build), measured instead of / beside the repository's own in the same run.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { instrument, SLOW_NETWORK, type Throttle } from './network';
import { createSession, startServer } from './server';
import { printTable, type Figures } from './table';

const REPO = join(import.meta.dirname, '../..');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    cpu: { type: 'string', default: '1' },
    identity: { type: 'boolean', default: false },
    build: { type: 'string' },
    compare: { type: 'string' },
  },
});

const throttle: Throttle = { cpuRate: Number(args.cpu), identity: args.identity };
const runs = Number(args.runs);
/** Long enough for the slowest baseline load on a throttled CPU; a miss fails the run loudly. */
const WAIT = { timeout: 120_000 };

function newPhone(browser: Browser) {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
}

/** Polls until the join form's button can be pressed (it stays disabled until the page is hydrated). */
async function joinButtonUsable(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll('button[type="submit"]')).some(
        (b) => b.textContent?.trim() === 'Join session' && !(b as HTMLButtonElement).disabled,
      ),
    undefined,
    { ...WAIT, polling: 50 },
  );
}

const boardVisible = (page: Page) => page.getByTestId('board').waitFor({ state: 'visible', ...WAIT });

async function participant(browser: Browser, link: string): Promise<Figures> {
  const context = await newPhone(browser);
  const page = await context.newPage();
  const net = await instrument(page, throttle);
  let start = performance.now();
  await page.goto(link, { waitUntil: 'commit' });
  await joinButtonUsable(page);
  const joinUsable = performance.now() - start;
  const first = net.take();

  await page.getByLabel('Your display name').fill('Phone');
  start = performance.now();
  await page.getByRole('button', { name: 'Join session' }).click();
  await boardVisible(page);
  const joinToBoard = performance.now() - start;
  const session = net.take();

  start = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await boardVisible(page);
  const reload = performance.now() - start;
  const again = net.take();
  await context.close();
  return {
    'participant: JS to join button (KiB)': first.jsBytes / 1024,
    'participant: JS files to join button': first.jsFiles,
    'participant: JS files compressed': first.jsEncoded + session.jsEncoded,
    'participant: all bytes to join button (KiB)': first.allBytes / 1024,
    'participant: JS join → board (KiB)': session.jsBytes / 1024,
    'participant: JS files join → board': session.jsFiles,
    'participant: join link → button usable (s)': joinUsable / 1000,
    'participant: join click → board (s)': joinToBoard / 1000,
    'participant: link → board, typing aside (s)': (joinUsable + joinToBoard) / 1000,
    'participant: reload → board (s)': reload / 1000,
    'participant: reload bytes (KiB)': again.allBytes / 1024,
  };
}

/**
 * Someone who takes their time: the name typed at a steady pace over TYPING_MS after the form is
 * usable (what the join page's preload of the session page's code has to work with), then Join.
 */
const TYPING_MS = 3_000;
const NAME = 'Phone user';

async function typingParticipant(browser: Browser, link: string): Promise<Figures> {
  const context = await newPhone(browser);
  const page = await context.newPage();
  await instrument(page, throttle);
  const start = performance.now();
  await page.goto(link, { waitUntil: 'commit' });
  await joinButtonUsable(page);
  await page.getByLabel('Your display name').pressSequentially(NAME, { delay: TYPING_MS / NAME.length });
  const click = performance.now();
  await page.getByRole('button', { name: 'Join session' }).click();
  await boardVisible(page);
  const end = performance.now();
  await context.close();
  return {
    [`typing ${TYPING_MS / 1000} s: join click → board (s)`]: (end - click) / 1000,
    [`typing ${TYPING_MS / 1000} s: link → board (s)`]: (end - start) / 1000,
  };
}

async function facilitator(browser: Browser, link: string): Promise<Figures> {
  const context = await newPhone(browser);
  const page = await context.newPage();
  const net = await instrument(page, throttle);
  const cockpit = page.getByTestId('cockpit-top-bar');
  let start = performance.now();
  await page.goto(link, { waitUntil: 'commit' });
  await cockpit.waitFor({ state: 'visible', ...WAIT });
  const open = performance.now() - start;
  const first = net.take();
  start = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await cockpit.waitFor({ state: 'visible', ...WAIT });
  const reload = performance.now() - start;
  await context.close();
  return {
    'facilitator: JS to cockpit (KiB)': first.jsBytes / 1024,
    'facilitator: JS files to cockpit': first.jsFiles,
    'facilitator: link → cockpit (s)': open / 1000,
    'facilitator: reload → cockpit (s)': reload / 1000,
  };
}

/** One build, `runs` times: a fresh session, server and cold browser contexts each time. */
async function measure(browser: Browser, buildDir: string | undefined, label: string): Promise<Figures[]> {
  const all: Figures[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer(
      buildDir ? join(buildDir, 'dist') : join(REPO, 'apps/server/dist'),
      buildDir ? join(buildDir, 'web') : undefined,
    );
    try {
      const links = await createSession(server.url);
      const figures = { ...(await participant(browser, links.participantUrl)) };
      Object.assign(figures, await typingParticipant(browser, links.participantUrl));
      Object.assign(figures, await facilitator(browser, links.facilitatorUrl));
      all.push(figures);
      process.stderr.write(`${label} run ${i + 1}/${runs}: ${JSON.stringify(figures)}\n`);
    } catch (err) {
      // One stuck load (a busy machine) should not cost the other runs' figures; it is reported.
      process.stderr.write(
        `${label} run ${i + 1}/${runs} failed: ${err instanceof Error ? err.message : String(err)}\n`,
      );
    } finally {
      await server.stop();
    }
  }
  return all;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const columns: Record<string, Figures[]> = {};
    columns[args.build ? `build ${args.build}` : 'this build'] = await measure(
      browser,
      args.build,
      'this build',
    );
    if (args.compare) columns[`build ${args.compare}`] = await measure(browser, args.compare, 'compare');
    const recorded = JSON.parse(
      readFileSync(join(import.meta.dirname, 'first-load-baseline.json'), 'utf8'),
    ) as { figures: Figures; note: string };
    process.stdout.write(
      `\nFirst load at ${SLOW_NETWORK.kbitPerSecond} kbit/s, ${SLOW_NETWORK.latency} ms RTT, CPU ÷${throttle.cpuRate}` +
        `${throttle.identity ? ', Accept-Encoding: identity' : ''}; median of ${runs} runs (range); ` +
        `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores at the end\n\n`,
    );
    printTable(columns, { [`baseline (${recorded.note})`]: recorded.figures });
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
