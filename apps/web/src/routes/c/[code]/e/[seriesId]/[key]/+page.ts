import { CircleCode } from '@kring/protocol';
import type { PageLoad } from './$types';

/*
 * The event page of one meeting (issue 16). Its times are said in the visitor's own time zone,
 * which only the browser knows: there is nothing to render on the server.
 */
export const ssr = false;

/** A code that cannot be a circle's is null: the page says "not found" without asking the server. */
export const load: PageLoad = ({ params }) => {
  const code = CircleCode.safeParse(params.code);
  return { code: code.success ? code.data : null, seriesId: params.seriesId, key: params.key };
};
