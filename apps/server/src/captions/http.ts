import { type SessionState, mayCaption, mayManageTranscript } from '@kring/core';
import express, { type Request, type Response, Router } from 'express';
import {
  CaptionLang,
  type CaptionSourceView,
  type CaptionSourcesResponse,
  Id,
  LIMITS,
  Locale,
  TranscriptFormat,
} from '@kring/protocol';
import type { Authenticated } from '../auth';
import { sendError } from '../http/errors';
import { type Limits, clientAddress } from '../limits';
import { sendRateLimited } from '../limits/http';
import type { SessionService } from '../sessions/service';
import type { CaptionStore } from '../store/store';
import type { CaptionService } from './service';
import { readableLines, transcriptFile } from './transcript';
import type { CaptionUrls } from './url';

/** `seq` as caption software sends it: a positive whole number (1 … 2^31 − 1). */
function seqOf(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= 1 && n <= 2 ** 31 - 1 ? n : null;
}

export interface CaptionIngestDeps {
  sessions: Pick<SessionService, 'get'>;
  captions: CaptionService;
  urls: CaptionUrls;
  limits: Limits;
  trustProxy: boolean;
}

/**
 * The caption URL (CAPTIONS.md's convention): caption software POSTs `text/plain` with `seq` and
 * `lang` in the query, retries every error, and GETs `…/seq` to resume. The signature is checked
 * before anything else, so a wrong one learns nothing about the session; wrong ones count like
 * join-code misses per address.
 */
export function captionIngest({ sessions, captions, urls, limits, trustProxy }: CaptionIngestDeps): Router {
  const router = Router();
  const address = (req: Request) =>
    clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);

  /** The session a signed caption URL is for, or undefined after answering. */
  async function signedSession(req: Request, res: Response): Promise<SessionState | undefined> {
    const blocked = await limits.lookupMissesPerAddress.check(address(req));
    if (!blocked.ok)
      return void sendRateLimited(res, blocked, 'Too many wrong caption URLs from here. Wait a moment.');
    const sessionId = Id.safeParse(req.params.sessionId);
    const sourceId = Id.safeParse(req.params.sourceId);
    if (
      !sessionId.success ||
      !sourceId.success ||
      !urls.verify(sessionId.data, sourceId.data, req.query.sig)
    ) {
      const verdict = await limits.lookupMissesPerAddress.consume(address(req));
      if (!verdict.ok)
        return void sendRateLimited(res, verdict, 'Too many wrong caption URLs from here. Wait a moment.');
      return void sendError(
        res,
        'unauthorized',
        'this caption URL is not valid (check that it was copied whole)',
      );
    }
    const state = await sessions.get(sessionId.data);
    if (!state) return void sendError(res, 'not_found', 'this session no longer exists');
    const source = state.captions.sources[sourceId.data];
    if (!source || source.revoked) return void sendError(res, 'unauthorized', 'this caption URL was revoked');
    return state;
  }

  router.get('/:sessionId/:sourceId/seq', async (req, res) => {
    const state = await signedSession(req, res);
    if (!state) return;
    res.type('text/plain').send(String(await captions.lastSeq(state.sessionId, String(req.params.sourceId))));
  });

  router.post(
    '/:sessionId/:sourceId',
    // Any content type: the body is the caption text (some tools leave the header out).
    express.text({ type: () => true, limit: LIMITS.captionPostBytes }),
    async (req, res) => {
      const state = await signedSession(req, res);
      if (!state) return;
      const sourceId = String(req.params.sourceId);
      const verdict = await limits.captionPostsPerSource.consume(sourceId);
      if (!verdict.ok) return sendRateLimited(res, verdict, 'Too many caption posts in a short time.');
      const seq = seqOf(req.query.seq);
      if (seq === null) return sendError(res, 'bad_request', 'seq: a positive whole number is required');
      const lang = req.query.lang === undefined ? null : CaptionLang.safeParse(req.query.lang);
      if (lang && !lang.success) return sendError(res, 'bad_request', 'lang: a language tag such as en-US');
      const body = typeof req.body === 'string' ? req.body : '';
      const result = await captions.ingest(state, sourceId, seq, lang?.data ?? null, body);
      if (!result.ok) return sendError(res, result.error.code, result.error.message);
      res.json({ ok: true, seq, duplicate: result.value.duplicate });
    },
  );

  return router;
}

export interface CaptionMemberDeps {
  captions: CaptionService;
  store: Pick<CaptionStore, 'captionLines'>;
  urls: CaptionUrls;
  /** The member the request's token names (answers 401/403/404 itself). */
  member: (req: Request, res: Response) => Promise<Authenticated | undefined>;
  origin: (req: Request) => string;
}

/** `/api/sessions/:code/captions/…`: the caption URLs and the transcript, for those the rules allow. */
export function captionMemberRoutes({ captions, store, urls, member, origin }: CaptionMemberDeps): Router {
  const router = Router({ mergeParams: true });

  // CA6: the URLs are secret: facilitators and captioners (who may use them in their own software).
  router.get('/sources', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const { state, participant } = auth;
    if (!mayCaption(state, participant.id))
      return sendError(res, 'forbidden', 'only facilitators and captioners see caption URLs');
    const sources: CaptionSourceView[] = Object.values(state.captions.sources).map((s) => ({
      ...s,
      url: s.revoked ? null : urls.url(origin(req), state.sessionId, s.id),
    }));
    const out: CaptionSourcesResponse = { sources };
    res.set('Cache-Control', 'no-store').json(out);
  });

  // CA7: the whole transcript, facilitators only.
  router.get('/transcript', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const { state, participant } = auth;
    if (!mayManageTranscript(state, participant.id))
      return sendError(res, 'forbidden', 'only facilitators download the transcript');
    const format = TranscriptFormat.safeParse(req.query.format ?? 'txt');
    if (!format.success) return sendError(res, 'bad_request', 'format: one of txt, vtt, json');
    const lang = Locale.safeParse(req.query.lang ?? 'en');
    if (!lang.success) return sendError(res, 'bad_request', 'lang: one of en, nl, fr');
    const lines = readableLines(state, participant.id, await store.captionLines(state.sessionId));
    const file = transcriptFile(state, lines, format.data, lang.data);
    res.set('Content-Type', file.contentType);
    res.set('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.set('Cache-Control', 'no-store');
    res.send(file.body);
  });

  router.delete('/transcript', async (req, res) => {
    const auth = await member(req, res);
    if (!auth) return;
    const { state, participant } = auth;
    if (!mayManageTranscript(state, participant.id))
      return sendError(res, 'forbidden', 'only facilitators delete the transcript');
    await captions.deleteTranscript(state.sessionId);
    res.status(204).end();
  });

  return router;
}
