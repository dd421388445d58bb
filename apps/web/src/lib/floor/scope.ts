import { PLENARY } from '@kring/protocol';

/**
 * The `scope` of a floor command (F1): left out for the plenary, a room's id in a breakout room
 * (BR14), so the same floor components serve both.
 */
export const scopeField = (scope: string): { scope?: string } => (scope === PLENARY ? {} : { scope });
