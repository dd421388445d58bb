import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id, PLENARY, Scope } from './ids';
import { LIMITS } from './limits';
import { NO_NUL, NO_NUL_MESSAGE, Text } from './text';

/**
 * Live captions (issue 12). Two kinds of data with different lives:
 * - session state and events: the caption URLs the facilitators made (and revoked) and whether the
 *   transcript goes into the harvest export — rare, decided by core like any facilitator command;
 * - caption lines and partials: many, fast, not session events. Lines are kept in the transcript
 *   (the store's own table, deletable as a whole); partials (what a captioner is typing) are never
 *   stored and reach screens as volatile messages.
 */

/** Where captions live: the plenary or a breakout room (its room id), like a floor (CA2). */
export const CaptionScope = z.union([z.literal(PLENARY), Scope]);
export type CaptionScope = z.infer<typeof CaptionScope>;

/** A BCP 47 language tag as caption software sends it (`en-US`, `nl-NL`, `fr`). */
export const CaptionLang = z
  .string()
  .check(z.maxLength(35), z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a language tag such as en-US'));
export type CaptionLang = z.infer<typeof CaptionLang>;

/** CA6: a caption URL a facilitator made for a caption service; its secret is never in the state. */
export const CaptionSourceState = z.object({
  id: Id,
  scope: CaptionScope,
  /** Who or what posts to it ("CART provider", "Room 2 captioner"), for the facilitators' list. */
  label: z.string(),
  addedAt: z.number(),
  revoked: z.boolean(),
});
export type CaptionSourceState = z.infer<typeof CaptionSourceState>;

export const CaptionsState = z.object({
  /** Caption URLs by id, revoked ones too (a revoked URL never accepts again). */
  sources: z.record(z.string(), CaptionSourceState),
  /** CA7: whether the transcript is part of the session (harvest) export. */
  inHarvest: z.boolean(),
});
export type CaptionsState = z.infer<typeof CaptionsState>;

// Commands (facilitators, CA6/CA7)

/** `sourceId` is set by the server (any value a client sends is replaced). */
export const AddCaptionSource = z.strictObject({
  type: z.literal('captions.addSource'),
  sourceId: z.optional(Id),
  /** Left out: the plenary. */
  scope: z.optional(CaptionScope),
  label: Text(LIMITS.captionLabelMax),
});
export const RevokeCaptionSource = z.strictObject({
  type: z.literal('captions.revokeSource'),
  sourceId: Id,
});
export const SetCaptionsInHarvest = z.strictObject({
  type: z.literal('captions.setHarvest'),
  include: z.boolean(),
});

export const CaptionCommands = [AddCaptionSource, RevokeCaptionSource, SetCaptionsInHarvest] as const;

export const CaptionSourceAdded = z.object({
  ...eventBase,
  type: z.literal('captions.sourceAdded'),
  sourceId: Id,
  scope: CaptionScope,
  label: z.string(),
  by: Id,
});
export const CaptionSourceRevoked = z.object({
  ...eventBase,
  type: z.literal('captions.sourceRevoked'),
  sourceId: Id,
  by: Id,
});
export const CaptionsHarvestChanged = z.object({
  ...eventBase,
  type: z.literal('captions.harvestChanged'),
  include: z.boolean(),
  by: Id,
});

export const CaptionEvents = [CaptionSourceAdded, CaptionSourceRevoked, CaptionsHarvestChanged] as const;

// Lines and partials (not session events)

/** Who made a line: a person typing in Kring's console, or a caption URL (with the poster's `seq`). */
export const CaptionAuthor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), participantId: Id }),
  z.object({ kind: z.literal('url'), sourceId: Id, seq: z.int().check(z.positive()) }),
]);
export type CaptionAuthor = z.infer<typeof CaptionAuthor>;

/** One caption line, as stored in the transcript and sent to screens. */
export const CaptionLine = z.object({
  id: Id,
  scope: CaptionScope,
  text: z.string(),
  /** Who is speaking, when the captioner says so ("Maria", "Facilitator"). */
  speaker: z.nullable(z.string()),
  lang: z.nullable(CaptionLang),
  /** Server time it arrived. */
  at: z.number(),
  /** CA4: where it sits in the transcript (ties: by `seq`, then id). */
  order: z.number(),
  by: CaptionAuthor,
  /** CA5: when its author last corrected it. */
  editedAt: z.nullable(z.number()),
});
export type CaptionLine = z.infer<typeof CaptionLine>;

const Speaker = z.optional(
  z.nullable(
    z.string().check(z.trim(), z.maxLength(LIMITS.captionSpeakerMax), z.regex(NO_NUL, NO_NUL_MESSAGE)),
  ),
);

/** What a captioner's console sends (socket `caption`); validated at the server's edge. */
export const CaptionInput = z.discriminatedUnion('kind', [
  /** What is being typed now (empty: nothing); replaces this person's previous partial. */
  z.strictObject({
    kind: z.literal('partial'),
    text: z.string().check(z.maxLength(LIMITS.captionLineMax), z.regex(NO_NUL, NO_NUL_MESSAGE)),
    speaker: Speaker,
  }),
  /** A finished line (Enter): stored in the transcript, clears the partial. */
  z.strictObject({
    kind: z.literal('line'),
    text: Text(LIMITS.captionLineMax),
    speaker: Speaker,
    lang: z.optional(CaptionLang),
  }),
  /** CA5: new words for this person's last line. */
  z.strictObject({ kind: z.literal('correct'), lineId: Id, text: Text(LIMITS.captionLineMax) }),
]);
export type CaptionInput = z.infer<typeof CaptionInput>;

/** What a person is typing right now, keyed by who types it. */
export const CaptionPartial = z.object({
  scope: CaptionScope,
  participantId: Id,
  speaker: z.nullable(z.string()),
  text: z.string(),
});
export type CaptionPartial = z.infer<typeof CaptionPartial>;

/** What the server pushes to screens (socket `caption`), always for the receiver's own scope. */
export const CaptionUpdate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partial'), partial: CaptionPartial }),
  z.object({ kind: z.literal('line'), line: CaptionLine }),
  z.object({ kind: z.literal('corrected'), line: CaptionLine }),
  /** CA7: the transcript was deleted; screens forget every line. */
  z.object({ kind: z.literal('cleared') }),
]);
export type CaptionUpdate = z.infer<typeof CaptionUpdate>;

/** A caption URL as the facilitators' list shows it (HTTP `GET …/captions/sources`). */
export const CaptionSourceView = z.extend(CaptionSourceState, {
  /** Where caption software posts; null once revoked. */
  url: z.nullable(z.string()),
});
export type CaptionSourceView = z.infer<typeof CaptionSourceView>;

/** `GET /api/sessions/{code}/captions/sources` (facilitators and captioners). */
export const CaptionSourcesResponse = z.object({ sources: z.array(CaptionSourceView) });
export type CaptionSourcesResponse = z.infer<typeof CaptionSourcesResponse>;

export const TRANSCRIPT_FORMATS = ['txt', 'vtt', 'json'] as const;
export const TranscriptFormat = z.enum(TRANSCRIPT_FORMATS);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;
