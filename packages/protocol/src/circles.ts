import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { TemplateId } from './boards';
import { Locale, SessionTemplateId } from './http';
import { Id } from './ids';
import { LIMITS } from './limits';
import { DisplayName } from './participants';
import {
  LocalDate,
  OCCURRENCE_STATUSES,
  SeriesException,
  SeriesExceptions,
  SeriesPlan,
  TimeZoneName,
} from './series';
import { Role } from './roles';
import { NO_NUL, NO_NUL_MESSAGE, Text } from './text';

/**
 * A circle (issue 16): a group that meets again — its hosts and members, each with a lasting
 * identity by a personal link (no account, no e-mail), and its series of meetings. Its own
 * event-sourced record, apart from sessions: circle commands and events never mix with session
 * ones (core CI rules in packages/core/SPEC.md).
 */

export const CIRCLE_LIMITS = {
  seriesMax: 20,
  membersMax: 200,
  /** Descriptions and accessibility notes. */
  textMax: 2000,
  /** Days a circle is kept after its last meeting (or its last change), unless its hosts choose. */
  retentionDaysDefault: 90,
  retentionDaysMax: 3650,
  /** Places of one meeting's registration (CI20); more is a conference, not a circle. */
  registrationCapMax: 1000,
  /** Registrations of one meeting, waiting list included (CI21). */
  registrationsMax: 2000,
  /** Days a meeting's registrations are kept after its end (CI24): they hold e-mail addresses. */
  registrationKeepDays: 14,
  /** The circle's lasting boards (CI26): a few shared spaces, not a second wall of boards. */
  boardsMax: 10,
  /** Meeting harvests kept with the circle (CI28). */
  harvestsMax: 200,
} as const;

/**
 * A circle's public short code, in its URLs (`/c/CODE`). Eight characters of the join-code
 * alphabet: its own space, never mistaken for a session's six-character join code.
 */
export const CIRCLE_CODE_LENGTH = 8;
export const CircleCode = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^[A-HJ-NP-Z2-9]{8}$/, 'a circle code is 8 letters or digits'));

export const CIRCLE_ROLES = ['host', 'member'] as const;
export const CircleRole = z.enum(CIRCLE_ROLES);
export type CircleRole = z.infer<typeof CircleRole>;

/** `public`: anyone may find and share the event page; `link`: only who has the link (not indexed). */
export const SERIES_VISIBILITIES = ['public', 'link'] as const;
export const SeriesVisibility = z.enum(SERIES_VISIBILITIES);
export type SeriesVisibility = z.infer<typeof SeriesVisibility>;

/** A longer text people type (a description, accessibility notes): trimmed, may be empty. */
export const CircleText = z
  .string()
  .check(
    z.trim(),
    z.maxLength(CIRCLE_LIMITS.textMax, `at most ${CIRCLE_LIMITS.textMax} characters`),
    z.regex(NO_NUL, NO_NUL_MESSAGE),
  );

export const RetentionDays = z.int().check(z.gte(1), z.lte(CIRCLE_LIMITS.retentionDaysMax));

export const CircleMember = z.object({
  name: z.string(),
  role: CircleRole,
  joinedAt: z.number(),
  /** Personal links carry the epoch they were made in; a new link (or signing out) raises it. */
  epoch: z.int().check(z.nonnegative()),
});
export type CircleMember = z.infer<typeof CircleMember>;

/**
 * CI20: registration for a series' meetings, set by its hosts (per series, each meeting with its
 * own list and cap). `cap` null: no limit. `askEmail`: the form offers an optional e-mail field.
 */
export const RegistrationSettings = z.strictObject({
  open: z.boolean(),
  cap: z.nullable(z.int().check(z.gte(1), z.lte(CIRCLE_LIMITS.registrationCapMax))),
  consentText: CircleText,
  askEmail: z.boolean(),
});
export type RegistrationSettings = z.infer<typeof RegistrationSettings>;

