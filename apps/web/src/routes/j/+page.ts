import { redirect } from '@sveltejs/kit';
import { parseJoinCode } from '$lib/code';
import type { PageLoad } from './$types';

/** The target of the "Join with a code" form when it is sent without JavaScript: /j?code=abc234 → /j/ABC234. */
export const load: PageLoad = ({ url }) => {
  const raw = url.searchParams.get('code') ?? '';
  const code = parseJoinCode(raw);
  if (code) redirect(303, `/j/${code}`);
  return { raw };
};
