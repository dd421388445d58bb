import { z } from 'zod';

/** Text people type: trimmed, never empty, bounded. */
export const Text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