export const SeriesState = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  plan: SeriesPlan,
  exceptions: SeriesExceptions,
  /**
   * The iCalendar SEQUENCE of each meeting (by key) whose time or status changed; absent is 0.
   * Values come from `revision`, so a meeting that leaves the plan and comes back is still newer
   * than any copy a calendar kept.
   */
  sequences: z.record(LocalDate, z.int().check(z.nonnegative())),
  /** Raised with every change of a meeting's time or status. */
  revision: z.int().check(z.nonnegative()),
  visibility: SeriesVisibility,
  language: Locale,
  /** Accessibility notes for the event page (captions, breaks, …); may be empty. */
  accessibility: z.string(),
  /** The session template each meeting's session starts from (absent: a blank session). */
  templateId: z.optional(SessionTemplateId),
  /** CI20: registration for its meetings (absent: none). */
  registration: z.optional(RegistrationSettings),
  createdAt: z.number(),
});
export type SeriesState = z.infer<typeof SeriesState>;

/**
 * A meeting that became a live session (CI16): the session made for it, and which participant of
 * that session each member is (their lasting identity carried into the meeting, CI17).
 */
export const CircleMeeting = z.object({
  seriesId: Id,
  /** The date the meeting was planned on (its key, SE4). */
  key: LocalDate,
  sessionId: Id,
  /** The session's join code when it was made (it may change since, J4: ask the session). */
  joinCode: z.string(),
  /** Member id → participant id in the session. */
  participants: z.record(Id, Id),
  openedAt: z.number(),
});
export type CircleMeeting = z.infer<typeof CircleMeeting>;

/**
 * CI26: one of the circle's lasting boards (decisions, actions, ideas for next time): its document
 * belongs to the circle, outlives every meeting, and is a board of each meeting opened after it
 * was added.
 */
export const CircleBoard = z.object({
  id: Id,
  title: z.string(),
  templateId: TemplateId,
  createdAt: z.number(),
});
export type CircleBoard = z.infer<typeof CircleBoard>;

export const CircleState = z.object({
  id: Id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  timeZone: z.string(),
  locale: Locale,
  createdAt: z.number(),
  retentionDays: z.int(),
  members: z.record(Id, CircleMember),
  series: z.record(Id, SeriesState),
  /** Meetings that became sessions, by `${seriesId}:${key}`; kept when their series goes (CI16). */
  meetings: z.record(z.string(), CircleMeeting),
  /** CI26: the lasting boards, by id, in the order they were added. */
  boards: z.record(Id, CircleBoard),
  /** The version of the last event applied (the store's optimistic concurrency). */
  version: z.int().check(z.nonnegative()),
});
export type CircleState = z.infer<typeof CircleState>;

// Commands (POST /api/circles/{code}/commands). Ids of created things are set by the server.

export const UpdateCircle = z.strictObject({
  type: z.literal('circle.update'),
  title: z.optional(Text(LIMITS.titleMax)),
  description: z.optional(CircleText),
  retentionDays: z.optional(RetentionDays),
  timeZone: z.optional(TimeZoneName),
  locale: z.optional(Locale),
});

export const InviteMember = z.strictObject({
  type: z.literal('member.invite'),
  name: DisplayName,
  role: CircleRole,
  /** Set by the server (any value a client sends is replaced). */
  memberId: z.optional(Id),
});

/** A host removes someone, or a member leaves (their own id). */
export const RemoveMember = z.strictObject({ type: z.literal('member.remove'), memberId: Id });

export const RenameMember = z.strictObject({
  type: z.literal('member.rename'),
  memberId: Id,
  name: DisplayName,
});

export const SetMemberRole = z.strictObject({
  type: z.literal('member.setRole'),
  memberId: Id,
  role: CircleRole,
});

/** A new personal link (a lost or shared one stops working); the answer carries it. */
export const RenewMemberLink = z.strictObject({ type: z.literal('member.newLink'), memberId: Id });

export const AddSeries = z.strictObject({
  type: z.literal('series.add'),
  /** Set by the server: 128 random bits, since a link-only series is found by its id alone. */
  seriesId: z.optional(Id),
  title: Text(LIMITS.titleMax),
  description: z.optional(CircleText),
  plan: SeriesPlan,
  visibility: SeriesVisibility,
  /** Left out: the circle's language. */
  language: z.optional(Locale),
  accessibility: z.optional(CircleText),
  /** Left out: each meeting starts as a blank session. */
  templateId: z.optional(SessionTemplateId),
});

