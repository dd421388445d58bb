import {
  type Actor,
  type Decision,
  type NoteFacts,
  type SessionState,
  type SessionTemplate,
  assignIds,
  createSession,
  decide,
  decideJoin,
  defaultHostName,
  expiresAt,
  replay,
  withVersions,
} from '@kring/core';
import type { Command, ErrorBody, Locale, SessionEvent, TemplateId } from '@kring/protocol';
import { createHash } from 'node:crypto';
import { newId, newJoinCode } from '../ids';
import { type Store, VersionConflictError } from '../store/store';
import { resolveRandomness } from './randomness';
import { FairSerial } from './fair-serial';
import { nextTurn } from '../turns';

/**
 * Q10: an anonymous question's asker deletes it by showing the secret behind its owner key; the
 * server hashes the secret into the command (core compares hashes), replacing any key a client sent.
 */
function ownerKeyed(command: Command): Command {
  switch (command.type) {
    case 'qa.delete':
    case 'note.edit':
    case 'note.delete': {
      // BD15: an anonymous note's writer shows its secret the same way.
      const { ownerSecret, ownerKey: _sent, ...rest } = command;
      return ownerSecret === undefined ? rest : { ...rest, ownerKey: hashOf(ownerSecret) };
    }
    case 'participant.leave': {
      // PR8: every secret this device keeps for the session.
      const { ownerSecrets, ownerKeys: _sent, ...rest } = command;
      return ownerSecrets === undefined ? rest : { ...rest, ownerKeys: ownerSecrets.map(hashOf) };
    }
    default:
      return command;
  }
}

const hashOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('base64url');

export type CommandResult = { ok: true; version: number } | { ok: false; error: ErrorBody };
/** Told about every stored batch, with the state before it (per-audience redaction needs it). */
type Listener = (sessionId: string, events: SessionEvent[], before: SessionState) => void;
/** Told when a session's state is read from the store (first use, or again after its cache was dropped). */
type LoadListener = (sessionId: string, state: SessionState) => void;
/** Told what this process itself stored or deleted (issue 17: other nodes hear of it). */
export interface LocalChanges {
  appended(sessionId: string, version: number): void;
  removed(sessionId: string): void;
}

/**
 * How often a batch is decided again after another node appended first (issue 17). Each retry
 * catches up and waits a little (random, growing), so nodes racing on one busy session spread out
 * instead of colliding again; the three-node benchmark saw six losses in a row at 3,000 joins.
 */
const MAX_CONFLICT_RETRIES = 12;
const conflictPause = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt, 6)));

/** The queue lane of loads, joins and the server's own decisions (participant ids never look like this). */
const SERVER_LANE = ':server';

/**
 * Said when a session's event cap for this minute is reached (several people at once, or a script),
 * and when other nodes kept appending first (issue 17): nothing was stored, trying again works.
 */
const SESSION_BUSY: CommandResult = {
  ok: false,
  error: {
    code: 'rate_limited',
    message: 'This session is taking in a lot right now. Please try again in a moment.',
  },
};

/** What an accepted command led to, for `ExecuteOptions.after`. */
/** Runs `work` while no other node decides for the session (issue 17, cluster/session-lock.ts). */
export type SessionLock = <T>(sessionId: string, work: () => Promise<T>) => Promise<T>;

/** How a circle's meeting starts its session (CI17, CI26). */
export interface MeetingSetup {
  /** The host's participant id: their member id, the same in every meeting of the circle. */
  hostId: string;
  /** The circle's lasting boards, listed after the session's own. */
  lastingBoards: readonly { id: string; title: string; templateId: TemplateId }[];
}

export interface Outcome {
  events: SessionEvent[];
  before: SessionState;
  state: SessionState;
}

