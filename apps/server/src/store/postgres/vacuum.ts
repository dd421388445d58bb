import type { Sql } from 'postgres';

/** The tables whose rows carry people's words or names; the only ones ever vacuumed. */
export type WordTable =
  | 'sessions'
  | 'session_events'
  | 'participants'
  | 'boards'
  | 'board_updates'
  | 'caption_lines'
  | 'circles'
  | 'circle_events'
  | 'circle_registrations'
  | 'circle_harvests';

/** Everything a session's deletion takes with it (foreign keys cascade). */
export const SESSION_TABLES: readonly WordTable[] = [
  'sessions',
  'session_events',
  'participants',
  'boards',
  'board_updates',
  'caption_lines',
];
/** Everything a circle's deletion takes with it. */
export const CIRCLE_TABLES: readonly WordTable[] = [
  'circles',
  'circle_events',
  'circle_registrations',
  'circle_harvests',
  'boards',
  'board_updates',
];

/** At most one VACUUM in this long, as SQLite's erasure checkpoint. */
export const VACUUM_WITHIN_MS = 30_000;

/**
 * PR4/PR6 on PostgreSQL: a DELETE or UPDATE leaves the old row version (a dead tuple, words and
 * all) in the table's pages until VACUUM reclaims it. This schedules a plain VACUUM of the tables
 * that lost words, outside any transaction (VACUUM cannot run in one), coalesced: the first touch
 * starts the clock, later touches join that run.
 *
 * What that gives: dead tuples that no open transaction can still see are pruned from the heap
 * pages (and their TOAST), their index entries removed and their space handed back for reuse. What
 * it does not: it does not zero the freed bytes (they stay in the data files until new rows reuse
 * the space); a long transaction holding an older snapshot keeps its tuples until the next VACUUM
 * after it; and copies outside the tables are untouched — WAL segments until they are recycled,
 * replicas, backups and archives.
 */
export class VacuumSoon {
  private readonly pending = new Set<WordTable>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: Sql,
    private readonly withinMs = VACUUM_WITHIN_MS,
  ) {}

  /** These tables lost words: a VACUUM follows within `withinMs`. */
  touch(tables: readonly WordTable[]): void {
    for (const t of tables) this.pending.add(t);
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now();
    }, this.withinMs);
    this.timer.unref();
  }

  /** Vacuums what is pending now (at close, so a stop does not skip it); one run at a time. */
  now(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.running.then(() => this.run());
    return this.running;
  }

  private async run(): Promise<void> {
    const tables = [...this.pending];
    this.pending.clear();
    if (tables.length === 0) return;
    try {
      // The names come from the `WordTable` union above, never from input.
      await this.sql.unsafe(`VACUUM ${tables.join(', ')}`).simple();
    } catch {
      // Most likely the server is going away; the next touch or close tries these again.
      for (const t of tables) this.pending.add(t);
    }
  }
}
