/**
 * Every rate limit and per-session cap of the server, in one place. Each is a fixed window:
 * at most `points` in `seconds`, counted from the first one. The numbers are chosen so that real
 * use never meets them (the comment says which real use each one allows) while a script that
 * floods meets them within a fraction of a second.
 */
export interface Rule {
  points: number;
  seconds: number;
}

export const LIMIT_TABLE = {
  // socket.io control plane

  /**
   * Commands per person, all their tabs together. 100 in 10 s: a facilitator clicking as fast as a
   * hand can (ten a second) for ten seconds, or someone spending twenty dot votes in one burst. A
   * burst costs nobody else much: each person's commands take turns in the session queue.
   */
  commandsPerParticipant: { points: 100, seconds: 10 },
  /**
   * `snapshot` and `clock` per person. A page load asks one snapshot and three clock samples, a
   * reconnect the same again, a breakout step one snapshot more: 30 in 10 s is five page loads.
   */
  readsPerParticipant: { points: 30, seconds: 10 },
  /**
   * Refused messages on one socket before it is disconnected. A person only gets here by sending
   * over 100 commands within seconds; the web client sends nothing more after a refusal.
   */
  refusalsPerSocket: { points: 20, seconds: 10 },
  /**
   * After being disconnected for flooding, that person's handshakes are refused for this long
   * (their reconnect loop then costs a token check, nothing more).
   */
  floodCooldown: { points: 1, seconds: 30 },
  /**
   * socket.io handshakes per address. 1000 a minute: 300 people behind one venue's NAT address
   * connecting within a minute, all of them reconnecting at once after a server restart, and
   * a second tab each.
   */
  handshakesPerAddress: { points: 1000, seconds: 60 },
  /**
   * Caption partials, lines and corrections per person. 300 in 10 s: the console sends what is
   * being typed at most ten times a second, plus a line a second (110 in 10 s), in up to two tabs.
   */
  captionsPerParticipant: { points: 300, seconds: 10 },

  // Board sync (y-websocket)

  /**
   * Messages (updates, sync, awareness) per board connection. 100 in 10 s: someone saving, moving
   * and grouping notes ten times a second for ten seconds (the web app writes on save, not per
   * keystroke); a reconnect costs 2–3 messages, and what was written offline goes as one.
   */
  boardMessagesPerConnection: { points: 100, seconds: 10 },
  /** The same per person, over all their board, draft and moderation connections and tabs: two such. */
  boardMessagesPerParticipant: { points: 200, seconds: 10 },
  /**
   * Board connections opened per address. 2000 a minute: 300 people behind one NAT address, each
   * with a board, drafts and a second tab, all reconnecting at once after a restart.
   */
  boardUpgradesPerAddress: { points: 2000, seconds: 60 },

  // HTTP API

  /**
   * Sessions created per address. 60 in 10 minutes: a trainer preparing a week of sessions, or a
   * school's computer room where thirty facilitators each start two.
   */
  sessionCreationsPerAddress: { points: 60, seconds: 600 },
  /**
   * Joins per address. 400 in 10 minutes: 300 people joining within one minute from a venue's NAT
   * address, and a hundred of them joining again on a second device or after clearing their browser.
   */
  joinsPerAddress: { points: 400, seconds: 600 },
  /** Joins per session. 600 in 10 minutes: two such venues in one session. */
  joinsPerSession: { points: 600, seconds: 600 },
  /**
   * Join-code look-ups that find no session, per address. 100 in 10 minutes: 300 people typing a
   * code at one venue and one in three mistyping it once. That is 14,400 guesses a day per address
   * against 2^30 codes: with 1000 live sessions, one hit per address every ~75 days.
   */
  lookupMissesPerAddress: { points: 100, seconds: 600 },
  /**
   * Exports per person. 60 in 10 minutes: a facilitator harvesting ten boards in three formats
   * and the whole session twice.
   */
  exportsPerParticipant: { points: 60, seconds: 600 },
  /**
   * Posts per caption URL. 100 in 10 s: caption software posts a phrase every half second at most
   * and retries each failed post (40 in 10 s), with room for the burst after a dropped connection.
   */
  captionPostsPerSource: { points: 100, seconds: 10 },
  /**
   * Circle event pages, calendar files and visitors opening a live meeting, per address (no token:
   * they are public or link-only). 1200 in 10 minutes: 300 people behind one venue's address
   * opening the event page, taking the meeting's .ics and coming back twice, plus calendar apps that
   * refresh every hour.
   */
  circleReadsPerAddress: { points: 1200, seconds: 600 },

  // Per session

  /**
   * Events one session stores per minute, everyone together (a cap on how fast its log can grow).
   * 3000 a minute: 300 people each casting five dot votes and reacting to five notes in the same
   * minute, while the facilitator runs the agenda.
   */
  eventsPerSession: { points: 3000, seconds: 60 },
} as const satisfies Record<string, Rule>;

export type LimitName = keyof typeof LIMIT_TABLE;
export type LimitTable = Record<LimitName, Rule>;
