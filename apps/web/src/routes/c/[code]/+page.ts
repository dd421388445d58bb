import { error } from '@sveltejs/kit';
import { CIRCLE_CODE_LENGTH } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import type { PageLoad } from './$types';

// The token rides in the fragment and lives in this device's storage: nothing to render on the server.
export const ssr = false;

/** A circle's code: eight letters or digits of the join-code alphabet, any case (CircleCode). */
const CODE = new RegExp(`^[A-HJ-NP-Z2-9]{${CIRCLE_CODE_LENGTH}}$`);

export const load: PageLoad = ({ params }) => {
  const code = params.code.trim().toUpperCase();
  if (!CODE.test(code)) error(404, { message: m.circles_not_a_code({ code: params.code }) });
  return { code };
};
