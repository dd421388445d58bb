import { error } from '@sveltejs/kit';
import { parseJoinCode } from '$lib/code';
import type { PageLoad } from './$types';

// Like the session screen, the projector lives on the socket; nothing to render on the server.
export const ssr = false;

export const load: PageLoad = ({ params }) => {
  const code = parseJoinCode(params.code);
  if (!code) error(404, { message: `“${params.code}” is not a join code.` });
  return { code };
};
