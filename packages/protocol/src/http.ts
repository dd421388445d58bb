import * as z from 'zod/mini';
import { Id } from './ids';
import { LIMITS } from './limits';
import { DisplayName } from './participants';
import { Role } from './roles';
import { Text } from './text';

export { LIMITS };

/**
 * The languages Kring speaks. An export's own words (headings, labels) follow the reader's
 * (`?lang=`); a session template's words and a new board's template text follow the
 * facilitator's (core S4).
 */
export const LOCALES = ['en', 'nl', 'fr'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * Session templates (`@kring/core` `SESSION_TEMPLATES` holds their agendas and boards). The ids are
 * part of the wire protocol (`POST /api/sessions` names one), so they are defined here.
 */
export const SESSION_TEMPLATE_IDS = [
  'ips-overview',
  'inspiration-meeting',
  'intervision',
  'open-dialogue',
  'recovery-workshop',
  'summit-planning',
] as const;
export const SessionTemplateId = z.enum(SESSION_TEMPLATE_IDS);
export type SessionTemplateId = z.infer<typeof SessionTemplateId>;

/**
 * `templateId` left out: a blank session (one board, no agenda). `hostName`: how the host appears
 * to everyone (S1); left out, "Facilitator". `locale`: the facilitator's language, in which the
 * template's agenda and boards are created (core S4); left out, English.
 */
export const CreateSessionBody = z.strictObject({
  title: Text(LIMITS.titleMax),
  templateId: z.optional(SessionTemplateId),
  hostName: z.optional(DisplayName),
  locale: z.optional(Locale),
});
export type CreateSessionBody = z.infer<typeof CreateSessionBody>;

export const CreateSessionResponse = z.object({
  sessionId: Id,
  joinCode: z.string(),
  facilitatorToken: z.string(),
  participantUrl: z.string(),
  facilitatorUrl: z.string(),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

export const JoinSessionBody = z.strictObject({
  displayName: DisplayName,
  /** Asks for `start` in the answer: a page that opens the session right after the join. */
  start: z.optional(z.literal(true)),
});
export type JoinSessionBody = z.infer<typeof JoinSessionBody>;

/**
 * What a session page shows first, in the join's answer (issue 14: a phone at 400 ms round trip
 * then draws the session and its board after the join, not after opening two sockets and hearing
 * from both). The page's sockets then connect as a page coming back does: the control socket with
 * `since: state.version` (its welcome brings what happened meanwhile), the board's without `fresh`
 * (it asks only for what the document lacks).
 */
export const JoinStart = z.object({
  /**
   * The session state cut for the newcomer, as a welcome's snapshot carries it: the page checks it
   * as it checks a snapshot (`SessionState`), so it is not parsed twice here.
   */
  state: z.unknown(),
  /** Who was connected when the answer was made; the welcome brings it up to date. */
  online: z.array(Id),
  /**
   * The document of the board named by `boardId` as one Yjs update, in base64; null when there is
   * none or it is too big to travel inside this answer (the board's socket then brings it whole).
   */
  board: z.nullable(z.string().check(z.maxLength(LIMITS.joinStartBoardBase64Max))),
});
export type JoinStart = z.infer<typeof JoinStart>;

export const JoinSessionResponse = z.object({
  participantId: Id,
  token: z.string(),
  /**
   * The board the newcomer's screen will show first (core BD18), null when the session has none: the
   * page opens its document beside the control connection instead of after the state (issue 14).
   */
  boardId: z.nullable(Id),
  /** With `start: true` in the body: what the session page opens with (`JoinStart`). */
  start: z.optional(JoinStart),
});
export type JoinSessionResponse = z.infer<typeof JoinSessionResponse>;

export const BoardSummary = z.object({
  id: Id,
  title: z.string(),
  locked: z.boolean(),
  archived: z.boolean(),
  anonymous: z.boolean(),
});
export type BoardSummary = z.infer<typeof BoardSummary>;

export const ParticipantSummary = z.object({ id: Id, displayName: z.string(), role: Role });
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

export const SessionSummary = z.object({
  sessionId: Id,
  joinCode: z.string(),
  title: z.string(),
  createdAt: z.number(),
  you: ParticipantSummary,
  participants: z.array(ParticipantSummary),
  boards: z.array(BoardSummary),
  focusBoardId: z.nullable(Id),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

/** Formats of `GET /api/sessions/{code}/boards/{boardId}/export?format=…`. */
export const BOARD_EXPORT_FORMATS = ['md', 'csv', 'json'] as const;
export const BoardExportFormat = z.enum(BOARD_EXPORT_FORMATS);
export type BoardExportFormat = z.infer<typeof BoardExportFormat>;
/** Formats of `GET /api/sessions/{code}/export?format=…` (the whole session). */
export const SESSION_EXPORT_FORMATS = ['md', 'json'] as const;
export const SessionExportFormat = z.enum(SESSION_EXPORT_FORMATS);
export type SessionExportFormat = z.infer<typeof SessionExportFormat>;
