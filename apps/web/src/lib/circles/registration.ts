import { CIRCLE_LIMITS, LIMITS, RegistrationEmail, type RegisterBody } from '@kring/protocol';
import { joinPhase, type Meeting } from './times';

/**
 * Registration for a meeting (issue 16, CI20–CI25), the parts with no page in them: whether a
 * meeting takes registrations, what its form says about places, the form's problems before it is
 * sent, the body it sends, and the name of the hosts' CSV file. The server checks all of it again.
 */

export interface RegistrationSettingsLike {
  open: boolean;
  cap: number | null;
  askEmail: boolean;
}

/** The form shows for a meeting to come (not cancelled, not ended) of a series whose registration is open. */
export function takesRegistrations(
  settings: RegistrationSettingsLike | undefined,
  meeting: Meeting,
  serverNow: number,
): boolean {
  if (!settings?.open) return false;
  const phase = joinPhase(meeting, serverNow);
  return phase === 'waiting' || phase === 'open';
}

/** What the form says about places: none when there is no cap, else how many are left (0: the waiting list). */
export type Places = { kind: 'unlimited' } | { kind: 'left'; count: number } | { kind: 'full' };

export function placesOf(settings: RegistrationSettingsLike, placesLeft: number | undefined): Places {
  if (settings.cap === null || placesLeft === undefined) return { kind: 'unlimited' };
  return placesLeft > 0 ? { kind: 'left', count: placesLeft } : { kind: 'full' };
}

export type NameProblem = 'name_missing' | 'name_long';
export type EmailProblem = 'email_invalid';
export type ConsentProblem = 'consent_missing';

export interface FormProblems {
  name?: NameProblem;
  email?: EmailProblem;
  consent?: ConsentProblem;
}

export interface RegistrationForm {
  name: string;
  email: string;
  consent: boolean;
}

/** The form's problems, each for its field (empty: it can be sent). */
export function formProblems(form: RegistrationForm, askEmail: boolean): FormProblems {
  const problems: FormProblems = {};
  const name = form.name.trim();
  if (!name) problems.name = 'name_missing';
  else if (name.length > LIMITS.displayNameMax) problems.name = 'name_long';
  const email = form.email.trim();
  if (askEmail && email && !RegistrationEmail.safeParse(email).success) problems.email = 'email_invalid';
  if (!form.consent) problems.consent = 'consent_missing';
  return problems;
}

/** The body for the server: the e-mail address only when asked for and given. */
export function registerBody(form: RegistrationForm, askEmail: boolean): RegisterBody {
  const email = form.email.trim();
  return {
    displayName: form.name.trim(),
    ...(askEmail && email ? { email } : {}),
    consent: true,
  };
}

/** "registrations-ips-overview-2027-10-03.csv": safe in any file system, and says which meeting. */
export function csvFileName(seriesTitle: string, key: string): string {
  const slug = seriesTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `registrations-${slug ? `${slug}-` : ''}${key}.csv`;
}

/** The days a meeting's registrations are kept after it ends (CI25), for the words that say so. */
export const KEEP_DAYS = CIRCLE_LIMITS.registrationKeepDays;
