import express, { type RequestHandler } from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boardAccess } from '@kring/core';
import { authenticate } from './auth';
import { createBoardSync } from './boards';
import { errorHandler } from './http/errors';
import { apiRouter } from './http/api';
import { type Log, createLog } from './log';
import { Presence } from './realtime/presence';
import { attachControlPlane } from './realtime/socket';
import { SessionService } from './sessions/service';
import { SqliteStore } from './store/sqlite';
import type { Store } from './store/store';
import { TokenSigner, loadSecret } from './tokens';

export interface KringOptions {
  dataDir: string;
  port?: number;
  host?: string;
  secret?: string;
  publicUrl?: string;
  /** The SvelteKit adapter-node handler; everything not API/realtime goes to it. */
  webHandler?: RequestHandler;
  log?: Log;
  store?: Store;
}

export interface KringServer {
  httpServer: HttpServer;
  url: string;
  port: number;
  store: Store;
  sessions: SessionService;
  close(): Promise<void>;
}

/**
 * Builds the whole server on one HTTP server and one port: /api (express), /socket.io (control
 * plane), /yjs/:boardId (board sync), then the web app. Resolves once it listens.
 */
export async function startKring(opts: KringOptions): Promise<KringServer> {
  const log = opts.log ?? createLog('info');
  const store = opts.store ?? new SqliteStore(opts.dataDir);
  const tokens = new TokenSigner(loadSecret(opts.dataDir, opts.secret));
  const presence = new Presence();
  const sessions = new SessionService(store, (sessionId) => presence.online(sessionId));

  const app = express();
  app.disable('x-powered-by');
  app.use('/api', apiRouter({ sessions, store, tokens, publicUrl: opts.publicUrl }));
  if (opts.webHandler) app.use(opts.webHandler);
  app.use(errorHandler(log));

  const httpServer = createServer(app);
  const control = attachControlPlane({ httpServer, sessions, presence, tokens, log });
  const boards = createBoardSync({
    store,
    log,
    async authorize(boardId, token) {
      const who = await authenticate(tokens, sessions, token);
      if (!who.ok) return { ok: false, code: 'unauthorized' };
      if (!who.state.boards.some((b) => b.id === boardId)) {
        // A valid token for another session must not learn whether the board exists.
        const owner = await store.sessionIdForBoard(boardId);
        return { ok: false, code: owner ? 'forbidden' : 'not_found' };
      }
      return { ok: true, sessionId: who.state.sessionId, participantId: who.participant.id };
    },
    access(sessionId, boardId, participantId) {
      const state = sessions.peek(sessionId);
      return state ? boardAccess(state, participantId, boardId) : 'none';
    },
  });

  // Access is checked per board message; this also cuts connections that lost access entirely.
  sessions.onEvents((sessionId, events) => {
    for (const e of events) {
      if (e.type === 'board.lockChanged') boards.accessChanged(e.boardId);
      if (e.type === 'participant.roleChanged' || e.type === 'participant.removed') {
        for (const b of sessions.peek(sessionId)?.boards ?? []) boards.accessChanged(b.id);
      }
    }
  });

  httpServer.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/yjs/')) boards.handleUpgrade(req, socket, head);
    // socket.io handles its own upgrades (/socket.io); anything else is not ours.
    else if (!req.url?.startsWith('/socket.io')) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 0, opts.host ?? '0.0.0.0', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = opts.publicUrl ?? `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    url,
    port,
    store,
    sessions,
    close() {
      closing ??= (async () => {
        await boards.closeAll();
        await control.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await store.close();
      })();
      return closing;
    },
  };
}
