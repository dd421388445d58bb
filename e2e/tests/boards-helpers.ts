import { expectAccessible } from './axe';
import { expect, type Locator, type Page } from '@playwright/test';
import { PROTOCOL_VERSION } from '@kring/protocol';
import { io, type Socket } from 'socket.io-client';

/**
 * Test SETUP through the public API, from the test process (not from any page): the facilitator's
 * phase and vote commands, until the board management UI (another workstream) offers them.
 * Everything a participant does in these tests goes through the page.
 */
export interface ApiSession {
  code: string;
  facilitatorToken: string;
  facilitatorUrl: string;
  participantUrl: string;
  boardId: string;
}

/** SETUP: creates a session over HTTP and reads its first board's id. */
export async function createSessionViaApi(baseURL: string, title: string): Promise<ApiSession> {
  const created = await fetch(`${baseURL}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  expect(created.status).toBe(201);
  const body = (await created.json()) as {
    joinCode: string;
    facilitatorToken: string;
    facilitatorUrl: string;
    participantUrl: string;
  };
  const info = await fetch(`${baseURL}/api/sessions/${body.joinCode}`, {
    headers: { authorization: `Bearer ${body.facilitatorToken}` },
  });
  const session = (await info.json()) as { boards: { id: string }[] };
  const boardId = session.boards[0]?.id ?? '';
  expect(boardId).not.toBe('');
  return { code: body.joinCode, ...body, boardId };
}

/** SETUP: the facilitator's control-plane socket, for commands the UI under test does not offer. */
export class FacilitatorApi {
  #socket: Socket;

  constructor(baseURL: string, token: string) {
    this.#socket = io(baseURL, {
      path: '/socket.io',
      auth: { token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
    });
  }

  async send(command: Record<string, unknown>): Promise<void> {
    const ack = (await this.#socket.timeout(8000).emitWithAck('command', command)) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(ack.ok, ack.error?.message).toBe(true);
  }

  close(): void {
    this.#socket.disconnect();
  }
}

/** A note as a list item on the board (canvas or outline). */
export const boardNote = (page: Page, text: string): Locator =>
  page.getByTestId('board').getByTestId('note').filter({ hasText: text });

/** Opens a note's one menu ("Actions for this note", issue 15) and returns the note. */
export async function openNoteMenu(note: Locator): Promise<Locator> {
  await note.getByRole('button', { name: 'Actions for this note' }).click();
  await expect(note.getByTestId('note-menu')).toBeVisible();
  return note;
}

export const draftsArea = (page: Page): Locator => page.getByTestId('private-writing');

export async function writeDraft(page: Page, text: string): Promise<void> {
  const area = draftsArea(page);
  await area.getByRole('textbox', { name: 'Your private note' }).fill(text);
  await area.getByRole('button', { name: 'Save draft' }).click();
  await expect(area.getByTestId('draft').filter({ hasText: text })).toBeVisible();
}

/** Presses Tab until the focused element matches `name` (its accessible name or text). */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.innerText ?? '').trim() : '';
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The board specs' axe check: WCAG 2.1 AA (the stricter default is `expectAccessible`). */
export const expectNoAxeViolations = (page: Page, where: string): Promise<void> =>
  expectAccessible(page, where, { tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });

/**
 * The page's scroll position once it has held for five frames: notes that come on screen for the
 * first time are laid out then (content-visibility), and the browser's scroll anchoring may still
 * be settling the position for a frame or two.
 */
export function settledScroll(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = -1;
        let same = 0;
        const frame = () => {
          same = window.scrollY === last ? same + 1 : 0;
          last = window.scrollY;
          if (same >= 5) resolve(last);
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}
