import * as z from 'zod/mini';
import { Id } from './ids';
import { DisplayName } from './participants';
import { LocalDate } from './series';

/**
 * Registration for a meeting (issue 16, CI20–CI25): the HTTP bodies and answers. Registrations
 * are not circle events: they live in their own table, so a registrant's name and e-mail address
 * leave the disk whole when they cancel, a host removes them, the circle goes, or CI24's days end.
 */

export const REGISTRATION_STATUSES = ['registered', 'waiting'] as const;
export const RegistrationStatus = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/** An e-mail address as people type it; only its shape is checked (mail may never arrive). */
export const RegistrationEmail = z.pipe(
  z.string().check(z.trim(), z.maxLength(254)),
  z.email('not an e-mail address'),
);

/** `POST /api/circles/{code}/series/{id}/meetings/{key}/registrations` (no token). */
export const RegisterBody = z.strictObject({
  displayName: DisplayName,
  /** Optional; kept only when the series asks for it (`askEmail`), else dropped. */
  email: z.optional(RegistrationEmail),
  /** CI21: the registrant agreed to the series' consent text. Anything but `true` is refused. */
  consent: z.literal(true),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

export const RegisterResponse = z.object({
  registrationId: Id,
  status: RegistrationStatus,
  /** `${origin}/c/{code}/registration#token=…`: the registrant's own link (give it to them only). */
  personalLink: z.string(),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** `GET /api/circles/{code}/registration` with the registrant's token: their own registration. */
export const RegistrationView = z.object({
  registrationId: Id,
  circleTitle: z.string(),
  seriesId: Id,
  seriesTitle: z.string(),
  key: LocalDate,
  /** The meeting's start and end (instants), and whether its join is open now (SE7). */
  start: z.number(),
  end: z.number(),
  joinOpen: z.boolean(),
  displayName: z.string(),
  /** Only when they gave one and the series asked for it. */
  email: z.optional(z.string()),
  status: RegistrationStatus,
  /** Their place on the waiting list (1 is next); absent when registered. */
  waitingPlace: z.optional(z.int().check(z.positive())),
  createdAt: z.number(),
  /** The meeting's calendar file and event page. */
  icsUrl: z.string(),
  eventUrl: z.string(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

/** `POST /api/circles/{code}/registration/join`: into the meeting's session as their participant. */
export const RegistrationJoinResponse = z.object({ sessionUrl: z.string() });
export type RegistrationJoinResponse = z.infer<typeof RegistrationJoinResponse>;

/** One registration as the hosts see it. */
export const RegistrationEntry = z.object({
  registrationId: Id,
  displayName: z.string(),
  email: z.optional(z.string()),
  status: RegistrationStatus,
  createdAt: z.number(),
});
export type RegistrationEntry = z.infer<typeof RegistrationEntry>;

/** `GET …/meetings/{key}/registrations` with a host's circle token. */
export const RegistrationList = z.object({
  seriesId: Id,
  key: LocalDate,
  cap: z.nullable(z.int()),
  registered: z.int().check(z.nonnegative()),
  waiting: z.int().check(z.nonnegative()),
  /** Registered first, then the waiting list, each in the order they came. */
  registrations: z.array(RegistrationEntry),
});
export type RegistrationList = z.infer<typeof RegistrationList>;
