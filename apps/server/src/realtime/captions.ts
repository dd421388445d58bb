import type { Server, Socket } from 'socket.io';
import { type SessionState, captionScope } from '@kring/core';
import { CaptionInput, type CaptionScope, PLENARY } from '@kring/protocol';
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
 */
export function captionFanOut(
  io: Server,
  sessions: Pick<SessionService, 'peek'>,
  roomOf: (sessionId: string) => string,
): CaptionSink {
  return (sessionId, scope, update) => {
    const state = sessions.peek(sessionId);
    const roomsOpen = state?.breakouts.current?.status === 'open';
    if (scope === null || (scope === PLENARY && !roomsOpen)) {
      // Cluster-wide (issue 17): captions are taken in on the captioner's node only, not replayed
      // by the others as session events are, so this one node tells every node's screens.
      io.to(roomOf(sessionId)).emit('caption', update);
      return;
    }
    if (!state) return;
    for (const id of io.of('/').adapter.rooms.get(roomOf(sessionId)) ?? []) {
      const s = io.of('/').sockets.get(id);
      if (!s || scopeOf(state, s.data as CaptionSocket['data']) !== scope) continue;
      s.emit('caption', update);
    }
  };
}
