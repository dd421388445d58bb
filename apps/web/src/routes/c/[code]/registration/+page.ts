import { CircleCode } from '@kring/protocol';
import type { PageLoad } from './$types';

/*
 * A registrant's own page (issue 16, CI23), from their personal link (`#token=…`). The token is
 * in the fragment and this device's storage, and times are in the visitor's zone: nothing to
 * render on the server.
 */
export const ssr = false;

/** A code that cannot be a circle's is null: the page says the link does not work. */
export const load: PageLoad = ({ params }) => {
  const code = CircleCode.safeParse(params.code);
  return { code: code.success ? code.data : null };
};
