import type { Locator, Page } from '@playwright/test';

/**
 * Dragging as people do it: a real pointer pressed on one element, moved in steps (the board's
 * drag starts only after a few pixels), and released over another. The mouse goes through
 * Playwright's mouse; a finger goes through CDP touch events, which Chromium turns into pointer
 * events of type "touch" just as on a phone (Playwright has no touch drag of its own).
 */

export interface Point {
  x: number;
  y: number;
}

async function centreOf(target: Locator): Promise<Point> {
  // In the middle of the screen: not under the bars that stay in view at the top and bottom.
  await target.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  const box = await target.boundingBox();
  if (!box) throw new Error('drag: the element has no box (not visible)');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Where to let go: the target's centre, or a point inside it (`at`: fractions of its box). */
async function pointIn(target: Locator, at?: { x: number; y: number }): Promise<Point> {
  if (!at) return centreOf(target);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('drag: the drop target has no box (not visible)');
  return { x: box.x + box.width * at.x, y: box.y + box.height * at.y };
}

const STEPS = 12;

export async function dragWithMouse(
  page: Page,
  handle: Locator,
  target: Locator,
  at?: { x: number; y: number },
): Promise<void> {
  const from = await centreOf(handle);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // The target's box is read after the drag began: the list may open a gap for the note.
  await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
  const to = await pointIn(target, at);
  await page.mouse.move(to.x, to.y, { steps: STEPS });
  await page.mouse.up();
}

export async function dragWithTouch(
  page: Page,
  handle: Locator,
  target: Locator,
  at?: { x: number; y: number },
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const from = await centreOf(handle);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', p: Point) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: p.x, y: p.y, id: 1 }],
      });
    await touch('touchStart', from);
    for (let i = 1; i <= 3; i++) await touch('touchMove', { x: from.x + 2 * i, y: from.y + 2 * i });
    const to = await pointIn(target, at);
    for (let i = 1; i <= STEPS; i++) {
      await touch('touchMove', {
        x: from.x + ((to.x - from.x) * i) / STEPS,
        y: from.y + ((to.y - from.y) * i) / STEPS,
      });
    }
    await touch('touchEnd', to);
  } finally {
    await cdp.detach();
  }
}
