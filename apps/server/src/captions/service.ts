import {
  type SessionState,
  captionScope,
  lineOrder,
  mayCaption,
  mayCorrect,
  sourceScopeNow,
  splitCaptionText,
} from '@kring/core';
import {
  type CaptionInput,
  type CaptionLine,
  type CaptionPartial,
  type CaptionScope,
  type CaptionUpdate,
  type ErrorBody,
  LIMITS,
} from '@kring/protocol';
import { newId } from '../ids';
import { KeyedSerial } from '../sessions/serial';
import type { CaptionStore } from '../store/store';

/** Where an update goes: one scope's screens (CA3), or every screen of the session (`null`). */
export type CaptionSink = (sessionId: string, scope: CaptionScope | null, update: CaptionUpdate) => void;

export type CaptionResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

const fail = (code: ErrorBody['code'], message: string): { ok: false; error: ErrorBody } => ({
  ok: false,
  error: { code, message },
});

/** A partial older than this is stale (its captioner went quiet or lost the line). */
const PARTIAL_TTL_MS = 15_000;
/**
 * At most one partial per person per this many ms reaches the screens; the latest text always
 * follows at the end of the gap. Whatever a client sends, 300 screens get at most ten a second.
 */
export const PARTIAL_GAP_MS = 100;

/**
 * Live captions: lines into the transcript and out to the screens of their scope, partials out only.
 * Domain rules come from core (CA1–CA8); this decides nothing of its own. One session's lines are
 * placed one at a time (their order depends on the lines before them).
 */
export class CaptionService {
  private readonly serial = new KeyedSerial();
  /** Per session, per person: what they are typing now. Never stored. */
  private readonly partials = new Map<
    string,
    Map<string, { partial: CaptionPartial; at: number; remote?: true }>
  >();
  private readonly sinks = new Set<CaptionSink>();
  /** Per `session/person`: when their last partial went out, and the one waiting for the gap to end. */
  private readonly sent = new Map<string, number>();
  private readonly waiting = new Map<
    string,
    { timer: ReturnType<typeof setTimeout>; partial: CaptionPartial }
  >();

  constructor(
    private readonly store: CaptionStore,
    private readonly clock: () => number = Date.now,
  ) {}

