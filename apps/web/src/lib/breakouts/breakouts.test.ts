import { BREAKOUT_PRESETS, breakoutPresetIn } from '@kring/core';
import { LIMITS } from '@kring/protocol';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { ids, people } from '../floor/fixtures';
import { breakoutChanges, WarningWatch, warningText } from './announcements';
import {
  assignCommand,
  broadcastCommand,
  checkCallUrl,
  createBreakoutCommand,
  emptyRoom,
  openBreakoutCommand,
  presetForm,
  type CreateInput,
} from './commands';
import { breakout, room } from './fixtures';
import { refusalText } from './refusals';
import {
  galleryRooms,
  helpCalls,
  occupancyText,
  openRoomOf,
  roomBoardNotice,
  roomCounts,
  roomMemberIds,
  visitOf,
  visitorIds,
} from './rooms';

const R0 = room(0).id;
const R1 = room(1).id;

describe('rooms as a person sees them', () => {
  const open = breakout({
    status: 'open',
    endsAt: 100_000,
    assignment: { [ids.bo]: R0, [ids.ana]: R0, [ids.cas]: R1 },
  });

  it('lists a room’s members in join order and counts every room', () => {
    expect(roomMemberIds(open, R0, people)).toEqual([ids.ana, ids.bo]);
    expect(roomCounts(open)).toEqual({ [R0]: 2, [R1]: 1 });
    expect(occupancyText(1, null)).toBe('1 person');
    expect(occupancyText(3, 8)).toBe('3 of 8 places taken');
  });

  it('puts a participant’s screen in their room only while the rooms are open (BR6)', () => {
    expect(openRoomOf({ current: open, history: [] }, ids.ana)?.name).toBe('Room 1');
    expect(openRoomOf({ current: open, history: [] }, ids.host)).toBeNull();
    expect(openRoomOf({ current: { ...open, status: 'draft' }, history: [] }, ids.ana)).toBeNull();
  });

  it('opens the gallery while it is open or once the rooms are closed', () => {
    expect(galleryRooms({ current: open, history: [] })).toBeNull();
    expect(galleryRooms({ current: { ...open, galleryOpen: true }, history: [] })).toHaveLength(2);
    expect(galleryRooms({ current: { ...open, status: 'closed' }, history: [] })).toHaveLength(2);
    expect(galleryRooms({ current: null, history: [] })).toBeNull();
  });

  it('lists help calls oldest first with the caller’s room (BR11)', () => {
    const calls = helpCalls({ ...open, help: { [ids.cas]: 20, [ids.ana]: 10 } }, people);
    expect(calls.map((c) => [c.name, c.room?.name])).toEqual([
      ['Ana', 'Room 1'],
      ['Cas', 'Room 2'],
    ]);
  });

  it('says why a room board is read-only, in plain words (BR12, BR13)', () => {
    const b = (current: typeof open) => ({
      current,
      history: [{ id: 'old', groups: [], boardIds: ['old-b0'] }],
    });
    expect(roomBoardNotice(b(open), room(1).boardId, 'write', ids.cas)).toBeNull();
    expect(roomBoardNotice(b({ ...open, galleryOpen: true }), room(1).boardId, 'read', ids.ana)).toBe(
      'You can read the board of Room 2; its members write on it.',
    );
    expect(roomBoardNotice(b({ ...open, status: 'closed' }), room(0).boardId, 'read', ids.ana)).toMatch(
      /^The rooms are closed/,
    );
    expect(roomBoardNotice(b({ ...open, status: 'draft' }), room(0).boardId, 'read', ids.ana)).toMatch(
      /opens for writing when the rooms open/,
    );
    expect(roomBoardNotice(b(open), 'old-b0', 'read', ids.ana)).toMatch(/earlier breakout rooms/);
    expect(roomBoardNotice(b(open), 'board-1', 'read', ids.ana)).toBeNull();
  });

  it('reads visits; unseen ones are not shown to the room', () => {
    const visiting = {
      ...open,
      visits: { [ids.host]: { roomId: R1, unseen: false }, x: { roomId: R1, unseen: true } },
    };
    expect(visitOf(visiting, ids.host)).toEqual({ roomId: R1, unseen: false });
    expect(visitorIds(visiting, R1)).toEqual([ids.host]);
  });
});

