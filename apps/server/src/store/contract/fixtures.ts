import { createCircle, createSession, decideCircle, joinSession, replayCircle } from '@kring/core';
import { TestSession } from '@kring/core/testing';
import type { CaptionLine, CircleCommand, NewCircleEvent, NewSessionEvent } from '@kring/protocol';
import type { Store } from '../store';

/** The harness a store implementation hands the contract suite. */
export interface StoreUnderTest {
  /** A store with nothing in it. */
  open(): Promise<Store>;
  /** The data `closed` held, opened again after it was closed (a restart). */
  reopen(closed: Store): Promise<Store>;
}

/** What each part of the suite gets: stores that are closed after every test. */
export interface ContractContext {
  fresh(): Promise<Store>;
  /** Closes `store` and opens its data again. */
  restart(store: Store): Promise<Store>;
}

export const NOW = Date.UTC(2027, 8, 1);
export const LATER = NOW + 30 * 24 * 3600_000;

/** A session's first events (host `host0001`, board `boardId`), as the server creates them. */
export function opening(sessionId: string, joinCode: string, boardId: string): NewSessionEvent[] {
  return createSession({
    sessionId,
    title: 'Check-in',
    joinCode,
    hostId: 'host0001',
    hostName: 'Hanna',
    boardId,
    now: NOW,
  });
}

export const joined = (participantId: string, displayName: string): NewSessionEvent[] =>
  joinSession({ participantId, displayName, now: NOW + 1 });

/** Creates session `sessionId` with code `joinCode` and board `board-<sessionId>`. */
export async function withSession(store: Store, sessionId: string, joinCode: string): Promise<void> {
  await store.createSession(sessionId, joinCode, opening(sessionId, joinCode, `board-${sessionId}`), LATER);
}

/**
 * core's `TestSession` (session `session1`, code ABCDEF, board `board1`) with every accepted
 * batch appended to the store at the version core had, as the server does.
 */
export class StoredSession {
  readonly s = new TestSession();

  private constructor(readonly store: Store) {}

  static async start(store: Store): Promise<StoredSession> {
    const stored = new StoredSession(store);
    await store.createSession('session1', 'ABCDEF', stored.s.events, LATER);
    return stored;
  }

  async ok(actor: string, command: unknown): Promise<void> {
    const before = this.s.events.length;
    this.s.ok(actor, command);
    await this.store.appendEvents('session1', before, this.s.events.slice(before));
  }
}

/** Circle `circleId` with code `code`, host `host0001` (Hanna Zwaluw). */
export async function withCircle(store: Store, circleId = 'circle01', code = 'ABCDEFGH'): Promise<void> {
  const made = createCircle({
    circleId,
    code,
    title: 'Kernteam Zomerzon',
    timeZone: 'Europe/Amsterdam',
    hostId: 'host0001',
    hostName: 'Hanna Zwaluw',
    now: NOW,
  });
  if (!made.ok) throw new Error(made.error.message);
  await store.createCircle(circleId, code, made.events, LATER);
}

/** Decides a circle command as the service does and appends its events; returns them. */
export async function circleCommand(
  store: Store,
  command: CircleCommand,
  by = 'host0001',
  circleId = 'circle01',
): Promise<NewCircleEvent[]> {
  const state = replayCircle(await store.loadCircleEvents(circleId));
  const decided = decideCircle(state, command, { memberId: by }, NOW + 1000);
  if (!decided.ok) throw new Error(decided.error.message);
  await store.appendCircleEvents(circleId, state.version, decided.events);
  return decided.events;
}

/** A caption line: by a person unless `url` gives a caption URL and its seq. */
export function captionLine(
  id: string,
  order: number,
  options: { scope?: string; url?: { sourceId: string; seq: number }; by?: string; text?: string } = {},
): CaptionLine {
  return {
    id,
    scope: options.scope ?? 'plenary',
    text: options.text ?? `Line ${id}`,
    speaker: null,
    lang: null,
    at: NOW + Math.round(order * 1000),
    order,
    by: options.url
      ? { kind: 'url', sourceId: options.url.sourceId, seq: options.url.seq }
      : { kind: 'person', participantId: options.by ?? 'caption1' },
    editedAt: null,
  };
}

export const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
