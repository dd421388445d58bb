import { LIMITS } from '@kring/protocol';

/**
 * Board-only limits. Titles share `LIMITS.titleMax` with the rest of the product; these could move
 * to `@kring/protocol` once the server validates them on the control plane too.
 */
export const BOARD_LIMITS = {
  titleMax: LIMITS.titleMax,
  promptMax: 500,
  /** The widest template has ten columns (the ten characteristics); leave room for custom ones. */
  columnsMax: 24,
} as const;
