import { Lazy } from '$lib/components/lazy.svelte';

/**
 * The hosts' series forms carry the session templates' words in every language: fetched only
 * for hosts (issue 14: a member on a slow phone never waits for forms they cannot use).
 */
export const seriesForm = new Lazy(() => import('./SeriesForm.svelte').then((mod) => mod.default));
export const seriesEditForm = new Lazy(() => import('./SeriesEditForm.svelte').then((mod) => mod.default));