/** Any of the fields; a new plan keeps the exceptions of dates it still has. */
export const UpdateSeries = z.strictObject({
  type: z.literal('series.update'),
  seriesId: Id,
  title: z.optional(Text(LIMITS.titleMax)),
  description: z.optional(CircleText),
  plan: z.optional(SeriesPlan),
  visibility: z.optional(SeriesVisibility),
  language: z.optional(Locale),
  accessibility: z.optional(CircleText),
  /** null: meetings start as blank sessions from now on. */
  templateId: z.optional(z.nullable(SessionTemplateId)),
});

/** Skip, cancel or move one meeting (by the date it was planned on); null undoes it. */
export const SetSeriesException = z.strictObject({
  type: z.literal('series.setException'),
  seriesId: Id,
  key: LocalDate,
  exception: z.nullable(SeriesException),
});

export const RemoveSeries = z.strictObject({ type: z.literal('series.remove'), seriesId: Id });

/** CI20: a series' registration settings; null: no registration (its lists stay until CI24). */
export const SetRegistration = z.strictObject({
  type: z.literal('series.setRegistration'),
  seriesId: Id,
  registration: z.nullable(RegistrationSettings),
});

/** CI26: a host adds a lasting board, from a board template (its columns, in the circle's language). */
export const AddCircleBoard = z.strictObject({
  type: z.literal('circleBoard.add'),
  /** Set by the server (any value a client sends is replaced). */
  boardId: z.optional(Id),
  title: Text(LIMITS.titleMax),
  templateId: TemplateId,
  /** The `columns` template's column titles (required for it, as for a session's board). */
  columns: z.optional(
    z.array(Text(LIMITS.titleMax)).check(z.minLength(1), z.maxLength(LIMITS.boardColumnsMax)),
  ),
});

/** CI27: a host removes a lasting board: its document is deleted with it. */
export const RemoveCircleBoard = z.strictObject({ type: z.literal('circleBoard.remove'), boardId: Id });

export const CircleCommand = z.discriminatedUnion('type', [
  UpdateCircle,
  InviteMember,
  RemoveMember,
  RenameMember,
  SetMemberRole,
  RenewMemberLink,
  AddSeries,
  UpdateSeries,
  SetSeriesException,
  RemoveSeries,
  SetRegistration,
  AddCircleBoard,
  RemoveCircleBoard,
]);
export type CircleCommand = z.infer<typeof CircleCommand>;

export type CircleCommandType = CircleCommand['type'];
export type CircleCommandOf<T extends CircleCommandType> = Extract<CircleCommand, { type: T }>;

// Events: facts, each carrying what replay needs (texts are not re-validated when read back: a
// removed member's name is blanked in the stored log).

const base = eventBase;

export const CircleCreated = z.object({
  ...base,
  type: z.literal('circle.created'),
  circleId: Id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  timeZone: z.string(),
  locale: Locale,
  retentionDays: z.int(),
});

export const CircleUpdated = z.object({
  ...base,
  type: z.literal('circle.updated'),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  retentionDays: z.optional(z.int()),
  timeZone: z.optional(z.string()),
  locale: z.optional(Locale),
  by: Id,
});

export const MemberAdded = z.object({
  ...base,
  type: z.literal('member.added'),
  memberId: Id,
  name: z.string(),
  role: CircleRole,
  /** Who invited them (the founding host: themselves). */
  by: Id,
});

export const MemberRemoved = z.object({ ...base, type: z.literal('member.removed'), memberId: Id, by: Id });

export const MemberRenamed = z.object({
  ...base,
  type: z.literal('member.renamed'),
  memberId: Id,
  name: z.string(),
  by: Id,
});

export const MemberRoleChanged = z.object({
  ...base,
  type: z.literal('member.roleChanged'),
  memberId: Id,
  role: CircleRole,
  by: Id,
});

export const MemberLinkRenewed = z.object({
  ...base,
  type: z.literal('member.linkRenewed'),
  memberId: Id,
  epoch: z.int().check(z.nonnegative()),
  by: Id,
});

export const SeriesAdded = z.object({
  ...base,
  type: z.literal('series.added'),
  seriesId: Id,
  title: z.string(),
  description: z.string(),
  plan: SeriesPlan,
  visibility: SeriesVisibility,
  language: Locale,
  accessibility: z.string(),
  templateId: z.optional(SessionTemplateId),
  by: Id,
});

