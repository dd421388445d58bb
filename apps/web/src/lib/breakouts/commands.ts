import { LIMITS, type CommandOf, type TemplateId } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Checked } from '../templates/templates';
import { parseMinutes } from '../timer/display';

/**
 * The facilitator's breakout forms as commands, or what to fix first. The server checks again
 * (core BR1, BR8); these only spare people a round trip and say it in plain words.
 */

export type RoomsBy = 'count' | 'size' | 'names';

export interface NamedRoomInput {
  name: string;
  prompt: string;
  /** Empty: no cap. */
  capacity: string;
  /** Empty: no call link. */
  callUrl: string;
}

export interface CreateInput {
  by: RoomsBy;
  count: string;
  size: string;
  rooms: readonly NamedRoomInput[];
  selfSelect: boolean;
  templateId: TemplateId;
}

export const emptyRoom = (n: number): NamedRoomInput => ({
  name: m.breakouts_room_number({ n }),
  prompt: '',
  capacity: '',
  callUrl: '',
});

/** A whole number from `min` to `max`, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/** A call link must be an https address (no other scheme reaches the page: CSP, BR1). */
export function checkCallUrl(text: string): Checked<string | null> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: m.breakouts_error_call_link_address() };
  }
  if (url.protocol !== 'https:') return { ok: false, error: m.breakouts_error_call_link_https() };
  if (trimmed.length > LIMITS.callUrlMax) {
    return { ok: false, error: m.breakouts_error_call_link_too_long({ max: LIMITS.callUrlMax }) };
  }
  return { ok: true, value: trimmed };
}

type RoomSpec = Extract<CommandOf<'breakout.create'>['rooms'], { by: 'names' }>['rooms'][number];

function roomSpec(input: NamedRoomInput, n: number): Checked<RoomSpec> {
  const name = input.name.trim();
  if (!name) return { ok: false, error: m.breakouts_error_room_name_missing({ n }) };
  if (name.length > LIMITS.roomNameMax) {
    return { ok: false, error: m.breakouts_error_room_name_too_long({ n, max: LIMITS.roomNameMax }) };
  }
  const prompt = input.prompt.trim();
  if (prompt.length > LIMITS.segmentPromptMax) {
    return {
      ok: false,
      error: m.breakouts_error_room_prompt_too_long({ n, max: LIMITS.segmentPromptMax }),
    };
  }
  let capacity: number | null = null;
  if (input.capacity.trim()) {
    capacity = wholeNumber(input.capacity, 1, LIMITS.roundSizeMax);
    if (capacity === null) return { ok: false, error: m.breakouts_error_room_places({ n }) };
  }
  const link = checkCallUrl(input.callUrl);
  if (!link.ok) return { ok: false, error: m.breakouts_error_room_call_link({ n, error: link.error }) };
  return {
    ok: true,
    value: {
      name,
      ...(prompt ? { prompt } : {}),
      ...(capacity !== null ? { capacity } : {}),
      ...(link.value ? { callUrl: link.value } : {}),
    },
  };
}

/** `breakout.create` from the form (BR1). */
export function createBreakoutCommand(input: CreateInput): Checked<CommandOf<'breakout.create'>> {
  let rooms: CommandOf<'breakout.create'>['rooms'];
  if (input.by === 'count') {
    const count = wholeNumber(input.count, 1, LIMITS.breakoutRoomsMax);
    if (count === null) {
      return { ok: false, error: m.breakouts_error_room_count({ max: LIMITS.breakoutRoomsMax }) };
    }
    rooms = { by: 'count', count };
  } else if (input.by === 'size') {
    const size = wholeNumber(input.size, 1, LIMITS.roundSizeMax);
    if (size === null) return { ok: false, error: m.breakouts_error_room_size() };
    rooms = { by: 'size', size };
  } else {
    if (input.rooms.length === 0) return { ok: false, error: m.breakouts_error_no_rooms() };
    if (input.rooms.length > LIMITS.breakoutRoomsMax) {
      return { ok: false, error: m.breakouts_error_too_many_rooms({ max: LIMITS.breakoutRoomsMax }) };
    }
    const specs: RoomSpec[] = [];
    for (const [i, room] of input.rooms.entries()) {
      const spec = roomSpec(room, i + 1);
      if (!spec.ok) return spec;
      specs.push(spec.value);
    }
    rooms = { by: 'names', rooms: specs };
  }
  return {
    ok: true,
    value: {
      type: 'breakout.create',
      rooms,
      ...(input.selfSelect ? { selfSelect: true } : {}),
      boardTemplateId: input.templateId,
      // S4: the rooms' boards start in the facilitator's language (their columns and prompts).
      ...(getLocale() !== 'en' ? { locale: getLocale() } : {}),
    },
  };
}

