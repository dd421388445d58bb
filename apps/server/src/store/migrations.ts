/**
 * Versioned schema migrations; each entry runs once, in order, inside a transaction, with foreign
 * keys off and checked before it commits (SQLite's way to rebuild a table, migration 8).
 * Never edit a shipped migration: add the next one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE session_events (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (session_id, version)
  ) WITHOUT ROWID;
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    joined_at INTEGER NOT NULL
  );
  CREATE INDEX participants_session ON participants(session_id);
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE
  );
  CREATE INDEX boards_session ON boards(session_id);
  CREATE TABLE board_updates (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    update_bytes BLOB NOT NULL
  );
  CREATE INDEX board_updates_board ON board_updates(board_id, seq);
  `,
  // 2: several documents per board — the board itself (doc '') and each person's drafts
  // ('drafts/<participantId>'), kept in the same log so they live and die with the board.
  `
  ALTER TABLE board_updates ADD COLUMN doc TEXT NOT NULL DEFAULT '';
  CREATE INDEX board_updates_doc ON board_updates(board_id, doc, seq);
  `,
  // 3: breakout rooms' boards (BR1) in the board lookup, for rooms created before it kept them.
  `
  INSERT OR IGNORE INTO boards (id, session_id)
  SELECT json_extract(room.value, '$.boardId'), e.session_id
  FROM session_events e, json_each(json_extract(e.body, '$.rooms')) room
  WHERE json_extract(e.body, '$.type') = 'breakout.created';
  `,
  // 4: the caption transcript (issue 12). Lines are not session events: a whole transcript can be
  // deleted (secure_delete zeroes its pages) without touching the event log. A caption URL's `seq`
  // is unique per URL, so a retried post is stored once (CA4).
  `
  CREATE TABLE caption_lines (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    ord REAL NOT NULL,
    at INTEGER NOT NULL,
    author_kind TEXT NOT NULL,
    author TEXT NOT NULL,
    seq INTEGER,
    lang TEXT,
    speaker TEXT,
    text TEXT NOT NULL,
    edited_at INTEGER
  );
  CREATE INDEX caption_lines_order ON caption_lines(session_id, scope, ord);
  CREATE UNIQUE INDEX caption_lines_seq ON caption_lines(session_id, author, seq) WHERE seq IS NOT NULL;
  `,
  // 5: when each session is deleted (core PR3), kept current by the server after every batch.
  // Sessions from before get the default: 30 days after 30 idle days from their last event.
  `
  ALTER TABLE sessions ADD COLUMN expires_at INTEGER;
  UPDATE sessions SET expires_at = 5184000000 + COALESCE(
    (SELECT MAX(json_extract(e.body, '$.at')) FROM session_events e WHERE e.session_id = sessions.id),
    created_at
  );
  CREATE INDEX sessions_expiry ON sessions(expires_at);
  `,
  // 6: circles (issue 16), their own event-sourced records beside sessions, found by their public
  // code; deleting a circle takes its events with it (secure_delete zeroes their pages).
  `
  CREATE TABLE circles (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX circles_expiry ON circles(expires_at);
  CREATE TABLE circle_events (
    circle_id TEXT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (circle_id, version)
  ) WITHOUT ROWID;
  `,
  // 7: registrations for meetings (issue 16, CI21–CI25), kept apart from the circle's event log
  // (like caption lines) so a registration — name and e-mail address — can be deleted whole;
  // they go with their circle (ON DELETE CASCADE). `rowid` keeps the order people came in.
  `
  CREATE TABLE circle_registrations (
    id TEXT PRIMARY KEY,
    circle_id TEXT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
    series_id TEXT NOT NULL,
    meeting_key TEXT NOT NULL,
    display_name TEXT NOT NULL,
    email TEXT,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    participant_id TEXT
  );
  CREATE INDEX circle_registrations_meeting ON circle_registrations(circle_id, series_id, meeting_key);
  `,
  // 8: a board belongs to a session or to a circle (CI26: a circle's lasting boards outlive its
  // meetings' sessions and go with the circle); a participant is keyed within their session
  // (CI17: a circle member is the same participant in every meeting). SQLite cannot change a
  // column's constraints, so both tables are rebuilt; board_updates keeps pointing at `boards`.
  // Kept meeting harvests (CI28) get a table of their own, deleted whole, gone with the circle.
  `
  CREATE TABLE boards_next (
    id TEXT PRIMARY KEY,
    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
    circle_id TEXT REFERENCES circles(id) ON DELETE CASCADE,
    CHECK ((session_id IS NULL) <> (circle_id IS NULL))
  );
  INSERT INTO boards_next (id, session_id) SELECT id, session_id FROM boards;
  DROP TABLE boards;
  ALTER TABLE boards_next RENAME TO boards;
  CREATE INDEX boards_session ON boards(session_id);
  CREATE INDEX boards_circle ON boards(circle_id);

  CREATE TABLE participants_next (
    id TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, id)
  ) WITHOUT ROWID;
  INSERT INTO participants_next SELECT id, session_id, display_name, role, joined_at FROM participants;
  DROP TABLE participants;
  ALTER TABLE participants_next RENAME TO participants;

  CREATE TABLE circle_harvests (
    id TEXT PRIMARY KEY,
    circle_id TEXT NOT NULL REFERENCES circles(id) ON DELETE CASCADE,
    series_id TEXT NOT NULL,
    meeting_key TEXT NOT NULL,
    title TEXT NOT NULL,
    markdown TEXT NOT NULL,
    kept_at INTEGER NOT NULL,
    UNIQUE (circle_id, series_id, meeting_key)
  );
  `,
];
