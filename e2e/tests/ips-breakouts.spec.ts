import { expect, test } from './fixtures';
import { boardNote } from './boards-helpers';
import { expectAccessible } from './clock-qa-helpers';
import { breakoutConsole, gallery, openRooms, roomNameOf, roomView } from './breakouts-helpers';
import { expectAllPresent, floorPanel } from './floor-helpers';
import { addNote, createSession, expectConnected, join, openTab, type Person } from './helpers';

/**
 * The issue's "done when": a facilitator runs the IPS overview's two breakout segments from the
 * presets — random check-in rooms of five with a round, then one self-chosen room per IPS task
 * (at most eight), reflecting-team style — and brings the rooms' boards back to the plenary gallery.
 */

const TITLE = 'IPS overview';
const NAMES = ['Ana', 'Bo', 'Cas', 'Dee', 'Eli', 'Fay'];

/** Picks a preset in the create form, fills it in and creates the rooms. */
async function createFromPreset(host: Person, preset: string): Promise<void> {
  await openTab(host.page, 'rooms');
  const panel = breakoutConsole(host.page);
  // "Set up breakout rooms" the first time; "New breakout rooms" once earlier rooms closed.
  await panel.getByText(/^(Set up|New) breakout rooms$/).click();
  await panel.getByLabel('Start from').selectOption({ label: preset });
  await panel.getByRole('button', { name: 'Fill in' }).click();
  await panel.getByRole('button', { name: 'Create the rooms' }).click();
}

async function closeRoomsNow(host: Person): Promise<void> {
  await openTab(host.page, 'rooms');
  const panel = breakoutConsole(host.page);
  await panel.getByRole('button', { name: 'Close the rooms early…' }).click();
  await panel.getByRole('button', { name: 'Close the rooms now' }).click();
}

test.describe('IPS overview breakout segments from the presets', () => {
  test('check-in rooms of five with a random round; then self-chosen task rooms with a reflecting team; then the gallery', async ({
    person,
  }) => {
    test.setTimeout(180_000);
    const host = await person('Facilitator');
    const participants: Person[] = [];
    for (const [i, name] of NAMES.entries()) {
      participants.push(await person(name, { mobile: i % 2 === 0 }));
    }
    const people = [host, ...participants];
    const { code, link } = await createSession(host, TITLE);
    for (const p of participants) await join(p, link, TITLE);
    for (const p of people) await expectConnected(p.page);
    await expectAllPresent(host, participants);

    // Segment 1: rooms of about five for six people → two rooms of three, dealt by the server.
    await createFromPreset(host, 'IPS check-in: random rooms of five');
    const panel = breakoutConsole(host.page);
    await expect(panel.getByTestId('breakout-status')).toHaveText('2 rooms are ready, not open yet.');
    await openRooms(host, 12);
    const rooms = new Map<string, Person[]>();
    for (const p of participants) {
      const name = await roomNameOf(p);
      rooms.set(name, [...(rooms.get(name) ?? []), p]);
    }
    expect([...rooms.values()].map((m) => m.length)).toEqual([3, 3]);

    // Each room starts a random round among its own members: three turns, nobody from the other room.
    for (const members of rooms.values()) {
      const floor = floorPanel(members[0]!.page);
      await floor.getByText('Start a new mode', { exact: true }).click();
      const form = members[0]!.page.getByRole('form', { name: 'Start a new mode' });
      await form.getByRole('radio', { name: 'Round' }).check();
      await form.getByRole('radio', { name: 'Random, among the people here now' }).check();
      await form.getByRole('button', { name: 'Start: Round' }).click();
      for (const m of members) {
        await expect(floorPanel(m.page).getByTestId('floor-mode')).toHaveText('Round');
        await expect(floorPanel(m.page).getByTestId('round-entry')).toHaveCount(3);
      }
    }
    await closeRoomsNow(host);
    for (const p of participants) await expect(roomView(p.page)).toHaveCount(0);

    // Segment 2: one room per IPS task, people choose, at most eight each.
    await createFromPreset(host, 'IPS four tasks: choose a room, at most eight');
    await expect(panel.getByTestId('breakout-status')).toContainText('Participants choose their room now.');
    const choose = async (p: Person, room: string) => {
      const choice = p.page.getByTestId('room-chooser').getByTestId('room-choice').filter({ hasText: room });
      await choice.getByRole('button', { name: `Choose ${room}` }).click();
      await expect(choice).toContainText('Your room');
      await expect(choice).toContainText('of 8 places taken');
    };
    const connection = participants.slice(0, 3);
    const mutuality = participants.slice(3);
    for (const p of connection) await choose(p, 'Connection');
    for (const p of mutuality) await choose(p, 'Mutuality');
    await openRooms(host, 30);
    for (const p of connection)
      await expect(roomView(p.page).getByTestId('room-name')).toHaveText('You are in Connection');
    for (const p of mutuality)
      await expect(roomView(p.page).getByTestId('room-name')).toHaveText('You are in Mutuality');

    // Reflecting-team style in Connection: a member names the team; everyone in the room sees it.
    const [ana, bo] = connection as [Person, Person, Person];
    await floorPanel(ana.page).getByText('Start a new mode', { exact: true }).click();
    const form = ana.page.getByRole('form', { name: 'Start a new mode' });
    await form.getByRole('radio', { name: 'Reflecting team' }).check();
    await form.getByRole('checkbox', { name: 'Bo' }).check();
    await form.getByRole('button', { name: 'Start: Reflecting team' }).click();
    for (const p of connection) {
      await expect(floorPanel(p.page).getByTestId('floor-mode')).toHaveText('Reflecting team');
      await expect(floorPanel(p.page).getByTestId('team-member')).toHaveText([/Bo/]);
    }

    // Each room writes on its own board.
    await addNote(bo.page, 'Connection starts with curiosity');
    await addNote(mutuality[0]!.page, 'Both of us learn');
    await expect(boardNote(ana.page, 'Connection starts with curiosity')).toBeVisible();
    await expect(boardNote(mutuality[1]!.page, 'Both of us learn')).toBeVisible();

    // Back to the plenary; the gallery shows every task room's board, with both rooms' words.
    await closeRoomsNow(host);
    await panel.getByRole('button', { name: 'Open the gallery for everyone' }).click();
    for (const p of participants) {
      const g = gallery(p.page);
      for (const room of ['Connection', 'Worldview', 'Mutuality', 'Moving towards']) {
        await expect(g.getByRole('heading', { name: room })).toBeVisible();
      }
      await expect(g.getByText('Connection starts with curiosity')).toBeVisible();
      await expect(g.getByText('Both of us learn')).toBeVisible();
    }
    // The shared screen shows the same gallery, readable and accessible.
    const projector = await host.context.newPage();
    await projector.goto(`/s/${code}/projector`);
    const onScreen = projector.getByTestId('projector-gallery');
    await expect(onScreen.getByTestId('gallery-board')).toHaveCount(4);
    await expect(onScreen.getByTestId('outline-note')).toHaveText([
      'Connection starts with curiosity',
      'Both of us learn',
    ]);
    await expectAccessible(projector, 'the projector with the gallery of room boards');
    await projector.close();
  });
});
