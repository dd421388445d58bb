import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id } from './ids';
import { LIMITS } from './limits';
import { Text } from './text';

/**
 * What a session keeps and for how long, and who may take its words out (issue 13; core PR rules).
 * Facilitator commands; everyone sees the settings (they are shown at join and on every screen).
 */

/** PR1: how long the session's content is kept. */
export const Retention = z.discriminatedUnion('kind', [
  /** This many days after the session ends. */
  z.strictObject({ kind: z.literal('days'), days: z.int().check(z.gte(1), z.lte(3650)) }),
  /** Deleted as soon as a facilitator ends the session. */
  z.strictObject({ kind: z.literal('onEnd') }),
  /** Deleted on this date (ms since the epoch), e.g. the end of an intervision group's yearly cycle. */
  z.strictObject({ kind: z.literal('until'), at: z.int().check(z.positive()) }),
]);
export type Retention = z.infer<typeof Retention>;

/** PR5: who may export boards and the session (the harvest). */
export const EXPORTERS = ['everyone', 'facilitators'] as const;
export const Exporters = z.enum(EXPORTERS);
export type Exporters = z.infer<typeof Exporters>;

/** PR7: who organises the session and how to reach them (both optional), shown before joining. */
export const PrivacyNotice = z.object({
  organiser: z.nullable(z.string()),
  contact: z.nullable(z.string()),
});
export type PrivacyNotice = z.infer<typeof PrivacyNotice>;

export const PrivacyState = z.object({
  retention: Retention,
  notice: PrivacyNotice,
  /** PR2: when a facilitator ended the session (null: not ended). */
  endedAt: z.nullable(z.number()),
  exporters: Exporters,
});
export type PrivacyState = z.infer<typeof PrivacyState>;

export const SetRetention = z.strictObject({ type: z.literal('session.setRetention'), retention: Retention });
/** PR2: the session ends: the door closes and the retention period starts. */
export const EndSession = z.strictObject({ type: z.literal('session.end') });
export const SetExporters = z.strictObject({ type: z.literal('session.setExporters'), exporters: Exporters });

/** PR7: null (or left out of a change) clears a field. */
export const SetNotice = z.strictObject({
  type: z.literal('session.setNotice'),
  organiser: z.nullable(Text(LIMITS.noticeFieldMax)),
  contact: z.nullable(Text(LIMITS.noticeFieldMax)),
});

export const PrivacyCommands = [SetRetention, EndSession, SetExporters, SetNotice] as const;

export const RetentionChanged = z.object({
  ...eventBase,
  type: z.literal('session.retentionChanged'),
  retention: Retention,
  by: Id,
});
export const SessionEnded = z.object({ ...eventBase, type: z.literal('session.ended'), by: Id });
export const ExportersChanged = z.object({
  ...eventBase,
  type: z.literal('session.exportersChanged'),
  exporters: Exporters,
  by: Id,
});

export const NoticeChanged = z.object({
  ...eventBase,
  type: z.literal('session.noticeChanged'),
  organiser: z.nullable(z.string()),
  contact: z.nullable(z.string()),
  by: Id,
});

export const PrivacyEvents = [RetentionChanged, SessionEnded, ExportersChanged, NoticeChanged] as const;

/**
 * What anyone with the join code reads before joining (`GET /api/sessions/{code}/privacy`): the
 * session's title and its privacy notice (PR7), so nobody joins without knowing what is kept.
 */
export const PrivacySummary = z.object({
  title: z.string(),
  retention: Retention,
  endedAt: z.nullable(z.number()),
  /** When everything is to be deleted (PR3), as the server has it now. */
  expiresAt: z.nullable(z.number()),
  exporters: Exporters,
  organiser: z.nullable(z.string()),
  contact: z.nullable(z.string()),
});
export type PrivacySummary = z.infer<typeof PrivacySummary>;