/** The changed fields; with a new plan, also the exceptions it keeps and the meetings it moved. */
export const SeriesUpdated = z.object({
  ...base,
  type: z.literal('series.updated'),
  seriesId: Id,
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  plan: z.optional(SeriesPlan),
  visibility: z.optional(SeriesVisibility),
  language: z.optional(Locale),
  accessibility: z.optional(z.string()),
  /** null: back to blank sessions. */
  templateId: z.optional(z.nullable(SessionTemplateId)),
  exceptions: z.optional(SeriesExceptions),
  sequences: z.optional(z.record(LocalDate, z.int().check(z.nonnegative()))),
  revision: z.optional(z.int().check(z.nonnegative())),
  by: Id,
});

/** `sequence`: the meeting's new SEQUENCE, which is also the series' new revision. */
export const SeriesExceptionSet = z.object({
  ...base,
  type: z.literal('series.exceptionSet'),
  seriesId: Id,
  key: LocalDate,
  exception: z.nullable(SeriesException),
  sequence: z.int().check(z.nonnegative()),
  by: Id,
});

export const SeriesRemoved = z.object({ ...base, type: z.literal('series.removed'), seriesId: Id, by: Id });

export const RegistrationSet = z.object({
  ...base,
  type: z.literal('series.registrationSet'),
  seriesId: Id,
  registration: z.nullable(RegistrationSettings),
  by: Id,
});

/** CI16: a meeting's session was made. `by` absent: a visitor of the event page opened it. */
export const MeetingOpened = z.object({
  ...base,
  type: z.literal('meeting.opened'),
  seriesId: Id,
  key: LocalDate,
  sessionId: Id,
  joinCode: z.string(),
  hostMemberId: Id,
  hostParticipantId: Id,
  by: z.optional(Id),
});

/** CI17: a member entered a meeting for the first time, as this participant of its session. */
export const MeetingJoined = z.object({
  ...base,
  type: z.literal('meeting.joined'),
  seriesId: Id,
  key: LocalDate,
  memberId: Id,
  participantId: Id,
  /** The session role they came in with (CI17: hosts co-facilitate, members participate). */
  role: Role,
});

export const CircleBoardAdded = z.object({
  ...base,
  type: z.literal('circleBoard.added'),
  boardId: Id,
  title: z.string(),
  templateId: TemplateId,
  columns: z.optional(z.array(z.string())),
  by: Id,
});

export const CircleBoardRemoved = z.object({
  ...base,
  type: z.literal('circleBoard.removed'),
  boardId: Id,
  by: Id,
});

export const CircleEvent = z.discriminatedUnion('type', [
  CircleCreated,
  CircleUpdated,
  MemberAdded,
  MemberRemoved,
  MemberRenamed,
  MemberRoleChanged,
  MemberLinkRenewed,
  SeriesAdded,
  SeriesUpdated,
  SeriesExceptionSet,
  SeriesRemoved,
  MeetingOpened,
  MeetingJoined,
  RegistrationSet,
  CircleBoardAdded,
  CircleBoardRemoved,
]);
export type CircleEvent = z.infer<typeof CircleEvent>;
export type CircleEventType = CircleEvent['type'];
export type CircleEventOf<T extends CircleEventType> = Extract<CircleEvent, { type: T }>;
/** An event before the store gives it a version. */
export type NewCircleEvent = CircleEvent extends infer E
  ? E extends CircleEvent
    ? Omit<E, 'v'>
    : never
  : never;

// HTTP bodies and answers.

export const CreateCircleBody = z.strictObject({
  title: Text(LIMITS.titleMax),
  hostName: DisplayName,
  timeZone: TimeZoneName,
  locale: z.optional(Locale),
  description: z.optional(CircleText),
});
export type CreateCircleBody = z.infer<typeof CreateCircleBody>;

export const CreateCircleResponse = z.object({
  circleId: Id,
  code: z.string(),
  hostId: Id,
  hostToken: z.string(),
  /** `${origin}/c/${code}#token=…`: the token in the fragment, which never reaches a server or its logs. */
  hostUrl: z.string(),
});
export type CreateCircleResponse = z.infer<typeof CreateCircleResponse>;

export const CircleCommandResponse = z.object({
  ok: z.literal(true),
  events: z.array(CircleEvent),
  /** `member.invite` and `member.newLink`: the person's personal link (give it to them only). */
  link: z.optional(z.string()),
});
export type CircleCommandResponse = z.infer<typeof CircleCommandResponse>;

