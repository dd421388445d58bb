import type { BreakoutPresetId, SessionTemplateId } from '@kring/protocol';

/**
 * S4: the words of the session templates and breakout presets in one language other than
 * English. Only words: kinds, minutes, board templates, room capacities and how people get in
 * stay with the English data (`sessions.ts`, `breakouts.ts`), so a translation cannot change what
 * a template does. Lists follow the English ones item by item, in the same order.
 */
export interface SegmentText {
  title: string;
  /** Present exactly where the English segment has a prompt. */
  prompt?: string;
  /** Present exactly where the English segment has notes. */
  notes?: string;
}

export interface BoardText {
  title: string;
  /** Present exactly where the English board has columns, one title per English column. */
  columns?: readonly string[];
}

export interface SessionTemplateText {
  title: string;
  description: string;
  segments: readonly SegmentText[];
  boards: readonly BoardText[];
}

export interface RoomText {
  name: string;
  prompt?: string;
}

export interface BreakoutPresetText {
  title: string;
  description: string;
  /** For a preset with named rooms: one per English room. */
  rooms?: readonly RoomText[];
}

/** The presets of `BREAKOUT_PRESETS`, by id: protocol's list, since a segment's setup names one. */
export { BREAKOUT_PRESET_IDS, type BreakoutPresetId } from '@kring/protocol';

export interface TemplateTexts {
  sessions: Readonly<Record<SessionTemplateId, SessionTemplateText>>;
  breakouts: Readonly<Record<BreakoutPresetId, BreakoutPresetText>>;
}
