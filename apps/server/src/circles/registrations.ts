import { decideCircle, occurrences } from '@kring/core';
import type { CircleState, ErrorBody, RegisterBody, RegistrationStatus } from '@kring/protocol';
import { newId } from '../ids';
import type { Log } from '../log';
import type { MailOut } from '../mail/mailer';
import { MAIL_WORDS, type MeetingFacts } from '../mail/words';
import type { Scheduler } from '../sessions/countdown';
import { Sweeper } from '../sessions/sweeper';
import type { RegistrationStore, StoredRegistration } from '../store/store';
import { seriesCalendar } from './event-data';
import type { MeetingEntry, MeetingRooms } from './meetings';
import type { RegistrationTokens } from './registration-tokens';
import type { CircleService } from './service';

/**
 * Registration for meetings (issue 16, CI20–CI25), server side: core decides (through
 * `decideCircle`'s registration commands), the store keeps registrations apart from the circle's
 * log, and mail goes out in the background. Every change to a meeting's list runs in the
 * circle's queue, so two people never take the last place at once.
 */

export interface RegistrationDeps {
  circles: CircleService;
  store: RegistrationStore;
  meetings: MeetingRooms;
  tokens: RegistrationTokens;
  mail: MailOut;
  log: Log;
  clock?: () => number;
  scheduler?: Scheduler;
}

type Failure = { ok: false; error: ErrorBody };
const NOT_FOUND: Failure = {
  ok: false,
  error: { code: 'not_found', message: 'this registration no longer exists (cancelled or removed)' },
};
const NO_CIRCLE: Failure = { ok: false, error: { code: 'not_found', message: 'no such circle' } };

export type Registered = {
  ok: true;
  registrationId: string;
  status: RegistrationStatus;
  personalLink: string;
};

/** The registrant's own page: `/c/{code}/registration`, the token in the fragment (never sent to a server). */
export const registrationLink = (origin: string, code: string, token: string) =>
  `${origin}/c/${code}/registration#token=${token}`;

const rows = (list: readonly StoredRegistration[]) => list.map((r) => ({ id: r.id, status: r.status }));

export class Registrations {
  private readonly sweeper: Sweeper;

  constructor(private readonly deps: RegistrationDeps) {
    this.sweeper = new Sweeper({
      what: 'meetingRegistrations',
      due: (now) => this.due(now),
      purge: (id) => this.purgeMeeting(id),
      log: deps.log,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    });
  }

  start(): void {
    this.sweeper.start();
  }

  stop(): Promise<void> {
    return this.sweeper.stop();
  }

  /** CI25: deletes the registrations of meetings whose time has come; resolves when done. */
  sweep(): Promise<void> {
    return this.sweeper.sweep();
  }

  /** CI21: a new registration; mail (when configured and an address was kept) goes out after. */
  register(
    circleId: string,
    seriesId: string,
    key: string,
    body: RegisterBody,
    origin: string,
  ): Promise<Registered | Failure> {
    const { circles, store } = this.deps;
    return circles.serialised(circleId, async (turn) => {
      const state = await turn.state();
      if (!state) return NO_CIRCLE;
      const list = await store.meetingRegistrations(circleId, seriesId, key);
      const decided = decideCircle(
        state,
        {
          type: 'registration.add',
          seriesId,
          key,
          consent: body.consent === true,
          emailGiven: body.email !== undefined && body.email !== '',
          list: rows(list),
        },
        { visitor: true },
        circles.now(),
      );
      if (!decided.ok) return decided;
      const status = decided.registration?.status ?? 'waiting';
      const email = decided.registration?.keepEmail && body.email ? body.email : null;
      const registration: StoredRegistration = {
        id: newId(),
        circleId,
        seriesId,
        key,
        displayName: body.displayName,
        email,
        status,
        createdAt: circles.now(),
        participantId: null,
      };
      await store.addRegistration(registration);
      const personalLink = this.linkOf(origin, state, registration.id);
      if (email) this.mail(state, registration, origin, status === 'registered' ? 'confirmed' : 'waiting');
      return { ok: true, registrationId: registration.id, status, personalLink };
    });
  }

  /** The registration a token names, with its circle (a deleted one is `not_found`). */
  async find(
    circleId: string,
    registrationId: string,
  ): Promise<{ ok: true; state: CircleState; registration: StoredRegistration } | Failure> {
    const state = await this.deps.circles.get(circleId);
    if (!state) return NO_CIRCLE;
    const registration = await this.deps.store.registration(circleId, registrationId);
    return registration ? { ok: true, state, registration } : NOT_FOUND;
  }

  /** A meeting's list as its hosts see it (CI24): registered first, then the waiting list. */
  async list(circleId: string, seriesId: string, key: string): Promise<StoredRegistration[]> {
    const all = await this.deps.store.meetingRegistrations(circleId, seriesId, key);
    return [...all.filter((r) => r.status === 'registered'), ...all.filter((r) => r.status === 'waiting')];
  }

  /** How many of a meeting's registrations have a place (CI21), for the event page. */
  async registeredCount(circleId: string, seriesId: string, key: string): Promise<number> {
    const all = await this.deps.store.meetingRegistrations(circleId, seriesId, key);
    return all.filter((r) => r.status === 'registered').length;
  }

  /** The waiting place of a registration (1 is next), or undefined when registered. */
  async waitingPlace(r: StoredRegistration): Promise<number | undefined> {
    if (r.status !== 'waiting') return undefined;
    const all = await this.deps.store.meetingRegistrations(r.circleId, r.seriesId, r.key);
    return all.filter((x) => x.status === 'waiting').findIndex((x) => x.id === r.id) + 1;
  }

