/**
 * First load on a weak phone (issue 14): a participant opens the join link, joins and sees the
 * board; a facilitator opens their link and gets the cockpit. Headless Chromium on a slow link
 * (400 kbit/s both ways, 400 ms RTT; see --link), a 360×740 touch screen, cold cache per person.
 * Prints figures next to the baseline recorded in first-load-baseline.json; a script, not a test.
 *
 * The session is one after a reflection round: its focused board, an IPS overview, holds 30 notes
 * over its four columns (NOTES, written by a participant as people write them, ./seed). "Board on
 * screen" is what the person sees: the board's frame visible and, in it, the seeded note at the
 * top of the first column, read from the page however the notes got there. The recorded baseline
 * was taken on a session without notes, its board counted once its sync answer came on its socket.
 *
 *   pnpm --filter @kring/e2e bench:first-load [--runs 3] [--cpu 4] [--identity] [--link proxy|cdp]
 *     [--build DIR] [--compare DIR]
 *
 * --link: each phone gets its own slow link, a proxy that delays every byte, WebSocket frames and
 * connection setup included (`./link`, the default), or Chromium's own emulation (`cdp`), which
 * delays HTTP requests only: how the figures before 2026-12-01 evening were taken.
 *
 * --build / --compare: a directory holding another build as `dist/` (apps/server/dist) and `web/`
 * (apps/web/build), measured instead of / beside the repository's own in the same run.
 */
import type { Browser, Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { startLink } from './link';
import { instrument, SLOW_NETWORK, type Throttle } from './network';
import { compareBuilds, runMain } from './builds';
import { seedBoard, sessionKeys } from './seed';
import { createSession } from './server';
import type { Figures } from './table';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    cpu: { type: 'string', default: '1' },
    identity: { type: 'boolean', default: false },
    link: { type: 'string', default: 'proxy' },
    build: { type: 'string' },
    compare: { type: 'string' },
  },
});

if (args.link !== 'proxy' && args.link !== 'cdp') throw new Error('--link is proxy or cdp');
const throttle: Throttle = { cpuRate: Number(args.cpu), identity: args.identity, link: args.link };
const runs = Number(args.runs);
/** Long enough for the slowest baseline load on a throttled CPU; a miss fails the run loudly. */
const WAIT = { timeout: 120_000 };
/** The focused board's notes: a group's reflection round, content a newcomer has to load. */
const NOTES = 30;

interface BoardSession {
  participantUrl: string;
  facilitatorUrl: string;
  /** The text of the note at the top of the first column. */
  note: string;
}

/**
 * A session made over HTTP as the home page does (./server), then its focused board seeded the way
 * the big-board benchmark's is: an IPS overview of NOTES notes.
 */
async function sessionWithBoard(url: string): Promise<BoardSession> {
  const links = await createSession(url);
  const keys = sessionKeys(links.facilitatorUrl);
  const board = await seedBoard(url, keys, { title: 'IPS overview', notes: NOTES });
  return { ...links, note: board.firstInFirstColumn };
}

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

/**
 * The board on screen with its content, as the person sees it: the board's frame visible and, in
 * it, `note`. Read from the page, not the wire: the notes may come over the board's socket or in
 * the join's answer. The note tops the first column, so paging (a list renders its first 50) never
 * leaves it out. Visible as Playwright means it, rendered with a size: on a 360×740 phone the
 * board starts below the session page's first screen ("Go to the board"), as its frame did before.
 */
async function boardShown(page: Page, note: string): Promise<void> {
  const board = page.getByTestId('board');
  await Promise.all([
    board.waitFor({ state: 'visible', ...WAIT }),
    board.getByText(note, { exact: false }).waitFor({ state: 'visible', ...WAIT }),
  ]);
}

async function participant(browser: Browser, link: string, note: string): Promise<Figures> {
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
  await boardShown(page, note);
  const joinToBoard = performance.now() - start;
  const session = net.take();

  start = performance.now();
  // Once the reload has committed the page before it is gone: the note found is the new page's.
  await page.reload({ waitUntil: 'commit' });
  await boardShown(page, note);
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

async function typingParticipant(browser: Browser, link: string, note: string): Promise<Figures> {
  const context = await newPhone(browser);
  const page = await context.newPage();
  await instrument(page, throttle);
  const start = performance.now();
  await page.goto(link, { waitUntil: 'commit' });
  await joinButtonUsable(page);
  const usable = performance.now();
  await page.getByLabel('Your display name').pressSequentially(NAME, { delay: TYPING_MS / NAME.length });
  const click = performance.now();
  await page.getByRole('button', { name: 'Join session' }).click();
  await boardShown(page, note);
  const end = performance.now();
  await context.close();
  return {
    [`typing ${TYPING_MS / 1000} s: join click → board (s)`]: (end - click) / 1000,
    [`typing ${TYPING_MS / 1000} s: link → board (s)`]: (end - start) / 1000,
    // What the person waited for: the link's time to the form plus Join's time to the board.
    [`typing ${TYPING_MS / 1000} s: link → board, typing aside (s)`]: (end - start - (click - usable)) / 1000,
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

/**
 * One person's phone: with `--link proxy` a link of its own in front of the server (people do not
 * share a phone's connection), the address they open rewritten to go through it.
 */
async function onPhone<T>(address: string, person: (address: string) => Promise<T>): Promise<T> {
  if (throttle.link === 'cdp') return person(address);
  const target = new URL(address);
  const link = await startLink(target.origin, SLOW_NETWORK);
  try {
    return await person(new URL(target.pathname + target.search + target.hash, link.url).href);
  } finally {
    await link.close();
  }
}

runMain(() =>
  compareBuilds({
    build: args.build,
    compare: args.compare,
    runs,
    baselineFile: 'first-load-baseline.json',
    heading:
      `First load at ${SLOW_NETWORK.kbitPerSecond} kbit/s, ${SLOW_NETWORK.latency} ms RTT, CPU ÷${throttle.cpuRate}` +
      `${throttle.identity ? ', Accept-Encoding: identity' : ''}, ${throttle.link === 'cdp' ? "Chromium's emulation (HTTP requests only)" : 'a proxy delaying every byte'}`,
    // A fresh session and cold browser contexts each time.
    async once(browser, url) {
      const session = await sessionWithBoard(url);
      return {
        ...(await onPhone(session.participantUrl, (link) => participant(browser, link, session.note))),
        ...(await onPhone(session.participantUrl, (link) => typingParticipant(browser, link, session.note))),
        ...(await onPhone(session.facilitatorUrl, (link) => facilitator(browser, link))),
      };
    },
  }),
);