  onUpdate(sink: CaptionSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  private emit(sessionId: string, scope: CaptionScope | null, update: CaptionUpdate) {
    for (const sink of this.sinks) sink(sessionId, scope, update);
  }

  /** Sends a partial now, or (within PARTIAL_GAP_MS of the last) at the end of the gap, the latest only. */
  private sendPartial(sessionId: string, partial: CaptionPartial): void {
    const key = `${sessionId}/${partial.participantId}`;
    const waiting = this.waiting.get(key);
    if (waiting) {
      waiting.partial = partial;
      return;
    }
    const gap = PARTIAL_GAP_MS - (this.clock() - (this.sent.get(key) ?? Number.NEGATIVE_INFINITY));
    if (gap <= 0 || partial.text === '') {
      this.sent.set(key, this.clock());
      this.emit(sessionId, partial.scope, { kind: 'partial', partial });
      return;
    }
    const timer = setTimeout(() => {
      const latest = this.waiting.get(key)?.partial ?? partial;
      this.waiting.delete(key);
      this.sent.set(key, this.clock());
      this.emit(sessionId, latest.scope, { kind: 'partial', partial: latest });
    }, gap);
    timer.unref?.();
    this.waiting.set(key, { timer, partial });
  }

  /** A line or a clear replaces what was waiting to go out. */
  private cancelPartial(sessionId: string, participantId: string): void {
    const key = `${sessionId}/${participantId}`;
    const waiting = this.waiting.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.waiting.delete(key);
    this.sent.delete(key);
  }

  /** A captioner's console: a partial, a finished line or a correction (CA1, CA2, CA5). */
  async input(
    state: SessionState,
    participantId: string,
    input: CaptionInput,
  ): Promise<CaptionResult<CaptionLine | null>> {
    if (!mayCaption(state, participantId))
      return fail('forbidden', 'only captioners and facilitators caption');
    const sessionId = state.sessionId;
    const scope = captionScope(state, participantId);
    const speaker = 'speaker' in input ? input.speaker?.trim() || null : null;
    switch (input.kind) {
      case 'partial': {
        const partial: CaptionPartial = { scope, participantId, speaker, text: input.text };
        this.keepPartial(sessionId, partial);
        if (partial.text === '') this.cancelPartial(sessionId, participantId);
        this.sendPartial(sessionId, partial);
        return { ok: true, value: null };
      }
      case 'line': {
        // The line replaces what they were typing, on every screen (the `line` update says so).
        this.cancelPartial(sessionId, participantId);
        const placed = await this.place(
          sessionId,
          scope,
          { kind: 'person', participantId },
          null,
          (order, at) => ({
            id: newId(),
            scope,
            text: input.text,
            speaker,
            lang: input.lang ?? null,
            at,
            order,
            by: { kind: 'person', participantId },
            editedAt: null,
          }),
        );
        if (!placed.ok) return placed;
        this.partials.get(sessionId)?.delete(participantId);
        return { ok: true, value: placed.value };
      }
      case 'correct':
        return this.serial.run(sessionId, async () => {
          const line = await this.store.captionLine(sessionId, input.lineId);
          if (!line) return fail('not_found', 'no such caption line');
          const latest = await this.store.latestCaptionLineBy(sessionId, scope, participantId);
          if (!mayCorrect(state, participantId, line, latest)) {
            return fail('forbidden', 'you may correct only your own last line');
          }
          const at = this.clock();
          await this.store.correctCaptionLine(sessionId, line.id, input.text, at);
          const corrected: CaptionLine = { ...line, text: input.text, editedAt: at };
          this.emit(sessionId, line.scope, { kind: 'corrected', line: corrected });
          return { ok: true, value: corrected };
        });
    }
  }

  /**
   * A caption URL's post (CA2, CA4, CA8): one line, in the scope the URL is for. A repeated `seq`
   * is accepted and changes nothing (caption software retries every error).
   */
  async ingest(
    state: SessionState,
    sourceId: string,
    seq: number,
    lang: string | null,
    body: string,
  ): Promise<CaptionResult<{ line: CaptionLine | null; duplicate: boolean }>> {
    const source = state.captions.sources[sourceId];
    if (!source || source.revoked) return fail('unauthorized', 'this caption URL was revoked');
    const scope = sourceScopeNow(state, source.scope);
    if (scope === null) return fail('conflict', 'the room this caption URL is for is not open now');
    const text = splitCaptionText(body, LIMITS.captionLineMax).join('\n');
    // An empty post (a keep-alive) is fine and leaves nothing: no line, no `seq` to resume from.
    if (text === '') return { ok: true, value: { line: null, duplicate: false } };
    const sessionId = state.sessionId;
    const by = { kind: 'url' as const, sourceId, seq };
    const placed = await this.place(sessionId, scope, by, seq, (order, at) => ({
      id: newId(),
      scope,
      text,
      speaker: null,
      lang,
      at,
      order,
      by,
      editedAt: null,
    }));
    if (!placed.ok) return placed;
    return { ok: true, value: { line: placed.value, duplicate: placed.value === null } };
  }

  /** Orders, stores and sends one line (CA4). Null when the URL already sent this `seq`. */
  private place(
    sessionId: string,
    scope: CaptionScope,
    by: { kind: 'person'; participantId: string } | { kind: 'url'; sourceId: string },
    seq: number | null,
    make: (order: number, at: number) => CaptionLine,
  ): Promise<CaptionResult<CaptionLine | null>> {
    return this.serial.run(sessionId, async () => {
      const at = this.clock();
      const tail = await this.store.captionTail(sessionId);
      if (tail.count >= LIMITS.captionLinesMax) {
        return fail('too_large', `this session's transcript is full (${LIMITS.captionLinesMax} lines)`);
      }
      let laterOrder: number | null = null;
      if (by.kind === 'url' && seq !== null) {
        const place = await this.store.captionPlace(sessionId, by.sourceId, seq);
        if (place.duplicate) return { ok: true, value: null };
        laterOrder = place.laterOrder;
      }
      const line = make(lineOrder(at, laterOrder, tail.lastOrder), at);
      if (!(await this.store.addCaptionLine(sessionId, line))) return { ok: true, value: null };
      this.emit(sessionId, scope, { kind: 'line', line });
      return { ok: true, value: line };
    });
  }

  private keepPartial(sessionId: string, partial: CaptionPartial, remote = false): void {
    let session = this.partials.get(sessionId);
    if (!session) this.partials.set(sessionId, (session = new Map()));
    if (partial.text === '') session.delete(partial.participantId);
    else session.set(partial.participantId, { partial, at: this.clock(), ...(remote ? { remote } : {}) });
    if (session.size === 0) this.partials.delete(sessionId);
  }

  /**
   * Issue 17: an update another node sent out. Its partials are kept here too, so that a screen
   * that opens on this node (`recent`) shows what someone is typing on that one.
   */
  heardFromElsewhere(sessionId: string, update: CaptionUpdate): void {
    if (update.kind === 'partial') this.keepPartial(sessionId, update.partial, true);
    // A finished line replaces what its author was typing (as on the node they typed on).
    if (update.kind === 'line' && update.line.by.kind === 'person')
      this.partials.get(sessionId)?.delete(update.line.by.participantId);
  }

  /** CA3: the latest lines and the live partials of this person's scope now, oldest first. */
  async recent(
    state: SessionState,
    participantId: string,
    /** A projector's is the plenary, whoever opened it. */
    scope: CaptionScope = captionScope(state, participantId),
  ): Promise<{ scope: CaptionScope; lines: CaptionLine[]; partials: CaptionPartial[] }> {
    const lines = await this.store.captionLines(state.sessionId, {
      scope,
      latest: LIMITS.captionRecentLines,
    });
    const now = this.clock();
    const partials = [...(this.partials.get(state.sessionId)?.values() ?? [])]
      .filter((p) => p.partial.scope === scope && now - p.at < PARTIAL_TTL_MS)
      .map((p) => p.partial);
    return { scope, lines, partials };
  }

  /** Someone stopped captioning (left, lost their role): their partial goes from every screen. */
  dropPartial(sessionId: string, participantId: string): void {
    const held = this.partials.get(sessionId)?.get(participantId);
    if (!held) return;
    // Typed on another node: that node clears it on every screen; here the copy just goes.
    if (held.remote) return this.keepPartial(sessionId, { ...held.partial, text: '' }, true);
    const cleared = { ...held.partial, text: '' };
    this.keepPartial(sessionId, cleared);
    this.cancelPartial(sessionId, participantId);
    this.emit(sessionId, cleared.scope, { kind: 'partial', partial: cleared });
  }

  /** CA7: the whole transcript goes, from the file and from every screen. */
  async deleteTranscript(sessionId: string): Promise<number> {
    const removed = await this.serial.run(sessionId, () => this.store.deleteCaptionLines(sessionId));
    for (const participantId of this.partials.get(sessionId)?.keys() ?? [])
      this.cancelPartial(sessionId, participantId);
    this.partials.delete(sessionId);
    this.emit(sessionId, null, { kind: 'cleared' });
    return removed;
  }

  /** PR4: the session is gone: nothing of it stays in memory. */
  forget(sessionId: string): void {
    for (const participantId of this.partials.get(sessionId)?.keys() ?? [])
      this.cancelPartial(sessionId, participantId);
    this.partials.delete(sessionId);
  }

  lastSeq(sessionId: string, sourceId: string): Promise<number> {
    return this.store.lastCaptionSeq(sessionId, sourceId);
  }
}
