import type { CommandOf, Locale } from '@kring/protocol';
import { type BreakoutPresetId, type BreakoutPresetText, TEMPLATE_TEXTS } from './i18n';

/**
 * S3: breakout presets: the room setups the run-of-shows use, as data the facilitator console
 * offers as a starting point (everything stays editable before the rooms open).
 */
export interface BreakoutPreset {
  id: BreakoutPresetId;
  title: string;
  description: string;
  /** The `breakout.create` command the preset fills in (the server adds the id). */
  create: Omit<CommandOf<'breakout.create'>, 'breakoutId'>;
  /** How people get into rooms: dealt at random, or each person chooses (self-select). */
  assign: 'random' | 'choose';
  durationMinutes: number;
  /** The floor mode the rooms are invited to run (rooms start it themselves, BR15). */
  suggestedFloor: 'round' | 'reflecting' | 'open' | null;
}

const ipsTaskRoom = (name: string, prompt: string) => ({ name, prompt, capacity: 8 });

export const BREAKOUT_PRESETS: readonly BreakoutPreset[] = [
  {
    id: 'ips-check-in',
    title: 'IPS check-in: random rooms of five',
    description:
      'Rooms of about five, dealt at random; a round where each person speaks about a minute and may pass.',
    create: {
      type: 'breakout.create',
      rooms: { by: 'size', size: 5 },
      selfSelect: false,
      boardTemplateId: 'check-in',
    },
    assign: 'random',
    durationMinutes: 12,
    suggestedFloor: 'round',
  },
  {
    id: 'ips-four-tasks',
    title: 'IPS four tasks: choose a room, at most eight',
    description:
      'One room per task; people choose the task that speaks to them. Reflecting-team style: some speak while others listen, then swap.',
    create: {
      type: 'breakout.create',
      rooms: {
        by: 'names',
        rooms: [
          ipsTaskRoom('Connection', 'What helps you connect, and what gets in the way?'),
          ipsTaskRoom('Worldview', 'How did you come to know what you know? What shapes how you see things?'),
          ipsTaskRoom('Mutuality', 'What does a relationship where both people learn and grow look like?'),
          ipsTaskRoom('Moving towards', 'Moving towards what we want, rather than away from what we fear.'),
        ],
      },
      selfSelect: true,
      boardTemplateId: 'blank',
    },
    assign: 'choose',
    durationMinutes: 30,
    suggestedFloor: 'reflecting',
  },
  {
    id: 'pairs',
    title: 'Pairs',
    description: 'Rooms of two, dealt at random, with an open floor.',
    create: {
      type: 'breakout.create',
      rooms: { by: 'size', size: 2 },
      selfSelect: false,
      boardTemplateId: 'blank',
    },
    assign: 'random',
    durationMinutes: 10,
    suggestedFloor: 'open',
  },
];

export const findBreakoutPreset = (id: string): BreakoutPreset | undefined =>
  BREAKOUT_PRESETS.find((p) => p.id === id);

/**
 * S4: the breakout presets in the facilitator's language (English when left out): titles,
 * descriptions, room names and prompts. Room counts, sizes, capacities, board templates and how
 * people get in are the English preset's.
 */
export function breakoutPresetsIn(locale: Locale = 'en'): readonly BreakoutPreset[] {
  if (locale === 'en') return BREAKOUT_PRESETS;
  return BREAKOUT_PRESETS.map((p) => localized(p, TEMPLATE_TEXTS[locale].breakouts[p.id]));
}

/** S4: one breakout preset in a language; undefined for an unknown id. */
export function breakoutPresetIn(id: string, locale: Locale = 'en'): BreakoutPreset | undefined {
  return breakoutPresetsIn(locale).find((p) => p.id === id);
}

/** The English preset with the translated words put in; a missing word stays English (tests check none is). */
function localized(preset: BreakoutPreset, text: BreakoutPresetText): BreakoutPreset {
  const rooms = preset.create.rooms;
  return {
    ...preset,
    title: text.title,
    description: text.description,
    create: {
      ...preset.create,
      rooms:
        rooms.by === 'names'
          ? {
              by: 'names',
              rooms: rooms.rooms.map((room, i) => {
                const words = text.rooms?.[i];
                return {
                  ...room,
                  name: words?.name ?? room.name,
                  ...(room.prompt !== undefined ? { prompt: words?.prompt ?? room.prompt } : {}),
                };
              }),
            }
          : rooms,
    },
  };
}