export interface ExecuteOptions {
  /** What the server read from the command's board document (core `DecideContext.notes`). */
  notes?: ReadonlyMap<string, NoteFacts>;
  /** What the server read from every board document of the session (core `DecideContext.boardNotes`). */
  boardNotes?: ReadonlyMap<string, ReadonlyMap<string, NoteFacts>>;
  /**
   * Counts the batch as one event against the session's cap. PR8: a person leaves with their words
   * once, and however much they wrote, a busy session must not stand between them and taking it
   * back (each of those words was counted when it was written).
   */
  countsAsOne?: boolean;
  /**
   * Runs inside the session's queue once an accepted command's events are stored and broadcast
   * (also when it recorded none), before the next command is decided: the document effects of
   * board commands, so they land in the order the commands were decided. A failure reaches the
   * caller (the events stay recorded).
   */
  after?: (outcome: Outcome) => Promise<void>;
}

/**
 * The server side of the session engine: loads state from the store, asks core to decide,
 * appends the events (optimistic concurrency) and tells listeners. Holds no domain rules.
 */
export class SessionService {
  private readonly states = new Map<string, SessionState>();
  /** Per session, one at a time, taking turns between people (the server's own work is one more lane). */
  private readonly serial = new FairSerial();
  private readonly listeners = new Set<Listener>();
  private readonly loadListeners = new Set<LoadListener>();
  private readonly localChanges = new Set<LocalChanges>();

  constructor(
    private readonly store: Store,
    /** Who is connected now: rounds skip absent people, random orders draw from those present. */
    private readonly online: (sessionId: string) => string[] = () => [],
    private readonly clock: () => number = Date.now,
    /**
     * Whether a session may store `count` more events from commands now (the per-session cap, so
     * that several people together cannot grow its log without bound). Joins and the server's own
     * decisions (closing breakouts on time) are never held back by it.
     */
    private readonly admitEvents: (sessionId: string, count: number) => Promise<boolean> = async () => true,
    /**
     * Issue 17: one decision at a time per session across nodes (a Redis lock); left out, this
     * process's own queue is enough. Optimistic versions stay the guarantee: the lock only keeps
     * nodes from racing on a busy session (and losing over and over, as 3,000 joins on three did).
     */
    private readonly acrossNodes?: SessionLock,
  ) {}

  onEvents(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onLoad(listener: LoadListener): () => void {
    this.loadListeners.add(listener);
    return () => this.loadListeners.delete(listener);
  }

  /** Issue 17: what this node appends or deletes itself (not what it catches up with). */
  onLocalChange(listener: LocalChanges): () => void {
    this.localChanges.add(listener);
    return () => this.localChanges.delete(listener);
  }

  /**
   * Issue 17: another node stored the session's events up to `version`. A node holding the
   * session's state reads what it lacks and tells its listeners, as if it had appended them itself,
   * so its own sockets get their cuts, lose access or are cut off. In the session's queue, so it
   * never lands in the middle of a local decision; a node that holds no state has nothing to update
   * (it reads the whole log on first use). Queued even then: a load already in the queue may have
   * read the log just before these events were stored.
   */
  async catchUp(sessionId: string, version: number): Promise<void> {
    await this.serial.run(sessionId, SERVER_LANE, async () => {
      const state = this.states.get(sessionId);
      if (state && state.version < version) await this.refresh(sessionId, state);
    });
  }

  /** Issue 17: the sessions this node holds (to catch up after notices may have been lost). */
  cachedIds(): string[] {
    return [...this.states.keys()];
  }

  /** Issue 17: another node deleted the session (PR4): this one forgets it, after what is queued. */
  async forget(sessionId: string): Promise<void> {
    await this.serial.run(sessionId, SERVER_LANE, async () => {
      this.states.delete(sessionId);
    });
  }

  /** S1/S2: a new session, blank or with a session template's agenda and boards (one batch). */
  async create(
    title: string,
    hostName?: string,
    template?: SessionTemplate,
    /** S4: the facilitator's language, for the names the server gives (host, blank board). */
    locale?: Locale,
    /** A circle's meeting (CI17, CI26): the host's lasting participant id and the lasting boards. */
    meeting?: MeetingSetup,
  ): Promise<{ state: SessionState; hostId: string }> {
    const sessionId = newId();
    const hostId = meeting?.hostId ?? newId();
    const joinCode = await this.freeJoinCode();
    const events = createSession({
      sessionId,
      title,
      joinCode,
      hostId,
      hostName: hostName ?? defaultHostName(locale),
      ...(locale ? { locale } : {}),
      boardId: newId(),
      now: this.clock(),
      ...(meeting ? { lastingBoards: meeting.lastingBoards } : {}),
      ...(template
        ? {
            template: {
              template,
              segmentIds: template.segments.map(() => newId()),
              boardIds: template.boards.map(() => newId()),
            },
          }
        : {}),
    });
    // PR3: a new session has the default retention; later batches move its expiry (purge.ts).
    const expiry = expiresAt(replay(withVersions(0, events)), this.clock());
    const stored = await this.store.createSession(sessionId, joinCode, events, expiry);
    const state = replay(stored);
    this.states.set(sessionId, state);
    return { state, hostId };
  }

  /**
   * A join code no session has now (a new session's, or J4's new one). Codes are drawn at random
   * from 32^6; after 20 taken draws the store's uniqueness check has the last word.
   */
  private async freeJoinCode(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code = newJoinCode();
      if (attempt >= 20 || !(await this.store.sessionIdForJoinCode(code))) return code;
    }
  }