export const CircleMemberSummary = z.object({
  id: Id,
  name: z.string(),
  role: CircleRole,
  /** Hosts only. */
  joinedAt: z.optional(z.number()),
});
export type CircleMemberSummary = z.infer<typeof CircleMemberSummary>;

/** CI28: a meeting's harvest kept with the circle (its Markdown is fetched on its own). */
export const HarvestSummary = z.object({
  id: Id,
  seriesId: Id,
  key: LocalDate,
  title: z.string(),
  keptAt: z.number(),
});
export type HarvestSummary = z.infer<typeof HarvestSummary>;

/** One meeting on the event page. */
export const EventMeeting = z.object({
  key: LocalDate,
  status: z.enum(OCCURRENCE_STATUSES),
  start: z.number(),
  end: z.number(),
  localDate: LocalDate,
  localTime: z.string(),
  /** SE7: whether its join button is live now. */
  joinOpen: z.boolean(),
  /** The meeting's event page and its calendar file. */
  url: z.string(),
  icsUrl: z.string(),
  /**
   * `${origin}/j/${joinCode}`: where anyone joins the live meeting by name. Only while its join is
   * open and its session exists (`POST …/meetings/{key}/open-public` makes it).
   */
  joinUrl: z.optional(z.string()),
  /**
   * CI21: places still free for registration (0: the next one waits), while the series'
   * registration is open, has a cap and the meeting has not ended.
   */
  placesLeft: z.optional(z.int().check(z.nonnegative())),
});
export type EventMeeting = z.infer<typeof EventMeeting>;

/**
 * `GET /api/circles/{code}/series/{seriesId}`: what anyone with the link reads about a series.
 * Nothing about members.
 */
export const SeriesEventData = z.object({
  circleTitle: z.string(),
  seriesId: Id,
  title: z.string(),
  description: z.string(),
  /** The organiser's time zone (times are also instants, for the visitor's own zone). */
  timeZone: z.string(),
  language: Locale,
  accessibility: z.string(),
  visibility: SeriesVisibility,
  meetings: z.array(EventMeeting),
  /** SE6: the key of the next meeting (null: none left). */
  next: z.nullable(LocalDate),
  /** The server's time of this answer, so a page can tell how far its clock is off. */
  now: z.number(),
  calendarUrl: z.string(),
  /** CI20: the registration form's settings (absent: no registration for this series). */
  registration: z.optional(RegistrationSettings),
});
export type SeriesEventData = z.infer<typeof SeriesEventData>;

/** `POST /api/circles/{code}/series/{id}/meetings/{key}/join`: a member's way into the meeting. */
export const MeetingJoinResponse = z.object({
  /** The session's join code (its address: `/s/{sessionCode}`). */
  sessionCode: z.string(),
  /** A session token for this member's participant (give it to them only). */
  token: z.string(),
  /** `${origin}/s/${sessionCode}#token=${token}`: the token in the fragment. */
  sessionUrl: z.string(),
});
export type MeetingJoinResponse = z.infer<typeof MeetingJoinResponse>;

/** `POST /api/circles/{code}/series/{id}/meetings/{key}/open-public`: where visitors join by name. */
export const MeetingOpenPublicResponse = z.object({ joinUrl: z.string() });
export type MeetingOpenPublicResponse = z.infer<typeof MeetingOpenPublicResponse>;

/** `GET /api/circles/{code}`: the circle as one member may see it. */
export const CircleView = z.object({
  circleId: Id,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  timeZone: z.string(),
  locale: Locale,
  createdAt: z.number(),
  retentionDays: z.int(),
  /** When the circle is deleted unless something happens before (null: unknown). */
  expiresAt: z.nullable(z.number()),
  version: z.int(),
  you: CircleMemberSummary,
  /** Hosts: everyone. Members: the hosts and themselves. */
  members: z.array(CircleMemberSummary),
  series: z.array(SeriesState),
  /** CI26: the lasting boards, in the order they were added. */
  boards: z.array(CircleBoard),
  /** CI16: the meetings that became sessions (series id, date), so hosts can keep their harvest. */
  meetings: z.array(z.object({ seriesId: Id, key: LocalDate })),
  /** CI28: the harvests kept with the circle, newest meeting first. */
  harvests: z.array(HarvestSummary),
});
export type CircleView = z.infer<typeof CircleView>;
