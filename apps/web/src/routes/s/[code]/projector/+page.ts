import { error } from '@sveltejs/kit';
import { parseJoinCode } from '$lib/code';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

// Like the session screen, the projector lives on the socket; nothing to render on the server.
export const ssr = false;

export const load: PageLoad = ({ params }) => {
  const code = parseJoinCode(params.code);
  if (!code) error(404, { message: m.app_error_not_a_join_code({ code: params.code }) });
  return { code };
};
