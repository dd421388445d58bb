import type { Tally } from '@kring/protocol';
import { floorTakers, nameOf, type People } from './people';

export interface BalanceRow {
  participantId: string;
  name: string;
  turns: number;
  speakingMs: number;
}

/**
 * B1/B3: speaking balance per person, for the facilitators' table. Everyone who takes the floor is
 * listed (no turns yet is exactly what the table is for), in join order; people who spoke and
 * have since left follow.
 */
export function balanceRows(balance: Readonly<Record<string, Tally>>, people: People): BalanceRow[] {
  const row = (participantId: string): BalanceRow => ({
    participantId,
    name: nameOf(people, participantId),
    turns: balance[participantId]?.turns ?? 0,
    speakingMs: balance[participantId]?.speakingMs ?? 0,
  });
  const takers = floorTakers(people).map((p) => p.id);
  const listed = new Set(takers);
  const others = Object.keys(balance)
    .filter((id) => !listed.has(id))
    .sort();
  return [...takers, ...others].map(row);
}

/** The share of all speaking time, as a whole percentage (0 when nobody spoke yet). */
export function sharePercent(row: BalanceRow, rows: readonly BalanceRow[]): number {
  const total = rows.reduce((sum, r) => sum + r.speakingMs, 0);
  return total > 0 ? Math.round((row.speakingMs / total) * 100) : 0;
}
