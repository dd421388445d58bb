import { SIGNALS, type Signal, type SignalState } from '@kring/protocol';
import { nameOf, type People } from './people';

export interface SignalRow {
  participantId: string;
  name: string;
  signal: Signal;
  since: number;
}

/** SG1/SG2: the signals people sent, for facilitators, oldest first (who has waited longest). */
export function signalRows(signals: Readonly<Record<string, SignalState>>, people: People): SignalRow[] {
  const rows: SignalRow[] = [];
  for (const [participantId, state] of Object.entries(signals)) {
    if (people[participantId]?.removed) continue;
    for (const signal of SIGNALS) {
      const since = state[signal];
      if (since !== null) rows.push({ participantId, name: nameOf(people, participantId), signal, since });
    }
  }
  return rows.sort((a, b) => a.since - b.since || a.name.localeCompare(b.name));
}
