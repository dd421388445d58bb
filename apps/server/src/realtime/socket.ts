import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  type ClientToServerEvents,
  Command,
  HandshakeAuth,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '@kring/protocol';
import { viewFor } from '@kring/core';
import { authenticate } from '../auth';
import type { Log } from '../log';
import type { SessionService } from '../sessions/service';
import type { TokenSigner } from '../tokens';
import { Presence } from './presence';

interface SocketData {
  sessionId: string;
  participantId: string;
}
type KringServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type KringSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const room = (sessionId: string) => `session:${sessionId}`;

/** An Error whose message is a protocol error code: socket.io hands it to the client's `connect_error`. */
function refusal(code: string, message: string): Error {
  const err = new Error(code) as Error & { data: { code: string; message: string } };
  err.data = { code, message };
  return err;
}

export interface ControlPlaneDeps {
  httpServer: HttpServer;
  sessions: SessionService;
  tokens: TokenSigner;
  log: Log;
  clock?: () => number;
}

/** The socket.io control plane: handshake auth, commands with acks, event and presence broadcast. */
export function attachControlPlane({
  httpServer,
  sessions,
  tokens,
  log,
  clock = Date.now,
}: ControlPlaneDeps) {
  const io: KringServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // The board sync shares this HTTP server and authorizes upgrades asynchronously.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
  });
  const presence = new Presence();

  io.use(async (socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal('unauthorized', 'the handshake carries no token'));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return next(
        refusal('protocol_mismatch', `this server speaks protocol ${PROTOCOL_VERSION}; reload the page`),
      );
    }
    const who = await authenticate(tokens, sessions, auth.data.token).catch(() => null);
    if (!who?.ok) return next(refusal('unauthorized', who?.error.message ?? 'could not check the token'));
    socket.data = { sessionId: who.state.sessionId, participantId: who.participant.id };
    next();
  });

  io.on('connection', (socket: KringSocket) => {
    const { sessionId, participantId } = socket.data;
    void socket.join(room(sessionId));
    if (presence.connect(sessionId, participantId)) {
      socket.to(room(sessionId)).emit('presence', { participantId, online: true });
    }

    socket.on('snapshot', async (ack) => {
      if (typeof ack !== 'function') return;
      const state = await sessions.get(sessionId);
      if (!state) return ack({ ok: false, error: { code: 'not_found', message: 'the session is gone' } });
      ack({
        ok: true,
        view: viewFor(state, participantId),
        you: participantId,
        online: presence.online(sessionId),
        serverTime: clock(),
      });
    });

    socket.on('command', async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = Command.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return ack({
          ok: false,
          error: {
            code: 'bad_request',
            message: `invalid command: ${issue?.path.join('.') || ''} ${issue?.message ?? ''}`.trim(),
          },
        });
      }
      try {
        const result = await sessions.execute(sessionId, parsed.data, { participantId });
        ack(result.ok ? { ok: true, version: result.version, serverTime: clock() } : result);
      } catch (err) {
        log('error', 'command failed', {
          type: parsed.data.type,
          error: err instanceof Error ? err.message : 'unknown',
        });
        ack({ ok: false, error: { code: 'internal', message: 'the server could not run this command' } });
      }
    });

    socket.on('disconnect', () => {
      if (presence.disconnect(sessionId, participantId)) {
        io.to(room(sessionId)).emit('presence', { participantId, online: false });
      }
    });
  });

  sessions.onEvents((sessionId, events) => {
    io.to(room(sessionId)).emit('events', { events });
  });

  return {
    io,
    presence,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
