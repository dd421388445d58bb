import { mayExport, sessionTemplateIn, showableBoards, shownBoardId, viewFor } from '@kring/core';
import express, { type Request, type RequestHandler, type Response, Router } from 'express';
import {
  BoardExportFormat,
  CreateSessionBody,
  type CreateSessionResponse,
  JoinCode,
  JoinSessionBody,
  type JoinSessionResponse,
  LIMITS,
  Locale,
  SessionExportFormat,
  type PrivacySummary,
  type SessionSummary,
} from '@kring/protocol';
import { type Authenticated, authenticate } from '../auth';
import { captionIngest, captionMemberRoutes } from '../captions/http';
import { readableLines } from '../captions/transcript';
import type { CaptionService } from '../captions/service';
import type { CaptionUrls } from '../captions/url';
import type { Limits } from '../limits';
import type { Log } from '../log';
import type { BoardSync } from '../boards';
import type { BoardCommands } from '../sessions/board-commands';
import type { SessionService } from '../sessions/service';
import type { Store } from '../store/store';
import type { TokenSigner } from '../tokens';
import { sendError } from './errors';
import { bearer, originOf, parseBody } from './requests';
import { type ExportFile, exportBoard, mayRead } from './exports';
import { exportSession } from './session-export';
import { joinStart } from './join-start';

/** PR5: said when the facilitators keep exports to themselves. */
const EXPORTS_KEPT = 'the facilitators of this session keep exports to themselves';

export interface ApiDeps {
  sessions: SessionService;
  store: Store;
  tokens: TokenSigner;
  boards: BoardSync;
  /** Board commands: sets up the boards of a session created from a template (S2). */
  commands: Pick<BoardCommands, 'createFromTemplate'>;
  publicUrl: string | undefined;
  /** `GET /api/ready`: readiness for a load balancer (ops/ready.ts); left out, no such route. */
  ready?: RequestHandler;
  /** Live captions: the caption URL (signed, for caption software) and the members' routes. */
  captions: { service: CaptionService; urls: CaptionUrls; limits: Limits; trustProxy: boolean };
  /** PR4: deletes everything of a session now (the host's "end and delete"). */
  deleteSession: (sessionId: string) => Promise<boolean>;
  /** Circles and their series (issue 16): http/circles.ts. */
  circleRoutes: Router;
  /** Who is connected to a session now (presence), for a join's `start`. */
  online: (sessionId: string) => string[];
  log: Log;
  clock?: () => number;
}

function sendFile(res: Response, file: ExportFile): void {
  res.set('Content-Type', file.contentType);
  res.set('Content-Disposition', `attachment; filename="${file.fileName}"`);
  // What a person may read changes with their role: never from a shared cache.
  res.set('Cache-Control', 'no-store');
  res.set('X-Content-Type-Options', 'nosniff');
  res.send(file.body);
}

