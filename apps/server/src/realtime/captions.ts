import type { Server, Socket } from 'socket.io';
import { type SessionState, captionScope } from '@kring/core';
import * as z from 'zod';
import { CaptionInput, CaptionScope, CaptionUpdate, PLENARY } from '@kring/protocol';
import type { CaptionService, CaptionSink } from '../captions/service';
import type { Log } from '../log';
import type { SessionService } from '../sessions/service';
import { invalid } from './invalid';

type CaptionSocket = Pick<Socket, 'on'> & {
  data: { sessionId: string; participantId: string; projector: boolean };
};

/** CA2/CA3: the caption scope a socket shows: its person's, or the plenary on a projector. */
const scopeOf = (state: SessionState, data: CaptionSocket['data']): CaptionScope =>
  data.projector ? PLENARY : captionScope(state, data.participantId);

/**
 * The caption events of one socket: `caption` (a captioner's partial, line or correction, CA1/CA5)
 * and `captions` (the latest of this person's scope, CA3). Both validated here, at the edge.
 */
export function handleCaptions(
  socket: CaptionSocket,
  sessions: SessionService,
  captions: CaptionService,
  log: Log,
) {
  const { sessionId, participantId } = socket.data;

  socket.on('caption', async (raw: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const parsed = CaptionInput.safeParse(raw);
    if (!parsed.success) return ack(invalid('caption', parsed.error));
    try {
      const state = await sessions.get(sessionId);
      if (!state) return ack({ ok: false, error: { code: 'not_found', message: 'the session is gone' } });
      const result = await captions.input(state, participantId, parsed.data);
      ack(result.ok ? { ok: true, line: result.value } : result);
    } catch (err) {
      log('error', 'caption failed', { error: err instanceof Error ? err.message : 'unknown' });
      ack({ ok: false, error: { code: 'internal', message: 'the server could not take this caption' } });
    }
  });

  socket.on('captions', async (ack: unknown) => {
    if (typeof ack !== 'function') return;
    const state = await sessions.get(sessionId);
    if (!state) return ack({ ok: false, error: { code: 'not_found', message: 'the session is gone' } });
    ack({ ok: true, ...(await captions.recent(state, participantId, scopeOf(state, socket.data))) });
  });
}

/**
 * CA3: sends an update to the screens whose caption scope it is (or to all, for `null`). Without
 * open rooms everyone is in the plenary: one broadcast. Otherwise each socket's scope is read
 * from the session state (a Map lookup per socket). Partials are not volatile (a dropped last
 * partial would leave old words on a screen); the service sends at most ten a second per person.
 *
 * `cluster` (issue 17): a caption is taken in on the captioner's node only. One for everyone goes
 * out through the adapter to every node's screens (with the offsets connection state recovery
 * replays); one for a scope is sent by each node to its own screens of that scope. Either way the
 * other nodes are told (`serverSideEmit`) and keep its partials (`heard`), for screens that open
 * there.
 */
export function captionFanOut(
  io: Server,
  sessions: Pick<SessionService, 'peek'>,
  roomOf: (sessionId: string) => string,
  cluster?: { heard(sessionId: string, update: CaptionUpdate): void; log: Log },
): CaptionSink {
  const forEveryone = (sessionId: string, scope: CaptionScope | null) =>
    scope === null || (scope === PLENARY && sessions.peek(sessionId)?.breakouts.current?.status !== 'open');
  const toScopeHere = (sessionId: string, scope: CaptionScope, update: CaptionUpdate) => {
    const state = sessions.peek(sessionId);
    if (!state) return;
    for (const id of io.of('/').adapter.rooms.get(roomOf(sessionId)) ?? []) {
      const s = io.of('/').sockets.get(id);
      if (!s || scopeOf(state, s.data as CaptionSocket['data']) !== scope) continue;
      s.emit('caption', update);
    }
  };
  if (cluster) {
    io.on(CAPTION_ELSEWHERE, (...args: unknown[]) => {
      // From another node, through Redis: checked like anything else that comes in.
      const parsed = CaptionElsewhere.safeParse(args);
      if (!parsed.success) {
        cluster.log('warn', 'caption from another node dropped', { reason: 'malformed' });
        return;
      }
      const [sessionId, scope, update] = parsed.data;
      cluster.heard(sessionId, update);
      if (scope !== null) toScopeHere(sessionId, scope, update);
    });
  }
  return (sessionId, scope, update) => {
    const everyone = forEveryone(sessionId, scope);
    if (everyone) io.to(roomOf(sessionId)).emit('caption', update);
    else toScopeHere(sessionId, scope!, update);
    // null: the adapter took it to every node's screens already.
    if (cluster) io.serverSideEmit(CAPTION_ELSEWHERE, sessionId, everyone ? null : scope, update);
  };
}

/** The server-side event that tells the other nodes of a caption update: session, scope to send it to (null: sent), update. */
const CAPTION_ELSEWHERE = 'kring:caption';
const CaptionElsewhere = z.tuple([z.string().min(1), z.nullable(CaptionScope), CaptionUpdate]);