  /** The current state, loaded from the store on first use; null for an unknown session. */
  async get(sessionId: string): Promise<SessionState | null> {
    const cached = this.states.get(sessionId);
    if (cached) return cached;
    return this.serial.run(sessionId, SERVER_LANE, () => this.load(sessionId));
  }

  /**
   * PR4: deletes the session through `erase` (the store's deletion) in its queue, after the
   * commands before it and before any after it (which then find no session), and forgets it.
   */
  async remove(sessionId: string, erase: () => Promise<boolean>): Promise<boolean> {
    return this.serial.run(sessionId, SERVER_LANE, async () => {
      const removed = await erase();
      this.states.delete(sessionId);
      if (removed) for (const l of this.localChanges) l.removed(sessionId);
      return removed;
    });
  }

  /** How many sessions this process holds in memory (a metric). */
  loadedCount(): number {
    return this.states.size;
  }

  /** Synchronous read of an already loaded session (board access checks per message). */
  peek(sessionId: string): SessionState | undefined {
    return this.states.get(sessionId);
  }

  /**
   * J1–J3, RO8 and BR5 in core's `decideJoin`: refused while the door is closed, when the session
   * is full or with a facilitator's name; else joined (and placed in a room, in the same batch).
   */
  async join(
    sessionId: string,
    displayName: string,
  ): Promise<{ ok: true; participantId: string } | { ok: false; error: ErrorBody }> {
    const participantId = newId();
    const result = await this.apply(sessionId, (state) =>
      decideJoin(state, { participantId, displayName, now: this.clock() }),
    );
    return result.ok ? { ok: true, participantId } : result;
  }

  /**
   * Runs a validated command. Core is free of randomness, so the server fills in what needs it
   * first: ids of created things, shuffled round orders and random breakout groups.
   */
  async execute(
    sessionId: string,
    command: Command,
    actor: Actor,
    options: ExecuteOptions = {},
  ): Promise<CommandResult> {
    const withIds = ownerKeyed(await this.withJoinCode(assignIds(command, newId)));
    return this.apply(
      sessionId,
      (state) => {
        const online = this.online(sessionId);
        const resolved = resolveRandomness(state, withIds, online);
        const context = {
          online,
          ...(options.notes ? { notes: options.notes } : {}),
          ...(options.boardNotes ? { boardNotes: options.boardNotes } : {}),
        };
        return decide(state, resolved, actor, this.clock(), context);
      },
      options.after,
      actor.participantId,
      options.countsAsOne,
    );
  }

  /** J4: the server draws the new join code (C5); whatever a client sent is replaced. */
  private async withJoinCode(command: Command): Promise<Command> {
    if (command.type !== 'session.rotateJoinCode') return command;
    return { ...command, joinCode: await this.freeJoinCode() };
  }