export function apiRouter({
  sessions,
  store,
  tokens,
  boards,
  commands,
  publicUrl,
  ready,
  captions,
  deleteSession,
  circleRoutes,
  online,
  log,
  clock = Date.now,
}: ApiDeps): Router {
  const api = Router();
  // Before the JSON body parser: caption software posts text/plain (see captions/http.ts).
  api.use(
    '/captions',
    captionIngest({
      sessions,
      captions: captions.service,
      urls: captions.urls,
      limits: captions.limits,
      trustProxy: captions.trustProxy,
    }),
  );
  api.use(express.json({ limit: LIMITS.httpBodyBytes, strict: true }));

  // Liveness: the process answers. Readiness (its store answers, it is not closing) is /ready.
  api.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  if (ready) api.get('/ready', ready);

  api.post('/sessions', async (req, res) => {
    const body = parseBody(CreateSessionBody, req, res);
    if (!body) return;
    // S4: the template in the facilitator's language (English when `locale` is left out).
    const template = body.templateId ? sessionTemplateIn(body.templateId, body.locale) : undefined;
    if (body.templateId && !template)
      return sendError(res, 'bad_request', 'templateId: no such session template');
    const { state, hostId } = template
      ? await commands.createFromTemplate(body.title, template, body.hostName, body.locale)
      : await sessions.create(body.title, body.hostName, undefined, body.locale);
    const facilitatorToken = tokens.sign({ s: state.sessionId, p: hostId, r: 'host', e: 0 });
    const origin = originOf(req, publicUrl);
    const out: CreateSessionResponse = {
      sessionId: state.sessionId,
      joinCode: state.joinCode,
      facilitatorToken,
      participantUrl: `${origin}/j/${state.joinCode}`,
      // The token rides in the fragment, which browsers never send to a server or its logs.
      facilitatorUrl: `${origin}/s/${state.joinCode}#token=${facilitatorToken}`,
    };
    res.status(201).json(out);
  });

  api.post('/sessions/:code/participants', async (req, res) => {
    const sessionId = await sessionIdFor(req, res);
    if (!sessionId) return;
    const body = parseBody(JoinSessionBody, req, res);
    if (!body) return;
    // J2/J3/RO8: a closed door, a full session or a facilitator's name is refused by name.
    const joined = await sessions.join(sessionId, body.displayName);
    if (!joined.ok) return sendError(res, joined.error.code, joined.error.message);
    const { participantId } = joined;
    const state = sessions.peek(sessionId);
    const view = state ? viewFor(state, participantId) : null;
    const boardId = view
      ? shownBoardId(showableBoards(view.boards, view.breakouts, view.focusBoardId), view.focusBoardId, null)
      : null;
    const out: JoinSessionResponse = {
      participantId,
      // Someone new starts at token epoch 0 (J5), like the host at create.
      token: tokens.sign({ s: sessionId, p: participantId, r: 'participant', e: 0 }),
      boardId,
      ...(body.start && state
        ? { start: await joinStart({ boards, store, online, log }, state, participantId, boardId) }
        : {}),
    };
    res.status(201).json(out);
  });

  api.get('/sessions/:code', async (req, res) => {
    // J4: a member whose page still has an old code learns the current one (`joinCode`).
    const auth = await member(req, res, { codeMayHaveMoved: true });
    if (!auth) return;
    const { state, participant } = auth;
    const out: SessionSummary = {
      sessionId: state.sessionId,
      joinCode: state.joinCode,
      title: state.title,
      createdAt: state.createdAt,
      you: { id: participant.id, displayName: participant.displayName, role: participant.role },
      participants: Object.values(state.participants).map((p) => ({
        id: p.id,
        displayName: p.displayName,
        role: p.role,
      })),
      boards: state.boards.map((b) => ({
        id: b.id,
        title: b.title,
        locked: b.locked,
        archived: b.archived,
        anonymous: b.anonymous,
      })),
      focusBoardId: state.focusBoardId,
    };
    res.json(out);
  });

  // PR7: what anyone with the join code reads before joining: the title and the privacy notice.
  api.get('/sessions/:code/privacy', async (req, res) => {
    const sessionId = await sessionIdFor(req, res);
    if (!sessionId) return;
    const state = await sessions.get(sessionId);
    if (!state) return sendError(res, 'not_found', 'no session with this join code');
    const { retention, endedAt, exporters, notice } = state.privacy;
    const out: PrivacySummary = {
      title: state.title,
      retention,
      endedAt,
      expiresAt: await store.sessionExpiry(sessionId),
      exporters,
      organiser: notice.organiser,
      contact: notice.contact,
    };
    res.json(out);
  });

  // PR4: the host ends the session and deletes everything of it, now.
  api.delete('/sessions/:code', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    if (auth.participant.role !== 'host')
      return sendError(res, 'forbidden', 'only a host deletes the session');
    await deleteSession(auth.state.sessionId);
    res.status(204).end();
  });

  // Exports (members, cut for their role: see http/exports.ts; PR5: only facilitators when they chose so).
  api.get('/sessions/:code/boards/:boardId/export', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const format = BoardExportFormat.safeParse(req.query.format ?? 'md');
    if (!format.success) return sendError(res, 'bad_request', 'format: one of md, csv, json');
    const lang = exportLocale(req, res);
    if (lang === null) return;
    if (!mayExport(auth.state, auth.participant.id)) return sendError(res, 'forbidden', EXPORTS_KEPT);
    const board = auth.state.boards.find((b) => b.id === req.params.boardId);
    if (!board) return sendError(res, 'not_found', 'no such board in this session');
    // BR12: another breakout room's board, before the gallery opens, as the board sync refuses it.
    if (!mayRead(auth.state, auth.participant.id, board.id))
      return sendError(res, 'forbidden', 'you may not read this board');
    sendFile(res, await exportBoard(boards, auth.state, board, auth.participant.id, format.data, lang));
  });

  api.get('/sessions/:code/export', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const format = SessionExportFormat.safeParse(req.query.format ?? 'md');
    if (!format.success) return sendError(res, 'bad_request', 'format: one of md, json');
    const lang = exportLocale(req, res);
    if (lang === null) return;
    const { state, participant } = auth;
    if (!mayExport(state, participant.id)) return sendError(res, 'forbidden', EXPORTS_KEPT);
    // CA7: the transcript only when the facilitators chose it, and only the scopes this reader may read.
    const transcript = state.captions.inHarvest
      ? readableLines(state, participant.id, await store.captionLines(state.sessionId))
      : null;
    sendFile(res, await exportSession(boards, state, participant.id, format.data, clock(), lang, transcript));
  });

  api.use(
    '/sessions/:code/captions',
    captionMemberRoutes({
      captions: captions.service,
      store,
      urls: captions.urls,
      member: (req, res) => member(req, res),
      origin: (req) => originOf(req, publicUrl),
    }),
  );

  api.use('/circles', circleRoutes);

  api.use((_req, res) => sendError(res, 'not_found', 'no such API endpoint'));

  /** `?lang=` of an export: the reader's language (left out: undefined); null after answering 400. */
  function exportLocale(req: Request, res: Response): Locale | undefined | null {
    if (req.query.lang === undefined) return undefined;
    const lang = Locale.safeParse(req.query.lang);
    if (lang.success) return lang.data;
    sendError(res, 'bad_request', 'lang: one of en, nl, fr');
    return null;
  }

  /**
   * A member of the session the join code names (401 without a valid token, 403 for another
   * session's). With `codeMayHaveMoved`, a code no session has (J4: rotated away) is fine for a
   * valid token: the token proves membership, and the answer carries the current code.
   */
  async function member(
    req: Request,
    res: Response,
    { codeMayHaveMoved = false } = {},
  ): Promise<Authenticated | undefined> {
    if (codeMayHaveMoved && !(await knownCode(req))) {
      const auth = await authenticate(tokens, sessions, bearer(req));
      if (auth.ok) return auth;
    }
    const sessionId = await sessionIdFor(req, res);
    if (!sessionId) return undefined;
    const auth = await authenticate(tokens, sessions, bearer(req));
    if (!auth.ok) {
      sendError(res, auth.error.code, auth.error.message);
      return undefined;
    }
    if (auth.state.sessionId !== sessionId) {
      sendError(res, 'forbidden', 'this token belongs to another session');
      return undefined;
    }
    return auth;
  }

  async function knownCode(req: Request): Promise<boolean> {
    const code = JoinCode.safeParse(req.params.code);
    return code.success && (await store.sessionIdForJoinCode(code.data)) !== null;
  }

  async function sessionIdFor(req: Request, res: Response): Promise<string | undefined> {
    const code = JoinCode.safeParse(req.params.code);
    const id = code.success ? await store.sessionIdForJoinCode(code.data) : null;
    if (!id) {
      sendError(res, 'not_found', 'no session with this join code');
      return undefined;
    }
    return id;
  }

  return api;
}
