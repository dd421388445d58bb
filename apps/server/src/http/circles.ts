import { joinOpen, membersSeenBy, occurrences } from '@kring/core';
import {
  CircleCode,
  CircleCommand,
  type CircleCommandResponse,
  type CircleView,
  CreateCircleBody,
  type CreateCircleResponse,
  type ErrorBody,
  Id,
  LocalDate,
  RegisterBody,
  type RegisterResponse,
  type RegistrationList,
  type RegistrationView,
} from '@kring/protocol';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { type CircleMemberAuth, authenticateCircle } from '../circles/auth';
import { meetingIcsUrl, meetingPageUrl, seriesCalendar, seriesEventData } from '../circles/event-data';
import { type MeetingDeps, MeetingRooms } from '../circles/meetings';
import type { RegistrationTokens } from '../circles/registration-tokens';
import type { Registrations } from '../circles/registrations';
import type { StoredRegistration } from '../store/store';
import { registrationsCsv } from '../circles/registrations-csv';
import type { CircleService } from '../circles/service';
import type { Harvests } from '../circles/harvests';
import type { LastingBoards } from '../circles/lasting-boards';
import { type Limits, clientAddress } from '../limits';
import type { Limiter } from '../limits/limiter';
import { sendRateLimited } from '../limits/http';
import type { CircleStore } from '../store/store';
import type { TokenSigner } from '../tokens';
import { sendError } from './errors';
import { WAIT, bearer, originOf, parseBody } from './requests';

/**
 * The circles API (issue 16), mounted at /api/circles:
 * - `POST /` creates a circle; the answer carries the host's personal link.
 * - `GET /{code}`, `POST /{code}/commands`, `DELETE /{code}`: members, by their link's token.
 * - `GET /{code}/series/{id}`, `…/calendar.ics`, `…/meetings/{date}.ics`: anyone with the link.
 * - `POST /{code}/series/{id}/meetings/{date}/join`: a member enters the meeting's live session
 *   (made from the series' template on first use); `…/open-public`: anyone with the link, while
 *   the meeting's join is open (CI16–CI19).
 * - Registration (CI20–CI25): `POST …/meetings/{date}/registrations` (anyone with the link; the
 *   answer carries the registrant's personal link); `GET|DELETE /{code}/registration` and
 *   `POST /{code}/registration/join` with the registrant's token; hosts read the list (`GET
 *   …/registrations`, `…/registrations.csv`) and remove someone (`DELETE …/registrations/{id}`).
 * Bodies are validated with the protocol schemas; refusals are named errors, as for sessions.
 */

export interface CircleRouteDeps {
  circles: CircleService;
  store: Pick<CircleStore, 'circleExpiry'>;
  tokens: TokenSigner;
  limits: Limits;
  trustProxy: boolean;
  /** The session side of meetings: sessions made, read and joined (CI16). */
  sessions: MeetingDeps['sessions'];
  commands: MeetingDeps['commands'];
  publicUrl: string | undefined;
  /** Deletes everything of a circle now (the purge's). */
  deleteCircle: (circleId: string) => Promise<boolean>;
  /** Registration for meetings (CI20–CI25) and its personal links' tokens. */
  registrations: Registrations;
  registrationTokens: RegistrationTokens;
  /** The circle's lasting boards (CI26/CI27) and its kept harvests (CI28). */
  lasting: LastingBoards;
  harvests: Harvests;
}

const ICS = 'text/calendar; charset=utf-8';

const fail = (res: Response, error: ErrorBody) => sendError(res, error.code, error.message);

