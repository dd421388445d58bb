import {
  type CircleActor,
  assignCircleIds,
  circleExpiresAt,
  createCircle,
  decideCircle,
  replayCircle,
  withCircleVersions,
} from '@kring/core';
import type {
  CircleCommand,
  CircleEvent,
  CircleState,
  ErrorBody,
  Locale,
  NewCircleEvent,
} from '@kring/protocol';
import { newId } from '../ids';
import { KeyedSerial } from '../sessions/serial';
import { type CircleStore, VersionConflictError } from '../store/store';
import { newCircleCode, newSeriesId } from './ids';

export type CircleResult =
  | { ok: true; events: CircleEvent[]; state: CircleState; command: CircleCommand }
  | { ok: false; error: ErrorBody };

/** What work inside a circle's queue may do (`CircleService.serialised`). */
export interface CircleTurn {
  /** The circle's current state (null: gone). */
  state(): Promise<CircleState | null>;
  /** Appends events core decided on `state()`'s version; the new state. */
  append(events: NewCircleEvent[]): Promise<CircleState>;
  /** As `append`, with the events as stored (numbered). */
  record(events: NewCircleEvent[]): Promise<{ state: CircleState; events: CircleEvent[] }>;
}

/** Told about every stored batch (the purge keeps the circle's expiry current with it). */
type Listener = (circleId: string, events: CircleEvent[], state: CircleState) => void;

const MAX_CONFLICT_RETRIES = 5;
const NO_CIRCLE: CircleResult = { ok: false, error: { code: 'not_found', message: 'no such circle' } };

export interface NewCircleInput {
  title: string;
  hostName: string;
  timeZone: string;
  locale?: Locale;
  description?: string;
}

/**
 * The server side of circles: loads a circle from the store, asks core to decide, appends the
 * events (optimistic concurrency) and tells listeners; one command at a time per circle. Holds no
 * domain rules. The cache is checked against the store on every read (one indexed query for the
 * events after the cached version), so another server process's writes are never missed.
 */
export class CircleService {
  private readonly states = new Map<string, CircleState>();
  private readonly serial = new KeyedSerial();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly store: CircleStore,
    private readonly clock: () => number = Date.now,
  ) {}

  onEvents(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  now(): number {
    return this.clock();
  }

  /** CI1: a new circle with its first host. */
  async create(
    input: NewCircleInput,
  ): Promise<{ ok: true; state: CircleState; hostId: string } | { ok: false; error: ErrorBody }> {
    const circleId = newId();
    const hostId = newId();
    const now = this.clock();
    for (let attempt = 0; ; attempt++) {
      const code = await this.freeCode();
      const made = createCircle({
        circleId,
        code,
        title: input.title,
        timeZone: input.timeZone,
        hostId,
        hostName: input.hostName,
        now,
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.description ? { description: input.description } : {}),
      });
      if (!made.ok) return made;
      const expiry = circleExpiresAt(replayCircle(withCircleVersions(0, made.events)), now);
      try {
        const stored = await this.store.createCircle(circleId, code, made.events, expiry);
        const state = replayCircle(stored);
        this.states.set(circleId, state);
        return { ok: true, state, hostId };
      } catch (err) {
        // Another circle took the code between the look-up and the insert (UNIQUE): draw again.
        if (attempt >= 3 || (await this.store.circleIdForCode(code)) === null) throw err;
      }
    }
  }

  /** A code no circle has now; after 20 taken draws the store's uniqueness has the last word. */
  private async freeCode(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const code = newCircleCode();
      if (attempt >= 20 || !(await this.store.circleIdForCode(code))) return code;
    }
  }

  idForCode(code: string): Promise<string | null> {
    return this.store.circleIdForCode(code);
  }

  /** The current state (null: no such circle). */
  async get(circleId: string): Promise<CircleState | null> {
    return this.serial.run(circleId, () => this.load(circleId));
  }

  /** Runs a validated command: the server assigns ids, core decides, the store appends. */
  async execute(circleId: string, command: CircleCommand, actor: CircleActor): Promise<CircleResult> {
    const withIds = assignCircleIds(command, { member: newId, series: newSeriesId, board: newId });
    return this.serial.run(circleId, async () => {
      for (let attempt = 0; ; attempt++) {
        const state = await this.load(circleId);
        if (!state) return NO_CIRCLE;
        const decision = decideCircle(state, withIds, actor, this.clock());
        if (!decision.ok) return decision;
        if (decision.events.length === 0) return { ok: true, events: [], state, command: withIds };
        let stored: CircleEvent[];
        try {
          stored = await this.store.appendCircleEvents(circleId, state.version, decision.events);
        } catch (err) {
          // Another process appended first: decide again on fresh state.
          if (!(err instanceof VersionConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
          this.states.delete(circleId);
          continue;
        }
        const next = replayCircle(stored, state);
        this.states.set(circleId, next);
        for (const l of this.listeners) l(circleId, stored, next);
        return { ok: true, events: stored, state: next, command: withIds };
      }
    });
  }

  /**
   * Runs `work` in the circle's queue, after every command before it and before any after it: for
   * decisions with a side effect between deciding and recording (a meeting's session is made once,
   * CI16, even when many ask at once). No retry on a conflict with another process: it throws.
   */
  async serialised<T>(circleId: string, work: (turn: CircleTurn) => Promise<T>): Promise<T> {
    const record = async (events: NewCircleEvent[]) => {
      const state = await this.load(circleId);
      if (!state) throw new Error(`circle ${circleId} is gone`);
      const stored = await this.store.appendCircleEvents(circleId, state.version, events);
      const next = replayCircle(stored, state);
      this.states.set(circleId, next);
      for (const l of this.listeners) l(circleId, stored, next);
      return { state: next, events: stored };
    };
    return this.serial.run(circleId, () =>
      work({
        state: () => this.load(circleId),
        append: async (events) => (await record(events)).state,
        record,
      }),
    );
  }

  /** Deletes the circle through `erase` (the store's deletion) in its queue, and forgets it. */
  async remove(circleId: string, erase: () => Promise<boolean>): Promise<boolean> {
    return this.serial.run(circleId, async () => {
      const removed = await erase();
      this.states.delete(circleId);
      return removed;
    });
  }

  /**
   * The cached state brought up to date with the store (inside the circle's queue). It reads from
   * the cached version's own event on, so an empty answer means the circle is gone (deleted by
   * another process, or expired) — one query either way.
   */
  private async load(circleId: string): Promise<CircleState | null> {
    const cached = this.states.get(circleId);
    const from = cached ? cached.version - 1 : 0;
    const events = await this.store.loadCircleEvents(circleId, from);
    if (events.length === 0) {
      this.states.delete(circleId);
      return null;
    }
    const newer = cached ? events.filter((e) => e.v > cached.version) : events;
    if (cached && newer.length === 0) return cached;
    const state = replayCircle(newer, cached);
    this.states.set(circleId, state);
    return state;
  }
}