/** Minutes that may be zero ("no warning"), as milliseconds; null when it is not a duration. */
export function parseWarningMinutes(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (normalised === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const ms = Math.round(Number(normalised) * 60) * 1000;
  return ms <= LIMITS.timerMaxMs ? ms : null;
}

/** `breakout.open` with a duration and a warning before the rooms close (BR8). */
export function openBreakoutCommand(
  minutes: string,
  warningMinutes: string,
): Checked<CommandOf<'breakout.open'>> {
  const durationMs = parseMinutes(minutes, LIMITS.timerMaxMs);
  if (durationMs === null) return { ok: false, error: m.breakouts_error_open_minutes() };
  const warningMs = parseWarningMinutes(warningMinutes);
  if (warningMs === null) return { ok: false, error: m.breakouts_error_warning_minutes() };
  if (warningMs >= durationMs) {
    return {
      ok: false,
      error: m.breakouts_error_warning_too_long(),
    };
  }
  return { ok: true, value: { type: 'breakout.open', durationMs, warningMs } };
}

/** `breakout.broadcast`: the words as typed, trimmed. */
export function broadcastCommand(text: string): Checked<CommandOf<'breakout.broadcast'>> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: m.breakouts_error_message_empty() };
  if (trimmed.length > LIMITS.announcementTextMax) {
    return { ok: false, error: m.breakouts_error_message_too_long({ max: LIMITS.announcementTextMax }) };
  }
  return { ok: true, value: { type: 'breakout.broadcast', text: trimmed } };
}

/** How people get into the rooms: dealt at random, each chooses, the last groups again, or by hand. */
export type AssignMode = 'random' | 'choose' | 'keep' | 'manual';

/** The `breakout.assign` that follows `breakout.create` for a mode (none for choose and by hand). */
export function assignCommand(mode: AssignMode): CommandOf<'breakout.assign'> | null {
  // Random: the server shuffles and deals the groups (BR3); the groups sent here are replaced.
  if (mode === 'random') return { type: 'breakout.assign', assign: { mode: 'random', groups: [] } };
  if (mode === 'keep') return { type: 'breakout.assign', assign: { mode: 'keep' } };
  return null;
}

/**
 * A preset's room setup (core `BREAKOUT_PRESETS`) as what the form shows, to edit before creating;
 * the IPS tasks' room names and prompts in this person's language.
 */
export function presetForm(
  create: Pick<CommandOf<'breakout.create'>, 'rooms' | 'selfSelect' | 'boardTemplateId'>,
): {
  by: RoomsBy;
  count: string;
  size: string;
  rooms: NamedRoomInput[];
  templateId: TemplateId;
} {
  const rooms = create.rooms;
  return {
    by: rooms.by,
    count: rooms.by === 'count' ? String(rooms.count) : '2',
    size: rooms.by === 'size' ? String(rooms.size) : '5',
    rooms:
      rooms.by === 'names'
        ? rooms.rooms.map((r) => ({
            name: r.name,
            prompt: r.prompt ?? '',
            capacity: r.capacity !== undefined ? String(r.capacity) : '',
            callUrl: r.callUrl ?? '',
          }))
        : [emptyRoom(1), emptyRoom(2)],
    templateId: create.boardTemplateId ?? 'blank',
  };
}
