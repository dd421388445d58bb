import {
  boardAccess,
  captionScope,
  evolveCopy,
  isFacilitator,
  mayContribute,
  runsFloor,
  viewFor,
  VersionGapError,
  type BoardAccess,
} from '@kring/core';
import {
  EventBatch,
  PLENARY,
  PresenceUpdate,
  CONTROL_RECONNECT,
  PROTOCOL_VERSION,
  readSnapshot,
  readWelcome,
  SessionState,
  type CaptionAck,
  type CaptionInput,
  type CaptionScope,
  CaptionUpdate,
  type ClientToServerEvents,
  type Command,
  type CommandAck,
  type ErrorBody,
  type HandshakeAuth,
  type ParticipantState,
  type ServerToClientEvents,
  type SessionEvent,
  type SessionView,
  type WelcomeWire,
} from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { personName } from '$lib/names';
import {
  loadOwnerSecrets,
  newOwnerSecret,
  ownerKeyOf,
  saveOwnerSecret,
  withOwnQuestions,
} from '$lib/qa/owner-keys';
import { CaptionFeed } from '../captions/feed.svelte';
import { ClockOffset } from '../clock';
import { io, type Socket } from 'socket.io-client';
import { SvelteSet } from 'svelte/reactivity';

type KringSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** connecting: first attempt; reconnecting: had a session view and lost the line; refused: the server said no. */
export type ControlStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface Refusal {
  code: string;
  message: string;
}

const ACK_TIMEOUT_MS = 8000;
const SNAPSHOT_RETRY_MS = 2000;
/**
 * How long a command waits for the line to come back before it is refused. A phone that drops its
 * connection for a moment (or a busy laptop) keeps the click instead of answering "not connected".
 */
const RECONNECT_WAIT_MS = 10_000;
/** Said when a command could not be sent (in the page's language at that moment). */
const notConnected = (): { ok: false; error: ErrorBody } => ({
  ok: false,
  error: { code: 'internal', message: m.app_session_not_connected() },
});

const REFUSAL_MESSAGES: Partial<Record<string, () => string>> = {
  unauthorized: m.app_refused_unauthorized,
  protocol_mismatch: m.app_refused_protocol_mismatch,
  not_found: m.app_refused_not_found,
  forbidden: m.app_refused_forbidden,
  signed_out: m.app_refused_signed_out,
  rate_limited: m.app_refused_rate_limited,
};

/** Why this device is not in the session, in the page's language (call it where it is shown). */
export function describeRefusal(code: string): string {
  return REFUSAL_MESSAGES[code]?.() ?? m.app_refused_unknown({ code });
}

export interface SessionClientOptions {
  /** Polite announcements (joins, leaves, lock changes) for the page's live region. */
  announce?: (text: string) => void;
  /** Socket.io URL; defaults to the page's own origin. */
  url?: string;
  /** A shared screen: the projector shows the plenary's captions wherever its person is. */
  screen?: 'projector';
}

/**
 * The session as this browser sees it: owns the socket.io connection, keeps the `SessionView` up to
 * date by applying server events with the same reducer the server uses, and tracks presence.
 */
/** Up to this many people coming or going together are named; more are counted. */
const PRESENCE_NAMES_MAX = 3;

export class SessionClient {
  /** This person's cut of the session state (the server redacts it); events keep it current. */
  state = $state.raw<SessionState | null>(null);
  you = $state<string | null>(null);
  /**
   * This device's secrets of its anonymous questions (Q10: owner key → secret), for the session it
   * holds; loaded with the first state, added to as it asks.
   */
  ownerSecrets = $state<Record<string, string>>({});
  /** What the screens read: the state as this person may see it (its own anonymous questions marked). */
  view = $derived.by<SessionView | null>(() => {
    if (!this.state || !this.you) return null;
    const view = viewFor(this.state, this.you);
    return { ...view, questions: withOwnQuestions(view.questions, this.ownerSecrets) };
  });
  /** Milliseconds to add to Date.now() for server time (timers show the same time everywhere). */
  clockOffsetMs = $state(0);
  readonly #clock = new ClockOffset();
  /** Who is connected right now (reactive; mutated in place). */
  readonly online = new SvelteSet<string>();
  status = $state<ControlStatus>('connecting');
  refusal = $state<Refusal | null>(null);
  /** The captions of this person's scope (CA3), kept current from the server's pushes. */
  readonly captions = new CaptionFeed();