  /**
   * CI23/CI24: a registrant cancels, or a host removes them: deleted at once (out of the file and
   * its WAL), and the first waiting people move up (CI22), told by mail when they gave an address.
   */
  cancel(circleId: string, registrationId: string, origin: string): Promise<{ ok: true } | Failure> {
    const { circles, store } = this.deps;
    return circles.serialised(circleId, async (turn) => {
      const state = await turn.state();
      if (!state) return NO_CIRCLE;
      const registration = await store.registration(circleId, registrationId);
      if (!registration) return NOT_FOUND;
      await store.deleteRegistration(circleId, registrationId);
      await this.promoteIn(state, registration.seriesId, registration.key, origin);
      return { ok: true };
    });
  }

  /** CI22 after new settings (a raised cap): every meeting of the series moves people up. */
  promoteSeries(circleId: string, seriesId: string, origin: string): Promise<void> {
    const { circles, store } = this.deps;
    return circles.serialised(circleId, async (turn) => {
      const state = await turn.state();
      if (!state) return;
      const meetings = (await store.registrationMeetings()).filter(
        (m) => m.circleId === circleId && m.seriesId === seriesId,
      );
      for (const m of meetings) await this.promoteIn(state, m.seriesId, m.key, origin);
    });
  }

  /** CI23: a registered person into the meeting's session, the same participant every time. */
  async join(circleId: string, registrationId: string): Promise<MeetingEntry> {
    const found = await this.find(circleId, registrationId);
    if (!found.ok) return found;
    const { state, registration } = found;
    const decided = decideCircle(
      state,
      {
        type: 'registration.join',
        seriesId: registration.seriesId,
        key: registration.key,
        status: registration.status,
      },
      { visitor: true },
      this.deps.circles.now(),
    );
    if (!decided.ok) return decided;
    return this.deps.meetings.enterAsRegistrant(circleId, registration.seriesId, registration.key, {
      displayName: registration.displayName,
      known: registration.participantId,
      remember: (participantId) =>
        this.deps.store.setRegistrationParticipant(circleId, registrationId, participantId),
    });
  }

  private async promoteIn(state: CircleState, seriesId: string, key: string, origin: string): Promise<void> {
    const { store, circles } = this.deps;
    const list = await store.meetingRegistrations(state.id, seriesId, key);
    const decided = decideCircle(
      state,
      { type: 'registration.promote', seriesId, key, list: rows(list) },
      { visitor: true },
      circles.now(),
    );
    const promote = decided.ok ? (decided.registration?.promote ?? []) : [];
    if (promote.length === 0) return;
    await store.setRegistrationStatus(state.id, promote, 'registered');
    for (const r of list) {
      if (promote.includes(r.id) && r.email) this.mail(state, r, origin, 'promoted');
    }
  }

  private linkOf(origin: string, state: CircleState, registrationId: string): string {
    return registrationLink(origin, state.code, this.deps.tokens.sign(state.id, registrationId));
  }

  /** Sends one mail in the background, in the series' language; never fails the caller. */
  private mail(
    state: CircleState,
    r: StoredRegistration,
    origin: string,
    kind: 'confirmed' | 'waiting' | 'promoted',
  ): void {
    const series = state.series[r.seriesId];
    const occurrence = series && occurrences(series.plan, series.exceptions).find((o) => o.key === r.key);
    if (!series || !occurrence || !r.email) return;
    const words = MAIL_WORDS[series.language] ?? MAIL_WORDS.en;
    const facts: MeetingFacts = {
      title: series.title,
      when: `${occurrence.localDate} ${occurrence.localTime} (${series.plan.timeZone})`,
      link: this.linkOf(origin, state, r.id),
      name: r.displayName,
    };
    const ics =
      kind === 'waiting' ? null : seriesCalendar(state, series, origin, this.deps.circles.now(), r.key);
    this.deps.mail.send({
      kind: `registration.${kind}`,
      to: r.email,
      subject: words[`${kind}Subject`](facts),
      text: words[`${kind}Body`](facts),
      ...(ics ? { calendar: { filename: `meeting-${r.key}.ics`, content: ics } } : {}),
    });
  }

  /** CI25: the meetings (`circleId|seriesId|key`) whose registrations are due for deletion. */
  private async due(now: number): Promise<string[]> {
    const meetings = await this.deps.store.registrationMeetings();
    const byCircle = new Map<string, { seriesId: string; key: string }[]>();
    for (const m of meetings) {
      const list = byCircle.get(m.circleId) ?? [];
      list.push({ seriesId: m.seriesId, key: m.key });
      byCircle.set(m.circleId, list);
    }
    const due: string[] = [];
    for (const [circleId, list] of byCircle) {
      const state = await this.deps.circles.get(circleId);
      if (!state) continue; // Its rows went with the circle (ON DELETE CASCADE).
      const decided = decideCircle(
        state,
        { type: 'registration.expire', meetings: list },
        { visitor: true },
        now,
      );
      const expired = decided.ok ? (decided.registration?.expired ?? []) : [];
      for (const id of expired) {
        const [seriesId, key] = id.split(':');
        due.push(`${circleId}|${seriesId}|${key}`);
      }
    }
    return due;
  }

  private async purgeMeeting(id: string): Promise<void> {
    const [circleId, seriesId, key] = id.split('|');
    if (!circleId || !seriesId || !key) return;
    await this.deps.circles.serialised(circleId, () =>
      this.deps.store.deleteMeetingRegistrations(circleId, seriesId, key),
    );
  }
}