describe('breakout forms', () => {
  const input = (over: Partial<CreateInput> = {}): CreateInput => ({
    by: 'count',
    count: '2',
    size: '5',
    rooms: [emptyRoom(1)],
    selfSelect: false,
    templateId: 'blank',
    ...over,
  });

  it('creates rooms by count, by size, or by name with prompt, places and an https call link (BR1)', () => {
    expect(createBreakoutCommand(input())).toEqual({
      ok: true,
      value: { type: 'breakout.create', rooms: { by: 'count', count: 2 }, boardTemplateId: 'blank' },
    });
    expect(createBreakoutCommand(input({ by: 'size', size: '5' }))).toMatchObject({
      ok: true,
      value: { rooms: { by: 'size', size: 5 } },
    });
    const named = createBreakoutCommand(
      input({
        by: 'names',
        selfSelect: true,
        rooms: [
          { name: ' Connection ', prompt: 'What helps?', capacity: '8', callUrl: 'https://call.example/a' },
          { name: 'Worldview', prompt: '', capacity: '', callUrl: '' },
        ],
      }),
    );
    expect(named).toEqual({
      ok: true,
      value: {
        type: 'breakout.create',
        selfSelect: true,
        boardTemplateId: 'blank',
        rooms: {
          by: 'names',
          rooms: [
            { name: 'Connection', prompt: 'What helps?', capacity: 8, callUrl: 'https://call.example/a' },
            { name: 'Worldview' },
          ],
        },
      },
    });
  });

  it('says what to fix in plain words', () => {
    expect(createBreakoutCommand(input({ count: '0' }))).toMatchObject({ ok: false });
    expect(createBreakoutCommand(input({ count: String(LIMITS.breakoutRoomsMax + 1) }))).toMatchObject({
      ok: false,
    });
    expect(createBreakoutCommand(input({ by: 'names', rooms: [] }))).toEqual({
      ok: false,
      error: 'Add at least one room.',
    });
    expect(createBreakoutCommand(input({ by: 'names', rooms: [{ ...emptyRoom(1), name: ' ' }] }))).toEqual({
      ok: false,
      error: 'Give room 1 a name.',
    });
    expect(
      createBreakoutCommand(input({ by: 'names', rooms: [{ ...emptyRoom(1), capacity: 'many' }] })),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^Room 1: places/) });
    expect(checkCallUrl('http://call.example')).toEqual({
      ok: false,
      error: 'A call link must start with https://.',
    });
    expect(checkCallUrl('call.example')).toMatchObject({ ok: false });
    expect(checkCallUrl('')).toEqual({ ok: true, value: null });
  });

  it('opens with a duration and a warning that comes before the end (BR8)', () => {
    expect(openBreakoutCommand('10', '1')).toEqual({
      ok: true,
      value: { type: 'breakout.open', durationMs: 600_000, warningMs: 60_000 },
    });
    expect(openBreakoutCommand('2,5', '')).toMatchObject({ value: { durationMs: 150_000, warningMs: 0 } });
    expect(openBreakoutCommand('0', '1')).toMatchObject({ ok: false });
    expect(openBreakoutCommand('1', '1')).toMatchObject({ ok: false });
  });

  it('deals random and kept groups right after creating; fills the form from a preset', () => {
    expect(assignCommand('random')).toEqual({
      type: 'breakout.assign',
      assign: { mode: 'random', groups: [] },
    });
    expect(assignCommand('keep')).toEqual({ type: 'breakout.assign', assign: { mode: 'keep' } });
    expect(assignCommand('choose')).toBeNull();
    expect(assignCommand('manual')).toBeNull();
    const four = BREAKOUT_PRESETS.find((p) => p.create.rooms.by === 'names');
    const form = presetForm(four!.create);
    expect(form.by).toBe('names');
    expect(form.rooms[0]).toMatchObject({ capacity: '8', callUrl: '' });
    const rebuilt = createBreakoutCommand({ ...form, selfSelect: true });
    expect(rebuilt).toMatchObject({ ok: true, value: { rooms: four!.create.rooms, selfSelect: true } });
  });

  it('broadcasts trimmed words, never an empty message', () => {
    expect(broadcastCommand('  Two minutes left  ')).toEqual({
      ok: true,
      value: { type: 'breakout.broadcast', text: 'Two minutes left' },
    });
    expect(broadcastCommand(' ')).toMatchObject({ ok: false });
  });
});

