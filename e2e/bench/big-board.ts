/**
 * A 2,000-note board in headless Chromium (issues 14 and 15): a participant opens the session page
 * of a session whose focused board holds 2,000 notes over the four IPS columns, on a 1366×768
 * desktop and a 360×740 phone. Measured: time from navigation until every column shows notes, DOM
 * elements, JS heap, and scrolling down to the last note of the first column (time, steps, frames).
 * Prints figures next to the baseline recorded in big-board-baseline.json; a script, not a test.
 *
 *   pnpm --filter @kring/e2e bench:big-board [--runs 3] [--notes 2000] [--cpu 1] [--build DIR] [--compare DIR]
 *
 * --build / --compare: a directory holding another build as `dist/` (apps/server/dist) and `web/`
 * (apps/web/build), measured instead of / beside the repository's own in the same run.
 */
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { seedBigBoard, type BigBoard } from './big-board-seed';
import { compareBuilds, runMain } from './builds';
import type { Figures } from './table';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    notes: { type: 'string', default: '2000' },
    cpu: { type: 'string', default: '1' },
    build: { type: 'string' },
    compare: { type: 'string' },
  },
});
const runs = Number(args.runs);
const notes = Number(args.notes);
const cpuRate = Number(args.cpu);
const WAIT = { timeout: 120_000 };

const SCREENS: Record<string, BrowserContextOptions> = {
  desktop: { viewport: { width: 1366, height: 768 }, locale: 'en-US' },
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-US' },
};

/**
 * Milliseconds from navigation until every column of the board has a note laid out, read in the
 * page at the animation frame where it first holds (the frame that paints it comes right after).
 */
async function notesShown(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const columns = Array.from(document.querySelectorAll('[data-testid="board"] [data-testid="column"]'));
      const laidOut = columns.map((c) => c.querySelector('[data-testid="note"]') as HTMLElement | null);
      return columns.length >= 4 && laidOut.every((n) => n && n.offsetHeight > 0) && performance.now();
    },
    undefined,
    { ...WAIT, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** The element count once it has stayed the same for ten frames (the board has finished rendering). */
function settledElements(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = -1;
        let same = 0;
        const frame = () => {
          const count = document.querySelectorAll('*').length;
          same = count === last ? same + 1 : 0;
          last = count;
          if (same >= 10) resolve(count);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}

interface ScrollFigures {
  ms: number;
  steps: number;
  longestFrame: number;
  slowFrames: number;
}

/**
 * Scrolls the page down two screens a step, letting two frames render after each, until the last
 * note of the first column is reached (rendered, and at or above the bottom of the screen); every
 * frame's duration is recorded meanwhile.
 */
function scrollToColumnEnd(page: Page, lastText: string): Promise<ScrollFigures> {
  return page.evaluate(async (text) => {
    const frames: number[] = [];
    let running = true;
    let previous = performance.now();
    const tick = (t: number) => {
      frames.push(t - previous);
      previous = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const firstColumn = document.querySelector('[data-testid="board"] [data-testid="column"]');
    const find = () =>
      Array.from(firstColumn?.querySelectorAll<HTMLElement>('[data-testid="note"]') ?? []).find((n) =>
        n.textContent?.includes(text),
      );
    const start = performance.now();
    let steps = 0;
    for (; steps < 2000; steps++) {
      const note = find();
      if (note && note.getBoundingClientRect().top < window.innerHeight) {
        // The last step may have gone past it (columns below it on a phone): back on screen.
        note.scrollIntoView({ block: 'nearest' });
        await twoFrames();
        break;
      }
      window.scrollBy(0, window.innerHeight * 2);
      await twoFrames();
    }
    running = false;
    return {
      ms: performance.now() - start,
      steps,
      longestFrame: Math.max(...frames),
      slowFrames: frames.filter((f) => f > 50).length,
    };
  }, lastText);
}

async function openBoard(browser: Browser, board: BigBoard, screen: string): Promise<Figures> {
  const context = await browser.newContext(SCREENS[screen]);
  try {
    // tsx keeps function names with an `__name` helper, which the functions run in the page call.
    await context.addInitScript('globalThis.__name = (f) => f');
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(board.viewerUrl, { waitUntil: 'commit' });
    const shown = await notesShown(page);
    const elements = await settledElements(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
    const scroll = await scrollToColumnEnd(page, board.lastInFirstColumn);
    if (scroll.steps >= 2000) throw new Error(`${screen}: the last note of the first column never showed`);
    const after = await settledElements(page);
    return {
      [`${screen}: notes shown, from navigation (ms)`]: shown,
      [`${screen}: DOM elements`]: elements,
      [`${screen}: JS heap after GC (MiB)`]: heap,
      [`${screen}: scroll to end of column 1 (ms)`]: scroll.ms,
      [`${screen}: scroll steps (2 screens each)`]: scroll.steps,
      [`${screen}: longest frame while scrolling (ms)`]: scroll.longestFrame,
      [`${screen}: frames over 50 ms while scrolling`]: scroll.slowFrames,
      [`${screen}: DOM elements after scrolling`]: after,
    };
  } finally {
    await context.close();
  }
}

runMain(() =>
  compareBuilds({
    build: args.build,
    compare: args.compare,
    runs,
    baselineFile: 'big-board-baseline.json',
    heading: `A board of ${notes} notes in four columns, CPU ÷${cpuRate}`,
    // A fresh board each time, then each screen in a cold context.
    async once(browser, url) {
      const start = performance.now();
      const board = await seedBigBoard(url, notes);
      const figures: Figures = {
        [`board of ${notes} notes written (s)`]: (performance.now() - start) / 1000,
      };
      for (const screen of Object.keys(SCREENS))
        Object.assign(figures, await openBoard(browser, board, screen));
      return figures;
    },
  }),
);