  me = $derived<ParticipantState | null>((this.you && this.view?.participants[this.you]) || null);
  facilitator = $derived(this.me ? isFacilitator(this.me.role) : false);
  participants = $derived<ParticipantState[]>(
    this.view
      ? Object.values(this.view.participants).sort(
          (a, b) => a.joinedAt - b.joinedAt || a.displayName.localeCompare(b.displayName),
        )
      : [],
  );

  readonly #token: string;
  readonly #announce: (text: string) => void;
  readonly #url: string | undefined;
  readonly #screen: 'projector' | undefined;
  #socket: KringSocket | null = null;
  #snapshotInFlight = false;
  /** Live batches that arrived, back after a drop, before the welcome; applied after it. */
  #catchingUp: unknown[] | null = null;
  #snapshotRetry: ReturnType<typeof setTimeout> | undefined;
  /** Asks for a snapshot when a connection's welcome does not come. */
  #welcomeWait: ReturnType<typeof setTimeout> | undefined;
  /** Commands waiting for the connection (see RECONNECT_WAIT_MS): told true on connect, false on refusal. */
  #connectWaiters: ((connected: boolean) => void)[] = [];
  /** Presence changes for people whose `participant.joined` event has not arrived yet. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- private bookkeeping, never rendered
  #pendingPresence = new Map<string, boolean>();
  /** Extra listeners for caption pushes (the feed is always fed first). */
  #captionListeners: ((update: CaptionUpdate) => void)[] = [];
  /** The scope the last `captions` question was for (null: ask on the next state). */
  #captionsAskedFor: CaptionScope | null = null;

  constructor(token: string, options: SessionClientOptions = {}) {
    this.#token = token;
    this.#announce = options.announce ?? (() => {});
    this.#url = options.url;
    this.#screen = options.screen;
  }

  /**
   * Q10: a new owner key for an anonymous question, its secret kept on this device first (null
   * when the browser cannot hash: the question is asked without one).
   */
  async newOwnerKey(): Promise<string | null> {
    const sessionId = this.state?.sessionId;
    const secret = newOwnerSecret();
    const key = await ownerKeyOf(secret);
    if (!sessionId || !key) return null;
    saveOwnerSecret(sessionId, key, secret);
    this.ownerSecrets = { ...this.ownerSecrets, [key]: secret };
    return key;
  }

  /** Q10: the secret behind an owner key, when this device asked that question. */
  ownerSecretFor(key: string | null): string | null {
    return key === null ? null : (this.ownerSecrets[key] ?? null);
  }

  /** What this person may do on a board right now (server-enforced; the UI only mirrors it). */
  accessTo(boardId: string): BoardAccess {
    return this.state && this.you ? boardAccess(this.state, this.you, boardId) : 'none';
  }

  /** Whether this person may add notes and react on a board now (BD6, BR12 for room boards). */
  mayContributeTo(boardId: string): boolean {
    return this.state && this.you ? mayContribute(this.state, this.you, boardId) : false;
  }

  /** Whether this person runs a floor: the plenary's (facilitators) or a room's (BR15). */
  runsFloor(scope: string): boolean {
    return this.state && this.you ? runsFloor(this.state, this.you, scope) : false;
  }

