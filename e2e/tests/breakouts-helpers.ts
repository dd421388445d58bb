import { expect, type Locator, type Page } from '@playwright/test';
import { floorPanel } from './floor-helpers';
import { openTab, type Person } from './helpers';

/** The facilitator's breakout console. */
export const breakoutConsole = (page: Page): Locator => page.getByTestId('breakout-console');

/** A participant's room screen (or a facilitator's while visiting). */
export const roomView = (page: Page): Locator => page.getByTestId('room-view');

/** The gallery of room boards in the plenary. */
export const gallery = (page: Page): Locator => page.getByTestId('gallery');

/** Sets up `count` rooms from the console and deals everyone in at random (the server shuffles). */
export async function createRandomRooms(host: Person, count: number): Promise<void> {
  await openTab(host.page, 'rooms');
  const panel = breakoutConsole(host.page);
  await panel.getByText('Set up breakout rooms', { exact: true }).click();
  const form = panel.getByRole('form', { name: 'New breakout rooms' });
  await form.getByRole('radio', { name: 'A number of rooms' }).check();
  await form.getByRole('textbox', { name: 'Number of rooms' }).fill(String(count));
  await form.getByRole('radio', { name: 'At random' }).check();
  await form.getByRole('button', { name: 'Create the rooms' }).click();
  await expect(panel.getByTestId('breakout-status')).toHaveText(`${count} rooms are ready, not open yet.`);
}

/** Opens the rooms for `minutes` with a one-minute warning. */
export async function openRooms(host: Person, minutes: number): Promise<void> {
  await openTab(host.page, 'rooms');
  const form = breakoutConsole(host.page).getByRole('form', { name: 'Open the rooms' });
  await form.getByLabel('Minutes in the rooms').fill(String(minutes));
  await form.getByLabel('Warning, minutes before the end').fill('1');
  await form.getByRole('button', { name: 'Open the rooms' }).click();
  await expect(breakoutConsole(host.page).getByTestId('breakout-status')).toHaveText('The rooms are open.');
}

/** The room a participant's screen shows ("Room 1"), once it shows one. */
export async function roomNameOf(person: Person): Promise<string> {
  const heading = roomView(person.page).getByTestId('room-name');
  await expect(heading).toHaveText(/^You are in /);
  return ((await heading.textContent()) ?? '').replace('You are in', '').trim();
}

/** Starts a round in the order people joined on the floor shown in the room. */
export async function startRoomRound(page: Page): Promise<void> {
  const floor = floorPanel(page);
  await floor.getByText('Start a new mode', { exact: true }).click();
  const form = page.getByRole('form', { name: 'Start a new mode' });
  await form.getByRole('radio', { name: 'Round' }).check();
  await form.getByRole('radio', { name: 'In the order people joined' }).check();
  await form.getByRole('button', { name: 'Start: Round' }).click();
  await expect(floor.getByTestId('floor-mode')).toHaveText('Round');
}

/** The seconds on the breakout countdown ("09:58" → 598). */
export async function countdownSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('breakout-remaining').first().textContent()) ?? '';
  const [m, s] = text.trim().split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}