export function circleRoutes(deps: CircleRouteDeps): Router {
  const { circles, tokens, limits } = deps;
  const meetings = new MeetingRooms({ circles, sessions: deps.sessions, commands: deps.commands });
  const routes = Router();
  const address = (req: Request) =>
    clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.trustProxy);
  const origin = (req: Request) => originOf(req, deps.publicUrl);
  /** The personal link: the token rides in the fragment, which browsers never send to a server. */
  const personalLink = (req: Request, code: string, token: string) =>
    `${origin(req)}/c/${code}#token=${token}`;

  const counted =
    (limiter: Limiter, key: (req: Request) => string): RequestHandler =>
    async (req, res, next) => {
      const verdict = await limiter.consume(key(req));
      if (verdict.ok) next();
      else sendRateLimited(res, verdict, WAIT);
    };

  /** Per person, known from the link's token (a bad token is counted under its address, then 401). */
  const perMember = counted(limits.commandsPerParticipant, (req) => {
    const claims = tokens.verifyCircle(bearer(req) ?? '');
    return claims ? `circle:${claims.c}:${claims.p}` : `circle:${address(req)}`;
  });

  /**
   * The circle a path's code names, or a 404. Guessing codes (or series ids) counts against the
   * address like guessing join codes: one that missed too often is refused every look-up for a
   * while, hits included, so the refusal does not tell a hit from a miss.
   */
  async function circleIdFor(req: Request, res: Response): Promise<string | undefined> {
    const key = address(req);
    const blocked = await limits.lookupMissesPerAddress.check(key);
    if (!blocked.ok) {
      sendRateLimited(res, blocked, WAIT);
      return undefined;
    }
    const code = CircleCode.safeParse(req.params.code);
    const id = code.success ? await circles.idForCode(code.data) : null;
    if (!id) {
      await miss(req, res, 'no circle with this code');
      return undefined;
    }
    return id;
  }

  async function miss(req: Request, res: Response, message: string): Promise<void> {
    const verdict = await limits.lookupMissesPerAddress.consume(address(req));
    if (!verdict.ok) return sendRateLimited(res, verdict, WAIT);
    sendError(res, 'not_found', message);
  }

  async function member(req: Request, res: Response): Promise<CircleMemberAuth | undefined> {
    const circleId = await circleIdFor(req, res);
    if (!circleId) return undefined;
    const auth = await authenticateCircle(tokens, circles, bearer(req), circleId);
    if (!auth.ok) {
      fail(res, auth.error);
      return undefined;
    }
    return auth;
  }

  routes.post('/', counted(limits.sessionCreationsPerAddress, address), async (req, res) => {
    const body = parseBody(CreateCircleBody, req, res);
    if (!body) return;
    const made = await circles.create(body);
    if (!made.ok) return fail(res, made.error);
    const { state, hostId } = made;
    const hostToken = tokens.signCircle({ c: state.id, p: hostId, r: 'host', e: 0 });
    const out: CreateCircleResponse = {
      circleId: state.id,
      code: state.code,
      hostId,
      hostToken,
      hostUrl: personalLink(req, state.code, hostToken),
    };
    res.status(201).json(out);
  });

  routes.get('/:code', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const { state, memberId, member: you } = auth;
    const out: CircleView = {
      circleId: state.id,
      code: state.code,
      title: state.title,
      description: state.description,
      timeZone: state.timeZone,
      locale: state.locale,
      createdAt: state.createdAt,
      retentionDays: state.retentionDays,
      expiresAt: await deps.store.circleExpiry(state.id),
      version: state.version,
      you: { id: memberId, name: you.name, role: you.role },
      members: membersSeenBy(state, memberId),
      series: Object.values(state.series).sort((a, b) => a.createdAt - b.createdAt),
      boards: Object.values(state.boards).sort((a, b) => a.createdAt - b.createdAt),
      meetings: Object.values(state.meetings).map(({ seriesId, key }) => ({ seriesId, key })),
      harvests: await deps.harvests.list(state.id),
    };
    res.json(out);
  });

  routes.post('/:code/commands', perMember, async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const command = parseBody(CircleCommand, req, res);
    if (!command) return;
    // CI26/CI27: lasting boards have documents to set up or to close before they go.
    const result =
      command.type === 'circleBoard.add'
        ? await deps.lasting.add(auth.state.id, command, auth.memberId)
        : command.type === 'circleBoard.remove'
          ? await deps.lasting.remove(auth.state.id, command, auth.memberId)
          : await circles.execute(auth.state.id, command, { memberId: auth.memberId });
    if (!result.ok) return fail(res, result.error);
    // CI22: new registration settings (a raised cap) move waiting people up.
    if (result.command.type === 'series.setRegistration' && result.events.length > 0) {
      await deps.registrations.promoteSeries(result.state.id, result.command.seriesId, origin(req));
    }
    const out: CircleCommandResponse = { ok: true, events: result.events };
    // The new (or renewed) personal link goes to whoever asked for it, and nowhere else.
    const linkFor =
      result.command.type === 'member.invite' || result.command.type === 'member.newLink'
        ? result.command.memberId
        : undefined;
    const linked = linkFor ? result.state.members[linkFor] : undefined;
    if (linkFor && linked) {
      const token = tokens.signCircle({ c: result.state.id, p: linkFor, r: linked.role, e: linked.epoch });
      out.link = personalLink(req, result.state.code, token);
    }
    res.json(out);
  });

  routes.delete('/:code', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    if (auth.member.role !== 'host') return sendError(res, 'forbidden', 'only a host deletes the circle');
    await deps.deleteCircle(auth.state.id);
    res.status(204).end();
  });

  // The event data and calendars: no token; a link-only series is found by its unguessable id.
  const publicRead = counted(limits.circleReadsPerAddress, address);

  async function seriesFor(req: Request, res: Response) {
    const circleId = await circleIdFor(req, res);
    if (!circleId) return undefined;
    const state = await circles.get(circleId);
    const seriesId = Id.safeParse(req.params.seriesId);
    const series = state && seriesId.success ? state.series[seriesId.data] : undefined;
    if (!state || !series) {
      await miss(req, res, 'no such series');
      return undefined;
    }
    // A link-only series is for whoever has the link: search engines leave it out.
    if (series.visibility === 'link') res.set('X-Robots-Tag', 'noindex, nofollow');
    return { state, series };
  }

  routes.get('/:code/series/:seriesId', publicRead, async (req, res) => {
    const found = await seriesFor(req, res);
    if (!found) return;
    const { state, series } = found;
    const now = circles.now();
    // CI19: a live meeting (join open, session made) gives its join link; only those are looked up.
    const joinCodes = new Map<string, string>();
    for (const o of occurrences(series.plan, series.exceptions)) {
      if (!joinOpen(o, now)) continue;
      const code = await meetings.liveJoinCode(state, series.id, o.key);
      if (code) joinCodes.set(o.key, code);
    }
    // CI21: places left of meetings still to come, where registration is open with a cap.
    const placesLeft = new Map<string, number>();
    const cap = series.registration?.open ? series.registration.cap : null;
    if (cap !== null) {
      for (const o of occurrences(series.plan, series.exceptions)) {
        if (o.status === 'cancelled' || now >= o.end) continue;
        const taken = await deps.registrations.registeredCount(state.id, series.id, o.key);
        placesLeft.set(o.key, Math.max(0, cap - taken));
      }
    }
    res.json(seriesEventData(state, series, origin(req), now, joinCodes, placesLeft));
  });

  /** The meeting a path names: its series id and date (a bad one is a 400, before any look-up). */
  function meetingPath(req: Request, res: Response): { seriesId: string; key: string } | undefined {
    const seriesId = Id.safeParse(req.params.seriesId);
    const key = LocalDate.safeParse(req.params.key);
    if (seriesId.success && key.success) return { seriesId: seriesId.data, key: key.data };
    sendError(res, 'bad_request', 'no such meeting address');
    return undefined;
  }

  routes.post('/:code/series/:seriesId/meetings/:key/join', perMember, async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const auth = await member(req, res);
    if (!auth) return;
    const entry = await meetings.enter(auth.state.id, path.seriesId, path.key, auth.memberId);
    if (!entry.ok) return fail(res, entry.error);
    const token = tokens.sign({
      s: entry.sessionId,
      p: entry.participantId,
      r: entry.role,
      e: entry.epoch,
    });
    // Shaped as `MeetingJoinResponse`; the token rides in the fragment, as personal links do.
    res.json({
      sessionCode: entry.joinCode,
      token,
      sessionUrl: `${origin(req)}/s/${entry.joinCode}#token=${token}`,
    });
  });

  // CI28: a host keeps a meeting's harvest with the circle; members read the kept ones.
  routes.post('/:code/series/:seriesId/meetings/:key/harvest', perMember, async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const auth = await member(req, res);
    if (!auth) return;
    const kept = await deps.harvests.keep(auth.state.id, auth.memberId, path);
    if (!kept.ok) return fail(res, kept.error);
    res.status(201).json(kept.harvest);
  });

  routes.get('/:code/harvests/:harvestId', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const id = Id.safeParse(req.params.harvestId);
    const harvest = id.success ? await deps.harvests.read(auth.state.id, id.data) : null;
    if (!harvest) return sendError(res, 'not_found', 'no such harvest in this circle');
    const name = `${harvest.key}-harvest.md`;
    res.set('Content-Type', 'text/markdown; charset=utf-8');
    res.set('Content-Disposition', `attachment; filename="${name}"`);
    res.send(harvest.markdown);
  });

  routes.delete('/:code/harvests/:harvestId', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const id = Id.safeParse(req.params.harvestId);
    if (!id.success) return sendError(res, 'not_found', 'no such harvest in this circle');
    const removed = await deps.harvests.remove(auth.state.id, auth.memberId, id.data);
    if (!removed.ok) return fail(res, removed.error);
    res.status(204).end();
  });

  routes.post('/:code/series/:seriesId/meetings/:key/open-public', publicRead, async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const found = await seriesFor(req, res);
    if (!found) return;
    const opened = await meetings.openForVisitors(found.state.id, path.seriesId, path.key);
    if (!opened.ok) return fail(res, opened.error);
    // Shaped as `MeetingOpenPublicResponse`: visitors join by name there, like any session (J1).
    res.json({ joinUrl: `${origin(req)}/j/${opened.joinCode}` });
  });

  routes.get('/:code/series/:seriesId/calendar.ics', publicRead, async (req, res) => {
    const found = await seriesFor(req, res);
    if (!found) return;
    const text = seriesCalendar(found.state, found.series, origin(req), circles.now());
    res.set('Content-Type', ICS);
    res.set('Content-Disposition', 'inline; filename="calendar.ics"');
    res.send(text);
  });

  routes.get('/:code/series/:seriesId/meetings/:file', publicRead, async (req, res) => {
    const key = /^(\d{4}-\d{2}-\d{2})\.ics$/.exec(String(req.params.file))?.[1];
    const found = await seriesFor(req, res);
    if (!found) return;
    const text = key ? seriesCalendar(found.state, found.series, origin(req), circles.now(), key) : null;
    if (!text) return sendError(res, 'not_found', 'the series has no meeting on this date');
    res.set('Content-Type', ICS);
    res.set('Content-Disposition', `attachment; filename="meeting-${key}.ics"`);
    res.send(text);
  });

  // Registration (CI20–CI25).
  const { registrations, registrationTokens } = deps;

  routes.post('/:code/series/:seriesId/meetings/:key/registrations', publicRead, async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const found = await seriesFor(req, res);
    if (!found) return;
    // CI21: consent is `true` or the body is refused (`bad_request`), before anything is kept.
    const body = parseBody(RegisterBody, req, res);
    if (!body) return;
    const made = await registrations.register(found.state.id, path.seriesId, path.key, body, origin(req));
    if (!made.ok) return fail(res, made.error);
    const out: RegisterResponse = {
      registrationId: made.registrationId,
      status: made.status,
      personalLink: made.personalLink,
    };
    res.status(201).json(out);
  });

  /** A host of the circle the path names (CI24), or an answer already sent. */
  async function host(req: Request, res: Response): Promise<CircleMemberAuth | undefined> {
    const auth = await member(req, res);
    if (!auth) return undefined;
    if (auth.member.role === 'host') return auth;
    sendError(res, 'forbidden', "only the circle's hosts see its registrations");
    return undefined;
  }

  const hostEntry = (r: StoredRegistration) => ({
    registrationId: r.id,
    displayName: r.displayName,
    ...(r.email ? { email: r.email } : {}),
    status: r.status,
    createdAt: r.createdAt,
  });

  routes.get('/:code/series/:seriesId/meetings/:key/registrations', async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const auth = await host(req, res);
    if (!auth) return;
    const list = await registrations.list(auth.state.id, path.seriesId, path.key);
    const out: RegistrationList = {
      seriesId: path.seriesId,
      key: path.key,
      cap: auth.state.series[path.seriesId]?.registration?.cap ?? null,
      registered: list.filter((r) => r.status === 'registered').length,
      waiting: list.filter((r) => r.status === 'waiting').length,
      registrations: list.map(hostEntry),
    };
    res.json(out);
  });

  routes.get('/:code/series/:seriesId/meetings/:key/registrations.csv', async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const auth = await host(req, res);
    if (!auth) return;
    const list = await registrations.list(auth.state.id, path.seriesId, path.key);
    const language = auth.state.series[path.seriesId]?.language ?? auth.state.locale;
    res.set('Content-Type', 'text/csv; charset=utf-8');
    // Names and e-mail addresses: never kept by a cache on the way.
    res.set('Cache-Control', 'no-store');
    res.set('Content-Disposition', `attachment; filename="registrations-${path.key}.csv"`);
    res.send(registrationsCsv(list, language));
  });

  routes.delete('/:code/series/:seriesId/meetings/:key/registrations/:registrationId', async (req, res) => {
    const path = meetingPath(req, res);
    if (!path) return;
    const auth = await host(req, res);
    if (!auth) return;
    const id = Id.safeParse(req.params.registrationId);
    const found = id.success ? await registrations.find(auth.state.id, id.data) : null;
    if (!found?.ok || found.registration.seriesId !== path.seriesId || found.registration.key !== path.key) {
      return sendError(res, 'not_found', 'no such registration for this meeting');
    }
    const done = await registrations.cancel(auth.state.id, found.registration.id, origin(req));
    if (!done.ok) return fail(res, done.error);
    res.status(204).end();
  });

  /**
   * The registration a registrant's token names (CI23): a registration token (never a circle or
   * session token) for this circle, whose registration still exists.
   */
  async function registrant(req: Request, res: Response) {
    const circleId = await circleIdFor(req, res);
    if (!circleId) return undefined;
    const token = bearer(req);
    const claims = token ? registrationTokens.verify(token) : null;
    if (!claims) {
      sendError(res, 'unauthorized', 'missing or invalid token');
      return undefined;
    }
    if (claims.c !== circleId) {
      sendError(res, 'forbidden', 'this token belongs to another circle');
      return undefined;
    }
    const found = await registrations.find(circleId, claims.r);
    if (!found.ok) {
      fail(res, found.error);
      return undefined;
    }
    return found;
  }

  routes.get('/:code/registration', publicRead, async (req, res) => {
    const found = await registrant(req, res);
    if (!found) return;
    const { state, registration: r } = found;
    const series = state.series[r.seriesId];
    const occurrence = series && occurrences(series.plan, series.exceptions).find((o) => o.key === r.key);
    if (!series || !occurrence) return sendError(res, 'not_found', 'this meeting is no longer planned');
    const now = circles.now();
    const links = { origin: origin(req), code: state.code, seriesId: series.id };
    const waitingPlace = await registrations.waitingPlace(r);
    const out: RegistrationView = {
      registrationId: r.id,
      circleTitle: state.title,
      seriesId: series.id,
      seriesTitle: series.title,
      key: r.key,
      start: occurrence.start,
      end: occurrence.end,
      joinOpen: joinOpen(occurrence, now),
      displayName: r.displayName,
      ...(r.email ? { email: r.email } : {}),
      status: r.status,
      ...(waitingPlace ? { waitingPlace } : {}),
      createdAt: r.createdAt,
      icsUrl: meetingIcsUrl(links, r.key),
      eventUrl: meetingPageUrl(links, r.key),
    };
    res.json(out);
  });

  routes.delete('/:code/registration', publicRead, async (req, res) => {
    const found = await registrant(req, res);
    if (!found) return;
    const done = await registrations.cancel(found.state.id, found.registration.id, origin(req));
    if (!done.ok) return fail(res, done.error);
    res.status(204).end();
  });

  routes.post('/:code/registration/join', publicRead, async (req, res) => {
    const found = await registrant(req, res);
    if (!found) return;
    const entry = await registrations.join(found.state.id, found.registration.id);
    if (!entry.ok) return fail(res, entry.error);
    const token = tokens.sign({ s: entry.sessionId, p: entry.participantId, r: entry.role, e: entry.epoch });
    // Shaped as `RegistrationJoinResponse`: the session token rides in the fragment.
    res.json({ sessionUrl: `${origin(req)}/s/${entry.joinCode}#token=${token}` });
  });

  return routes;
}