  /** A decision the server makes itself (not a command), e.g. recording revealed notes' authors. */
  async record(
    sessionId: string,
    decideOn: (state: SessionState, now: number) => Decision,
  ): Promise<CommandResult> {
    return this.apply(sessionId, (state) => decideOn(state, this.clock()));
  }

  /** The time the service decides with (so effects and decisions agree). */
  now(): number {
    return this.clock();
  }

  private async apply(
    sessionId: string,
    decideOn: (s: SessionState) => Decision,
    after?: (outcome: Outcome) => Promise<void>,
    /** Whose command this is (its turn in the queue, and the per-session cap); left out: the server's. */
    from?: string,
    countsAsOne = false,
  ): Promise<CommandResult> {
    return this.serial.run(sessionId, from ?? SERVER_LANE, async () => {
      await nextTurn(); // one decision per turn: a burst in one session does not hold up the others
      const decide = () => this.decideAndAppend(sessionId, decideOn, after, from, countsAsOne);
      if (!this.acrossNodes) return decide();
      return this.acrossNodes(sessionId, async () => {
        // Holding the lock, read what the node before us stored (its notice may still be on the
        // way), so the decision is on the newest state and its append does not lose the race.
        const cached = this.states.get(sessionId);
        if (cached) await this.refresh(sessionId, cached);
        return decide();
      });
    });
  }

  private async decideAndAppend(
    sessionId: string,
    decideOn: (s: SessionState) => Decision,
    after: ((outcome: Outcome) => Promise<void>) | undefined,
    from: string | undefined,
    countsAsOne: boolean,
  ): Promise<CommandResult> {
    for (let attempt = 0; ; attempt++) {
      const state = await this.load(sessionId);
      if (!state) return { ok: false, error: { code: 'not_found', message: 'no such session' } };
      const decision = decideOn(state);
      if (!decision.ok) return decision;
      if (decision.events.length === 0) {
        await after?.({ events: [], before: state, state });
        return { ok: true, version: state.version };
      }
      const capped = from !== undefined && attempt === 0;
      const cost = countsAsOne ? 1 : decision.events.length;
      if (capped && !(await this.admitEvents(sessionId, cost))) return SESSION_BUSY;
      let stored: SessionEvent[];
      try {
        stored = await this.store.appendEvents(sessionId, state.version, decision.events);
      } catch (err) {
        // Another node appended first: catch up with what it stored (its events reach this
        // node's listeners too) and decide again on fresh state.
        if (!(err instanceof VersionConflictError)) throw err;
        // A named refusal, not a 500: nothing was stored, and the person may simply try again.
        if (attempt >= MAX_CONFLICT_RETRIES) return SESSION_BUSY;
        await this.refresh(sessionId, state);
        await conflictPause(attempt);
        continue;
      }
      const next = replay(stored, state);
      this.states.set(sessionId, next);
      for (const l of this.listeners) l(sessionId, stored, state);
      for (const l of this.localChanges) l.appended(sessionId, next.version);
      await after?.({ events: stored, before: state, state: next });
      return { ok: true, version: next.version };
    }
  }

  /**
   * Brings a cached state up to what the store holds and tells the listeners about the events it
   * lacked. When the log does not continue it (the session was deleted), the cache is dropped and
   * the next use reads the store again.
   */
  private async refresh(sessionId: string, state: SessionState): Promise<void> {
    const events = (await this.store.loadEvents(sessionId, state.version)).filter((e) => e.v > state.version);
    if (events.length === 0) return; // nothing new (a catch-up after a reconnect, say)
    if (events[0]?.v !== state.version + 1) {
      this.states.delete(sessionId);
      return;
    }
    const next = replay(events, state);
    this.states.set(sessionId, next);
    for (const l of this.listeners) l(sessionId, events, state);
  }

  private async load(sessionId: string): Promise<SessionState | null> {
    const cached = this.states.get(sessionId);
    if (cached) return cached;
    const events = await this.store.loadEvents(sessionId);
    if (events.length === 0) return null;
    const state = replay(events);
    this.states.set(sessionId, state);
    for (const l of this.loadListeners) l(sessionId, state);
    return state;
  }
}