  /**
   * Opens with the state a join's answer carried (`JoinStart`, issue 14), before connecting: the
   * screens draw it at once, and the socket then names its version (`since`), so its welcome brings
   * only what came after. Checked as a snapshot is; false (and nothing held) when it does not read.
   * The status stays `connecting` until the welcome: commands wait for the connection as ever.
   */
  seed(start: { state: unknown; online: string[] }, you: string): boolean {
    if (this.#socket || this.state) return false;
    const state = SessionState.safeParse(start.state);
    if (!state.success) return false;
    this.you = you;
    this.ownerSecrets = loadOwnerSecrets(state.data.sessionId);
    this.state = state.data;
    this.#setOnline(start.online);
    return true;
  }

  connect(): void {
    if (this.#socket) return;
    const opts = {
      path: '/socket.io',
      // WebSocket first, long-polling only where a WebSocket cannot open (issue 14: polling then
      // upgrading costs a phone at 400 ms round trip four more of them before the first state;
      // issue 17: no sticky sessions needed behind a load balancer).
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      // Back soon after a server restart, with jitter (issue 14); the restart benchmark uses the same.
      ...CONTROL_RECONNECT,
      // Read on every (re)connect: back after a drop, the version held, so the welcome brings
      // only what was missed (issue 14: people once, then deltas).
      auth: (send: (auth: HandshakeAuth) => void) =>
        send({
          token: this.#token,
          protocolVersion: PROTOCOL_VERSION,
          ...(this.#screen ? { screen: this.#screen } : {}),
          ...(this.state && this.you ? { since: this.state.version } : {}),
        }),
    };
    const socket: KringSocket = this.#url ? io(this.#url, opts) : io(opts);
    this.#socket = socket;

    socket.on('connect', () => {
      this.refusal = null;
      this.#wakeWaiters(true);
      // The server sends the state unasked (`welcome`); live batches before it are in it.
      this.#catchingUp = this.state && this.you ? [] : null;
      clearTimeout(this.#welcomeWait);
      this.#welcomeWait = setTimeout(() => {
        this.#catchingUp = null;
        this.#requestSnapshot();
      }, ACK_TIMEOUT_MS);
      this.#sampleClock(3);
    });
    socket.on('welcome', (wire) => this.#welcome(socket, wire));

    socket.on('disconnect', (reason) => {
      if (this.status === 'refused') return; // the server said no: nothing to reconnect to
      this.status = this.view ? 'reconnecting' : 'connecting';
      // The server ended the connection on purpose; try once more (a refusal then arrives as connect_error).
      if (reason === 'io server disconnect') socket.connect();
    });

    socket.on('connect_error', (err) => {
      // A refusal by the server's handshake middleware stops socket.io's own retries (`active` is false).
      if (!socket.active || err.message === 'unauthorized' || err.message === 'protocol_mismatch') {
        // J5: a token refused because its person was signed out says so.
        const data = (err as Error & { data?: { message?: unknown } }).data;
        this.#refuse(
          err.message === 'unauthorized' && data?.message === 'signed out' ? 'signed_out' : err.message,
        );
        socket.disconnect();
      } else {
        this.status = this.view ? 'reconnecting' : 'connecting';
      }
    });

    socket.on('events', (batch) => {
      // While catching up, live batches wait for the answer they come after.
      if (this.#catchingUp) this.#catchingUp.push(batch);
      else this.#applyEvents(batch);
    });
    socket.on('presence', (change) => this.#applyPresence(change));
    socket.on('caption', (raw) => {
      const update = CaptionUpdate.safeParse(raw);
      if (!update.success) return; // a shape this page does not know: the next fetch catches up
      this.captions.apply(update.data);
      for (const listener of this.#captionListeners) listener(update.data);
    });
  }

  /** Hears every caption push for this person's scope; returns the way to stop. */
  onCaption(listener: (update: CaptionUpdate) => void): () => void {
    this.#captionListeners.push(listener);
    return () => {
      this.#captionListeners = this.#captionListeners.filter((l) => l !== listener);
    };
  }

  /**
   * Sends a caption (a partial, a line or a correction); resolves with the server's answer. A
   * partial is dropped at once while offline (the next keystroke sends a fresh one); a line waits
   * for the connection like a command.
   */
  async sendCaption(input: CaptionInput): Promise<CaptionAck> {
    const socket = this.#socket;
    if (!socket || this.status === 'refused') return notConnected();
    if (!socket.connected) {
      if (input.kind === 'partial' || !(await this.#waitForConnection())) return notConnected();
    }
    if (this.#socket !== socket) return notConnected();
    try {
      return await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('caption', input);
    } catch {
      return { ok: false, error: { code: 'internal', message: m.app_session_no_answer() } };
    }
  }

  /** Asks for the latest captions of this person's scope and loads them into the feed. */
  async fetchCaptions(): Promise<void> {
    const socket = this.#socket;
    if (!socket?.connected) return;
    try {
      const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('captions');
      if (this.#socket !== socket) return;
      if (res.ok) this.captions.load(res.scope, { lines: res.lines, partials: res.partials });
      else this.#captionsAskedFor = null; // asked again with the next state
    } catch {
      this.#captionsAskedFor = null;
    }
  }

  /** CA2: a new scope (a room opened, a visit, back in the plenary) brings that scope's captions. */
  #followCaptionScope(force = false): void {
    if (!this.state || !this.you) return;
    // The server answers a projector with the plenary's captions (HandshakeAuth.screen).
    const scope = this.#screen === 'projector' ? PLENARY : captionScope(this.state, this.you);
    if (!force && scope === this.#captionsAskedFor) return;
    this.#captionsAskedFor = scope;
    this.captions.moveTo(scope);
    void this.fetchCaptions();
  }

  close(): void {
    clearTimeout(this.#snapshotRetry);
    clearTimeout(this.#welcomeWait);
    this.#wakeWaiters(false);
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Sends `board.setLock`; resolves with the server's answer (or a local error when it never came). */
  setBoardLock(boardId: string, locked: boolean): Promise<CommandAck> {
    return this.send({ type: 'board.setLock', boardId, locked });
  }

  /** Sends any command; resolves with the server's answer (or a local error when it never came). */
  async send(command: Command): Promise<CommandAck> {
    const socket = this.#socket;
    if (!socket || this.status === 'refused') return notConnected();
    // Not sent yet, so waiting for the line to come back cannot make it run twice.
    if (!socket.connected && !(await this.#waitForConnection())) return notConnected();
    if (this.#socket !== socket) return notConnected();
    const sentAt = Date.now();
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
      if (ack.ok) this.#addClockSample(sentAt, ack.serverTime);
      return ack;
    } catch {
      return { ok: false, error: { code: 'internal', message: m.app_session_no_answer() } };
    }
  }

  /** Server time now, as well as this browser can tell. */
  serverNow(): number {
    return Date.now() + this.clockOffsetMs;
  }

  #sampleClock(times: number): void {
    const socket = this.#socket;
    if (!socket?.connected || times <= 0) return;
    const sentAt = Date.now();
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('clock')
      .then((res) => {
        this.#addClockSample(sentAt, res.serverTime);
        this.#sampleClock(times - 1);
      })
      .catch(() => {});
  }

  #addClockSample(sentAt: number, serverTime: number): void {
    this.#clock.add({ sentAt, receivedAt: Date.now(), serverTime });
    this.clockOffsetMs = this.#clock.offsetMs;
  }

  #waitForConnection(): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (connected: boolean) => {
        clearTimeout(timer);
        this.#connectWaiters = this.#connectWaiters.filter((w) => w !== done);
        resolve(connected);
      };
      const timer = setTimeout(() => done(false), RECONNECT_WAIT_MS);
      this.#connectWaiters.push(done);
    });
  }

  #wakeWaiters(connected: boolean): void {
    for (const done of [...this.#connectWaiters]) done(connected);
  }

  #refuse(code: string): void {
    this.#wakeWaiters(false);
    this.status = 'refused';
    this.refusal = { code, message: describeRefusal(code) };
  }

  #requestSnapshot(): void {
    const socket = this.#socket;
    if (!socket?.connected || this.#snapshotInFlight) return;
    this.#snapshotInFlight = true;
    clearTimeout(this.#snapshotRetry);
    const sentAt = Date.now();
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('snapshot')
      .then((wire) => {
        const res = readSnapshot(wire);
        if (!res.ok) return this.#snapshotFailed(res.error);
        if (this.#socket !== socket) return;
        this.#addClockSample(sentAt, res.serverTime);
        this.#takeSnapshot(res.state, res.you, res.online);
      })
      .catch(() => this.#snapshotFailed({ code: 'internal', message: 'snapshot timed out' }))
      .finally(() => {
        this.#snapshotInFlight = false;
      });
  }

  /** A connection's first word: the whole state, or what was missed since the version held. */
  #welcome(socket: KringSocket, wire: WelcomeWire): void {
    if (this.#socket !== socket) return;
    clearTimeout(this.#welcomeWait);
    const waiting = this.#catchingUp ?? [];
    this.#catchingUp = null;
    const welcome = readWelcome(wire);
    if (!welcome.ok) return this.#snapshotFailed(welcome.error);
    if (welcome.kind === 'snapshot') {
      this.#takeSnapshot(welcome.state, welcome.you, welcome.online);
    } else {
      this.#setOnline(welcome.online);
      this.status = 'connected';
      // Through the same path as live events: checked, cut again, a gap or V6 asks a snapshot.
      this.#applyEvents({ events: welcome.events });
      this.#followCaptionScope(true);
    }
    // Already held ones are skipped: a batch sent before the welcome is in it.
    for (const batch of waiting) this.#applyEvents(batch);
  }

  #takeSnapshot(raw: unknown, you: string, online: string[]): void {
    const state = SessionState.safeParse(raw);
    if (!state.success) return this.#snapshotFailed({ code: 'internal', message: 'unexpected snapshot' });
    this.you = you;
    if (this.state?.sessionId !== state.data.sessionId) {
      this.ownerSecrets = loadOwnerSecrets(state.data.sessionId);
    }
    this.state = state.data;
    this.#setOnline(online);
    this.status = 'connected';
    // Connected or back: what was said meanwhile is in the answer.
    this.#followCaptionScope(true);
  }

  #setOnline(online: string[]): void {
    this.online.clear();
    for (const id of online) this.online.add(id);
    this.#pendingPresence.clear();
  }

  #snapshotFailed(error: ErrorBody): void {
    if (error.code === 'unauthorized' || error.code === 'not_found' || error.code === 'forbidden') {
      this.#refuse(error.code);
      this.#socket?.disconnect();
      return;
    }
    clearTimeout(this.#snapshotRetry);
    this.#snapshotRetry = setTimeout(() => this.#requestSnapshot(), SNAPSHOT_RETRY_MS);
  }

  #applyEvents(raw: unknown): void {
    const current = this.state;
    const you = this.you;
    if (!current || !you) return; // the snapshot on its way already includes these
    const batch = EventBatch.safeParse(raw);
    if (!batch.success) return this.#requestSnapshot();
    let state = current;
    for (const event of batch.data.events) {
      if (event.v <= state.version) continue; // already in the snapshot
      let step: ReturnType<typeof evolveCopy>;
      try {
        // V5': the copy stays cut for this person: each event is applied, then the copy is cut
        // again (access to a room may have shrunk: moved out, the gallery closed; BR18).
        step = evolveCopy(state, event, you);
      } catch (err) {
        if (!(err instanceof VersionGapError)) throw err;
        this.state = state;
        return this.#requestSnapshot();
      }
      // V6: what events cannot carry (a role across the facilitator line, a room that became
      // readable: its floor and board were never sent here) comes with a fresh snapshot.
      if (step.snapshot) {
        this.state = step.state;
        return this.#requestSnapshot();
      }
      state = step.state;
      this.#describe(event, state);
      // J5: signed out with everyone else; the server cuts this connection right after telling it.
      if (event.type === 'session.signedOut' && event.participantIds.includes(you)) {
        this.state = state;
        this.#refuse('signed_out');
        this.#socket?.disconnect();
        return;
      }
    }
    this.state = state;
    this.#followCaptionScope();
  }

  /** Announces what others did that changes what this person sees or may do. */
  #describe(event: SessionEvent, state: SessionState): void {
    if (event.type === 'board.lockChanged') {
      const board = state.boards.find((b) => b.id === event.boardId);
      const title = board && state.boards.length > 1 ? board.title : null;
      this.#announce(
        event.locked
          ? title === null
            ? m.app_session_board_locked()
            : m.app_session_board_locked_named({ title })
          : title === null
            ? m.app_session_board_open_again()
            : m.app_session_board_open_again_named({ title }),
      );
    } else if (event.type === 'participant.joined') {
      const pending = this.#pendingPresence.get(event.participantId);
      if (pending !== undefined) {
        this.#pendingPresence.delete(event.participantId);
        this.#announcePresence(personName(event), pending);
      }
    }
  }

  #applyPresence(raw: unknown): void {
    const update = PresenceUpdate.safeParse(raw);
    if (!update.success || !this.view) return;
    this.#followPresence(update.data.online, true);
    this.#followPresence(update.data.offline, false);
  }

  /**
   * Marks people as here or gone and says so: by name for a few; as a number when many came or
   * went together (a screen reader reading three hundred names helps nobody).
   */
  #followPresence(ids: readonly string[], online: boolean): void {
    const changed = ids.filter((id) => this.online.has(id) !== online);
    for (const id of changed) {
      if (online) this.online.add(id);
      else this.online.delete(id);
    }
    const others = changed.filter((id) => id !== this.you);
    if (others.length > PRESENCE_NAMES_MAX) {
      const count = others.length;
      this.#announce(
        online ? m.people_announce_many_here({ count }) : m.people_announce_many_left({ count }),
      );
      return;
    }
    for (const id of others) {
      const who = this.view?.participants[id];
      if (who) this.#announcePresence(personName(who), online);
      else this.#pendingPresence.set(id, online);
    }
  }

  #announcePresence(name: string, online: boolean): void {
    this.#announce(online ? m.people_announce_here({ name }) : m.people_announce_left({ name }));
  }
}
