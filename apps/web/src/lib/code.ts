import { JoinCode } from '@kring/protocol';

/** Normalises what someone typed or what is in the URL ("abc 234" → "ABC234"); null if it cannot be a code. */
export function parseJoinCode(raw: string): string | null {
  const parsed = JoinCode.safeParse(raw.replace(/[\s-]/g, ''));
  return parsed.success ? parsed.data : null;
}
