import * as decoding from 'lib0/decoding';
import { badMessage } from './errors';

export interface AwarenessEntry {
  clientId: number;
  /** null state = "this client left". */
  removed: boolean;
}

/**
 * Reads an awareness update (y-protocols/awareness: count, then clientID, clock, JSON state)
 * without applying it, so we can check who it speaks for first. Validates every JSON state too:
 * `applyAwarenessUpdate` would otherwise throw halfway and leave a partly applied update.
 */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder); // clock
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, removed: state === null });
    }
    return entries;
  } catch {
    throw badMessage('malformed awareness update');
  }
}
