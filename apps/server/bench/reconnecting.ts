import { performance } from 'node:perf_hooks';
import { io as ioClient } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CONTROL_RECONNECT, PROTOCOL_VERSION, readWelcome } from '@kring/protocol';
import type { ClientSocket } from './clients';

/**
 * Clients that come back by themselves, as the web app's do (its session store and board view):
 * each remembers when it last became current, so a restart benchmark can wait until everyone is.
 */

/**
 * A person's control-plane connection with socket.io's own reconnection, timed as the web app's
 * (`CONTROL_RECONNECT`, one object for both), that tells the version it holds on every reconnect
 * and takes the server's welcome, like the web app. Current = that welcome arrived (after a restart
 * the server no longer has what was missed: a whole state). WebSocket only: the web app's polling fallback is for
 * networks that block WebSockets, which a benchmark on loopback does not have.
 */
export class Person {
  readonly socket: ClientSocket;
  /** When the last snapshot after a connect arrived (performance.now()); 0 before the first. */
  currentAt = 0;
  /** When the socket last connected: the reconnect backoff and handshake end here. */
  connectedAt = 0;

  /** The state version held (the bare baseline's welcome carries none). */
  #version: number | undefined;

  constructor(url: string, token: string) {
    this.socket = ioClient(url, {
      auth: (send) =>
        send({
          token,
          protocolVersion: PROTOCOL_VERSION,
          ...(this.#version === undefined ? {} : { since: this.#version }),
        }),
      transports: ['websocket'],
      forceNew: true,
      ...CONTROL_RECONNECT,
    });
    this.socket.on('connect', () => (this.connectedAt = performance.now()));
    this.socket.on('welcome', (wire) => {
      const w = readWelcome(wire);
      if (w.ok && w.kind === 'snapshot') this.#version = (w.state as { version?: number }).version;
      this.currentAt = performance.now();
    });
    // A server that shuts down cleanly says goodbye, and socket.io does not come back after a
    // goodbye on its own: the web app asks it to, and so does this.
    this.socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.socket.connect();
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/**
 * A board connection as the web app opens it: the stock y-websocket provider (its reconnect
 * backoff), no awareness of its own until someone edits. Current = synced with the server.
 */
export class BoardClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  /** When the provider last became synced (performance.now()); 0 before the first. */
  currentAt = 0;

  /** `protocols`: Kring's token subprotocols; the reference server takes none. */
  constructor(serverUrl: string, room: string, protocols: string[] = []) {
    this.provider = new WebsocketProvider(serverUrl, room, this.doc, {
      protocols,
      disableBc: true, // providers in one process would otherwise share updates over BroadcastChannel
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    this.provider.awareness.setLocalState(null);
    this.provider.on('sync', (synced) => {
      if (synced) this.currentAt = performance.now();
    });
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
