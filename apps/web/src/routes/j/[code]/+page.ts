import { parseJoinCode } from '$lib/code';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => ({ code: parseJoinCode(params.code), raw: params.code });