describe('what screen readers hear', () => {
  const ana = { you: ids.ana, facilitator: false, people, now: 0 };
  const host = { you: ids.host, facilitator: true, people, now: 0 };
  const draft = breakout({ assignment: { [ids.ana]: R1 } });
  const open = { ...draft, status: 'open' as const, endsAt: 600_000 };

  it('tells a participant their room when the rooms open, and the way back when they close', () => {
    expect(breakoutChanges(draft, open, ana)).toEqual(['The breakout rooms are open. You are in Room 2.']);
    expect(breakoutChanges(draft, open, { ...ana, you: ids.cas })).toEqual([
      'The breakout rooms are open. You stay in the plenary for now.',
    ]);
    expect(breakoutChanges(open, { ...open, status: 'closed' }, ana)).toEqual([
      'The breakout rooms are closed. Everyone is back in the plenary.',
    ]);
    expect(breakoutChanges(open, open, ana)).toEqual([]);
  });

  it('asks self-select participants to choose, and says where they were moved', () => {
    expect(breakoutChanges(null, breakout({ selfSelect: true }), ana)).toEqual([
      'Breakout rooms are ready: choose a room.',
    ]);
    expect(breakoutChanges(open, { ...open, assignment: { [ids.ana]: R0 } }, ana)).toEqual([
      'You are now in Room 1.',
    ]);
  });

  it('reads broadcasts from others, help calls to facilitators, time changes and the gallery', () => {
    const message = { text: 'Five more minutes', at: 5, by: ids.host };
    expect(breakoutChanges(open, { ...open, messages: [message] }, ana)).toEqual([
      'Message to all rooms: Five more minutes',
    ]);
    expect(breakoutChanges(open, { ...open, messages: [message] }, host)).toEqual([]);
    expect(breakoutChanges(open, { ...open, help: { [ids.ana]: 9 } }, host)).toEqual([
      'Ana in Room 2 asks for help.',
    ]);
    expect(breakoutChanges(open, { ...open, help: { [ids.ana]: 9 } }, ana)).toEqual([]);
    expect(breakoutChanges(open, { ...open, endsAt: 300_000 }, ana)).toEqual([
      'The time in the rooms changed: 5 minutes left.',
    ]);
    expect(breakoutChanges(open, { ...open, galleryOpen: true }, ana)).toEqual([
      "The gallery is open: everyone can read every room's board.",
    ]);
  });

  it('tells a new room host, and members about a visit they may see', () => {
    const hosted = { ...open, rooms: [room(0), room(1, { host: ids.ana })] };
    expect(breakoutChanges(open, hosted, ana)).toEqual([
      'You are now the host of your room: you run its floor.',
    ]);
    const visited = { ...open, visits: { [ids.host]: { roomId: R1, unseen: false } } };
    expect(breakoutChanges(open, visited, ana)).toEqual(['Facilitator is visiting your room.']);
    expect(
      breakoutChanges(open, { ...open, visits: { [ids.host]: { roomId: R1, unseen: true } } }, ana),
    ).toEqual([]);
  });

  it('warns once, a minute before the rooms close, only when it saw the countdown before (BR8)', () => {
    const watch = new WarningWatch();
    expect(watch.observe(open, 100_000)).toBe(false);
    expect(watch.observe(open, 540_500)).toBe(true);
    expect(watch.observe(open, 541_000)).toBe(false);
    expect(warningText(59_600)).toBe('The rooms close in 1 minute.');
    const late = new WarningWatch();
    expect(late.observe(open, 545_000)).toBe(false);
  });
});

describe('refusals from the server', () => {
  it('words the reason from the code, and the server’s own words only for a code it does not know', () => {
    expect(refusalText('Could not choose Connection', { code: 'full', message: 'this room is full' })).toBe(
      'Could not choose Connection: this room is full.',
    );
    expect(refusalText('Could not open the rooms', { code: 'conflict', message: 'anything' })).toMatch(
      /^Could not open the rooms: the rooms changed in the meantime\./,
    );
    const unknown = { code: 'brand_new', message: 'A new reason.' } as unknown as Parameters<
      typeof refusalText
    >[1];
    expect(refusalText('Could not move Ana', unknown)).toBe('Could not move Ana: A new reason.');
  });
});

describe('in Dutch and French', () => {
  const original = getLocale;
  afterEach(() => overwriteGetLocale(original));
  const ana = { you: ids.ana, facilitator: false, people, now: 0 };
  const draft = breakout({ assignment: { [ids.ana]: R1 } });
  const open = { ...draft, status: 'open' as const, endsAt: 600_000 };

  it('says what changes, and what to fix, in the page’s language', () => {
    overwriteGetLocale(() => 'nl');
    expect(breakoutChanges(draft, open, ana)).toEqual(['De deelgroepen zijn open. Jij zit in Room 2.']);
    expect(occupancyText(3, 8)).toBe('plaatsen bezet: 3 van 8');
    expect(
      createBreakoutCommand({
        by: 'names',
        count: '',
        size: '',
        rooms: [],
        selfSelect: false,
        templateId: 'blank',
      }),
    ).toEqual({
      ok: false,
      error: 'Voeg minstens één deelgroep toe.',
    });
    overwriteGetLocale(() => 'fr');
    expect(
      refusalText('Impossible de choisir Connexion', { code: 'full', message: 'this room is full' }),
    ).toBe('Impossible de choisir Connexion\u00a0: cette salle est complète.');
    expect(emptyRoom(3).name).toBe('Salle 3');
  });

  it('fills in a preset’s IPS task rooms in the page’s language (core S4) and asks for the rooms’ boards in it', () => {
    overwriteGetLocale(() => 'nl');
    const four = breakoutPresetIn('ips-four-tasks', getLocale())!;
    expect(four.title).toMatch(/IPS/);
    const create = {
      by: 'count',
      count: '2',
      size: '5',
      rooms: [],
      selfSelect: false,
      templateId: 'blank',
    } as const;
    expect(createBreakoutCommand({ ...create, rooms: [] })).toMatchObject({
      ok: true,
      value: { locale: 'nl' },
    });
    expect(presetForm(four.create).rooms.map((r) => r.name)).toEqual([
      'Verbinding',
      'Wereldbeeld',
      'Wederkerigheid',
      'Bewegen naar',
    ]);
  });
});
